package com.example.ociregistry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipfsmiddleware.api.spi.MiddlewareChain;
import io.ipfsmiddleware.api.spi.MiddlewareConfig;
import io.ipfsmiddleware.api.spi.MiddlewareOptions;
import io.ipfsmiddleware.testkit.CommandFailedException;
import io.ipfsmiddleware.testkit.KuboNode;
import io.ipfsmiddleware.testkit.OciImages;
import io.ipfsmiddleware.testkit.OciLayout;
import io.ipfsmiddleware.testkit.OciLayoutBuilder;
import io.ipfsmiddleware.testkit.ProcessRunner;
import io.ipfsmiddleware.testkit.Skopeo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.netty.DisposableServer;

/**
 * oci-registry with the ipfs middleware in front, against a real kubo node: skopeo and crane
 * pull ipfs/… images through the SPI, and push and pull ordinary images to oci-registry's own
 * storage as before.
 */
class OciRegistryWithIpfsIT {
    @TempDir
    static Path work;
    static KuboNode kubo;
    static OciLayout alpine;
    static String cid;
    static MiddlewareChain chain;
    static DisposableServer server;
    static String host;

    @BeforeAll
    static void start() throws Exception {
        Path images = Files.createDirectories(work.resolve("images"));
        alpine = OciImages.alpine(images.resolve("alpine"));
        kubo = KuboNode.start();
        cid = kubo.addDirectory(images);
        chain = MiddlewareChain.load(List.of(new MiddlewareConfig("ipfs",
                MiddlewareOptions.of("ipfs", Map.of("ipfsapiaddress", kubo.apiMultiaddr())), false)),
                OciRegistryWithIpfsIT.class.getClassLoader());
        server = OciRegistryWithIpfs.start(Files.createDirectories(work.resolve("storage")), 0, chain);
        host = "127.0.0.1:" + server.port();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.disposeNow();
        }
        if (chain != null) {
            chain.close();
        }
        if (kubo != null) {
            kubo.close();
        }
    }

    @Test
    void skopeoPullsAnIpfsImageThroughTheSpi(@TempDir Path out) {
        Skopeo.locate().copy("docker://" + host + "/ipfs/" + cid + "/alpine:" + OciImages.TAG, Skopeo.oci(out, "x"));
        assertEquals(alpine.tag(OciImages.TAG).digest(), OciLayout.read(out).tag("x").digest());
    }

    @Test
    void craneListsAndPullsFromIpfs(@TempDir Path out) {
        assertEquals(List.of("3.10.1", "3.9", "latest"),
                List.of(crane("ls", host + "/ipfs/" + cid + "/alpine").strip().split("\n")));
        crane("pull", "--format", "oci", host + "/ipfs/" + cid + "/alpine:3.9", out.toString());
        assertEquals(alpine.tag("3.9").digest(), OciLayout.read(out).tags().get(0).digest());
    }

    @Test
    void ordinaryImagesArePushedToAndPulledFromOciRegistry(@TempDir Path dir) {
        OciLayout mine = OciLayoutBuilder.at(dir.resolve("mine")).image("v1").seed(42).build();
        Skopeo skopeo = Skopeo.locate();
        skopeo.copy(Skopeo.oci(mine.directory(), "v1"), "docker://" + host + "/team/mine:v1");
        Path back = dir.resolve("back");
        skopeo.copy("docker://" + host + "/team/mine:v1", Skopeo.oci(back, "x"));
        assertEquals(mine.tag("v1").digest(), OciLayout.read(back).tag("x").digest());
    }

    @Test
    void craneCopiesAnIpfsImageIntoOciRegistryStorage() {
        crane("copy", host + "/ipfs/" + cid + "/alpine:latest", host + "/library/alpine:latest");
        String digest = crane("digest", host + "/library/alpine:latest").strip();
        assertEquals(alpine.tag("latest").digest(), digest);
    }

    @Test
    void pushingToAnIpfsNameIsRefusedWithTheReason(@TempDir Path dir) {
        OciLayout mine = OciLayoutBuilder.at(dir.resolve("mine")).image("v1").seed(7).build();
        CommandFailedException e = assertThrows(CommandFailedException.class, () -> Skopeo.locate().copy(
                Skopeo.oci(mine.directory(), "v1"), "docker://" + host + "/ipfs/" + cid + "/alpine:pushed"));
        assertTrue(e.getMessage().contains("read-only"), e.getMessage());
    }

    private static String crane(String... args) {
        List<String> command = new ArrayList<>(List.of(craneBinary(), "--insecure"));
        command.addAll(List.of(args));
        return ProcessRunner.runChecked(command, Map.of(), Duration.ofMinutes(3)).stdoutText();
    }

    private static String craneBinary() {
        String env = System.getenv("CRANE_BIN");
        if (env != null) {
            return env;
        }
        Path goBin = Path.of(System.getProperty("user.home"), "go", "bin", "crane");
        return Files.isExecutable(goBin) ? goBin.toString() : "crane";
    }
}
