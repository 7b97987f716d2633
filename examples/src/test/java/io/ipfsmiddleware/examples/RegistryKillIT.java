package io.ipfsmiddleware.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipfsmiddleware.testkit.Descriptor;
import io.ipfsmiddleware.testkit.KuboNode;
import io.ipfsmiddleware.testkit.LayerCompression;
import io.ipfsmiddleware.testkit.OciLayout;
import io.ipfsmiddleware.testkit.OciLayoutBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example registry jar killed with SIGKILL while it is caching a large blob: the partial
 * file must never be served, and after a restart the blob and a whole pull are correct.
 */
class RegistryKillIT {
    private static final int LARGE = 192 << 20;

    @TempDir
    Path work;

    @Test
    void aPartialCacheFileLeftByAKilledRegistryIsNeverServed() throws Exception {
        OciLayout layout = OciLayoutBuilder.at(work.resolve("images/big")).image("1").randomLayerSize(LARGE)
                .layerCompression(LayerCompression.NONE).build();
        Descriptor big = layout.blobs().values().stream().max(Comparator.comparingLong(Descriptor::size)).orElseThrow();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path cache = work.resolve("cache");
        try (KuboNode kubo = KuboNode.start()) {
            String cid = kubo.addDirectory(work.resolve("images"));
            Path config = work.resolve("config.yml");
            Files.writeString(config, "http:\n  addr: 127.0.0.1:" + port + "\nmiddleware:\n  repository:\n"
                    + "    - name: ipfs\n      options:\n        ipfsapiaddress: " + kubo.apiMultiaddr() + "\n"
                    + "        cachedirectory: " + cache + "\n");
            String base = "http://127.0.0.1:" + port;
            String blobUrl = base + "/v2/ipfs/" + cid + "/big/blobs/" + big.digest();
            Path entry = cache.resolve("blobs/sha256/" + big.hex());

            Process first = ExampleJarIT.java(work.resolve("first.log"), "serve", config.toString());
            try {
                waitForBase(base, first, work.resolve("first.log"));
                HttpClient client = HttpClient.newHttpClient();
                HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(URI.create(blobUrl)).build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                assertEquals(200, response.statusCode());
                try (InputStream body = response.body()) {
                    body.readNBytes(1 << 20);
                    first.destroyForcibly(); // SIGKILL, mid-fill
                    assertTrue(first.waitFor(30, TimeUnit.SECONDS));
                }
            } finally {
                first.destroyForcibly();
            }
            assertFalse(Files.exists(entry), "the kill must land while the blob is being cached; make LARGE larger");
            try (Stream<Path> partials = Files.list(cache.resolve("tmp"))) {
                assertEquals(1, partials.count(), "a partial file is left in tmp/");
            }

            Process second = ExampleJarIT.java(work.resolve("second.log"), "serve", config.toString());
            try {
                waitForBase(base, second, work.resolve("second.log"));
                try (Stream<Path> partials = Files.list(cache.resolve("tmp"))) {
                    assertEquals(0, partials.count(), "partial files are deleted at start-up");
                }
                HttpResponse<InputStream> response = HttpClient.newHttpClient().send(
                        HttpRequest.newBuilder(URI.create(blobUrl)).build(), HttpResponse.BodyHandlers.ofInputStream());
                assertEquals(big.digest(), sha256(response.body()));
                Tools.crane("pull", "--insecure", "127.0.0.1:" + port + "/ipfs/" + cid + "/big:1",
                        work.resolve("big.tar").toString());
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (!Files.exists(entry)) {
                    assertTrue(System.nanoTime() < deadline, "the blob was not cached after the restart");
                    Thread.sleep(50);
                }
                try (InputStream in = Files.newInputStream(entry)) {
                    assertEquals(big.digest(), sha256(in));
                }
            } finally {
                second.destroy();
                second.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static String sha256(InputStream in) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[1 << 16];
        try (in) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                md.update(buffer, 0, n);
            }
        }
        return "sha256:" + HexFormat.of().formatHex(md.digest());
    }

    static void waitForBase(String url, Process process, Path log) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("registry exited: " + Files.readString(log));
            }
            try {
                HttpResponse<Void> r = client.send(HttpRequest.newBuilder(URI.create(url + "/v2/")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                Thread.sleep(200);
            }
        }
        throw new AssertionError("registry did not start: " + Files.readString(log));
    }
}
