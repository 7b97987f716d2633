package io.ipfsmiddleware.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.ipfsmiddleware.testkit.KuboNode;
import io.ipfsmiddleware.testkit.OciImages;
import io.ipfsmiddleware.testkit.OciLayout;
import io.ipfsmiddleware.testkit.Skopeo;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input to {@code publish}: each gets one {@code error:} line on stderr, a non-zero exit and
 * nothing on stdout (so never a CID), and the node's pins do not change.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublishErrorsIT {
    @TempDir
    static Path work;

    KuboNode kubo;
    OciLayout alpine;
    Path dockerArchive;
    int runs;

    @BeforeAll
    void start() throws Exception {
        alpine = OciImages.alpine(work.resolve("alpine"));
        dockerArchive = work.resolve("alpine.tar");
        Skopeo.locate().copy(Skopeo.oci(alpine.directory(), "3.10.1"), "docker-archive:" + dockerArchive + ":alpine:3.10.1");
        kubo = KuboNode.start();
    }

    @AfterAll
    void stop() {
        if (kubo != null) {
            kubo.close();
        }
    }

    String error(int exit, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--api", kubo.apiMultiaddr()));
        String pinsBefore = kubo.run("pin", "ls", "--type", "recursive");
        String line = PublishJar.run(work.resolve("run-" + runs++), null, all.toArray(String[]::new)).error(exit);
        assertEquals(pinsBefore, kubo.run("pin", "ls", "--type", "recursive"), "nothing may be pinned");
        return line;
    }

    @Test
    void aMissingFileOrDirectory() throws Exception {
        assertTrue(error(1, "docker-archive:" + work.resolve("nope.tar"), "--name", "a:1").contains("does not exist"));
        assertTrue(error(1, "oci:" + work.resolve("nodir"), "--name", "a:1").contains("does not exist"));
    }

    @Test
    void aCorruptArchive() throws Exception {
        Path junk = work.resolve("junk.tar");
        byte[] bytes = new byte[100_000];
        new Random(1).nextBytes(bytes);
        Files.write(junk, bytes);
        String line = error(1, "docker-archive:" + junk, "--name", "a:1");
        assertTrue(line.contains("not a readable tar archive") || line.contains("not a tar archive"), line);
    }

    @Test
    void aTruncatedArchive() throws Exception {
        byte[] whole = Files.readAllBytes(dockerArchive);
        for (int cut : new int[] {whole.length / 3, whole.length - 3000}) {
            Path truncated = work.resolve("truncated-" + cut + ".tar");
            Files.write(truncated, java.util.Arrays.copyOf(whole, cut));
            String line = error(1, "docker-archive:" + truncated, "--name", "a:1");
            assertTrue(line.contains("truncated"), line);
        }
    }

    @Test
    void aLayoutWithATamperedLayer() throws Exception {
        Path copy = work.resolve("tampered");
        Skopeo.locate().copy(Skopeo.oci(alpine.directory(), "3.10.1"), Skopeo.oci(copy, "3.10.1"));
        String layer = OciLayout.read(copy).tag("3.10.1").manifests().get(0).layers().get(1).hex();
        Path blob = copy.resolve("blobs/sha256/" + layer);
        byte[] bytes = Files.readAllBytes(blob);
        bytes[bytes.length / 2] ^= 1;
        Files.write(blob, bytes);
        String line = error(1, "oci:" + copy + ":3.10.1", "--name", "a:1");
        assertTrue(line.contains("does not match its descriptor"), line);
    }

    @Test
    void anUnknownSourceKindOrAMissingName() throws Exception {
        String line = error(2, "tarball:" + dockerArchive, "--name", "a:1");
        assertTrue(line.contains("unknown source kind") && line.contains("docker-archive:FILE"), line);
        assertTrue(error(2, "docker-archive:" + dockerArchive).contains("has no --name"));
        assertTrue(error(2, "docker-archive:" + dockerArchive, "--name", "Upper:1").contains("not a valid image name"));
    }

    @Test
    void aNodeThatIsDown() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        PublishJar.Run run = PublishJar.run(work.resolve("run-" + runs++), null, "docker-archive:" + dockerArchive,
                "--name", "a:1", "--api", "/ip4/127.0.0.1/tcp/" + port);
        String line = run.error(1);
        assertTrue(line.contains("cannot connect") && line.contains("127.0.0.1:" + port), line);
    }

    /**
     * A run stopped half way (SIGTERM, as Ctrl-C or a CI timeout) says so and prints no CID.
     * To stop it at a known point, the source is a registry that takes the manifest request and
     * never answers: a fake, because no real registry can be made to hang on cue.
     */
    @Test
    void anInterruptedRun() throws Exception {
        CountDownLatch asked = new CountDownLatch(1);
        HttpServer hanging = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        hanging.createContext("/", exchange -> {
            asked.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        hanging.start();
        try {
            Path runDir = work.resolve("run-" + runs++);
            Process process = PublishJar.start(runDir, null, "docker://127.0.0.1:" + hanging.getAddress().getPort()
                    + "/lib/x:1", "--name", "x:1", "--api", kubo.apiMultiaddr());
            assertTrue(asked.await(60, TimeUnit.SECONDS), "publish never asked the registry");
            process.destroy();
            PublishJar.Run run = PublishJar.finish(runDir, process);
            assertNotEquals(0, run.exit());
            assertEquals("", run.stdout());
            assertEquals(List.of("error: interrupted before the tree was complete on the node; nothing was published"),
                    run.stderr().lines().toList());
        } finally {
            hanging.stop(0);
        }
    }
}
