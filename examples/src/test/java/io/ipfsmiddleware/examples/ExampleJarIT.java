package io.ipfsmiddleware.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipfsmiddleware.testkit.KuboNode;
import io.ipfsmiddleware.testkit.OciImages;
import io.ipfsmiddleware.testkit.OciLayout;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's run command: {@code java -jar examples/target/ipfs-registry.jar serve config.yml}
 * with the seed's middleware block verbatim, then a pull as a user would make it.
 */
class ExampleJarIT {
    @TempDir
    Path work;

    static Path jar() {
        Path jar = Path.of(System.getProperty("registry.jar", "target/ipfs-registry.jar"));
        assertTrue(Files.isRegularFile(jar), "build the jar first (mvn package): " + jar);
        return jar;
    }

    static Process java(Path log, String... args) throws IOException {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var command = new java.util.ArrayList<String>(java.util.List.of(javaBin, "-jar", jar().toString()));
        command.addAll(java.util.List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    @Test
    void theJarServesWhatTheSeedDescribes() throws Exception {
        OciLayout layout = OciImages.alpine(work.resolve("images/alpine"));
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (KuboNode kubo = KuboNode.start()) {
            String cid = kubo.addDirectory(work.resolve("images"));
            Path config = work.resolve("config.yml");
            Files.writeString(config, "version: 0.1\nhttp:\n  addr: 127.0.0.1:" + port + "\n"
                    + "middleware:\n  repository:\n    - name: ipfs\n      options:\n        ipfsapiaddress: "
                    + kubo.apiMultiaddr() + "\n");
            Path log = work.resolve("registry.log");
            Process registry = java(log, "serve", config.toString());
            try {
                waitForBase("http://127.0.0.1:" + port, registry, log);
                String ref = "127.0.0.1:" + port + "/ipfs/" + cid + "/alpine:3.10.1";
                assertEquals(layout.tag("3.10.1").digest(), Tools.crane("digest", "--insecure", ref).trim());
                Tools.crane("pull", "--insecure", ref, work.resolve("pulled.tar").toString());
                assertTrue(Files.size(work.resolve("pulled.tar")) > 1_000_000);
            } finally {
                registry.destroy();
                registry.waitFor(10, TimeUnit.SECONDS);
            }
            assertTrue(Files.readString(log).contains("with repository middleware [ipfs]"), Files.readString(log));
        }
    }

    /**
     * The shipped examples/config.yml on a machine without an IPFS node: the start-up probe finds
     * none, so the gateways serve. The public gateways it lists are swapped for kubo's gateway
     * (no network here); everything else is the file as shipped.
     */
    @Test
    void theShippedConfigServesThroughGatewaysWhenNoNodeAnswers() throws Exception {
        OciLayout layout = OciImages.alpine(work.resolve("images/alpine"));
        int port;
        int deadApi;
        try (ServerSocket socket = new ServerSocket(0); ServerSocket dead = new ServerSocket(0)) {
            port = socket.getLocalPort();
            deadApi = dead.getLocalPort();
        }
        try (KuboNode kubo = KuboNode.start()) {
            String cid = kubo.addDirectory(work.resolve("images"));
            String shipped = Files.readString(Path.of("config.yml"));
            assertTrue(shipped.contains("https://trustless-gateway.link"), shipped);
            Path config = work.resolve("config.yml");
            Files.writeString(config, shipped.replace("127.0.0.1:5000", "127.0.0.1:" + port)
                    .replace("/ip4/127.0.0.1/tcp/5001", "/ip4/127.0.0.1/tcp/" + deadApi)
                    .replace("https://trustless-gateway.link", kubo.gatewayUri().toString())
                    .replace("https://ipfs.io", "http://127.0.0.1:" + deadApi));
            Path log = work.resolve("registry.log");
            Process registry = java(log, "serve", config.toString());
            try {
                waitForBase("http://127.0.0.1:" + port, registry, log);
                String ref = "127.0.0.1:" + port + "/ipfs/" + cid + "/alpine:3.10.1";
                assertEquals(layout.tag("3.10.1").digest(), Tools.crane("digest", "--insecure", ref).trim());
            } finally {
                registry.destroy();
                registry.waitFor(10, TimeUnit.SECONDS);
            }
            String output = Files.readString(log);
            assertTrue(output.contains("reads verified blocks from trustless gateways")
                    && output.contains("no IPFS node answered at http://127.0.0.1:" + deadApi), output);
        }
    }

    @Test
    void aBadOptionStopsStartUpWithOneClearLine() throws Exception {
        Path config = work.resolve("bad.yml");
        Files.writeString(config, "middleware:\n  repository:\n    - name: ipfs\n      options:\n"
                + "        ipfsapiadress: /ip4/127.0.0.1/tcp/5001\n");
        Path log = work.resolve("bad.log");
        Process process = java(log, "serve", config.toString());
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, process.exitValue());
        String output = Files.readString(log);
        assertTrue(output.contains("unknown option(s) [ipfsapiadress]") && output.contains("ipfsapiaddress"), output);
    }

    private static void waitForBase(String url, Process process, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("registry exited: " + Files.readString(log));
            }
            try {
                if (Http.get(url + "/v2/").statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                Thread.sleep(200);
            }
        }
        throw new AssertionError("registry did not start: " + Files.readString(log));
    }
}
