package io.ipfsmiddleware.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ipfsmiddleware.testkit.KuboNode;
import io.ipfsmiddleware.testkit.OciImages;
import io.ipfsmiddleware.testkit.OciLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A layout whose {@code blobs/sha256} directory kubo stores as a HAMT-sharded directory (as it
 * does for large directories; here forced with a low threshold and thousands of extra entries)
 * pulls like any other.
 */
class ShardedTreeIT {
    @TempDir
    Path work;

    @Test
    void hamtShardedBlobsDirectoryWorks() throws Exception {
        OciLayout layout = OciImages.alpine(work.resolve("images/alpine"));
        Path blobs = layout.directory().resolve("blobs/sha256");
        for (int i = 0; i < 3000; i++) {
            Files.writeString(blobs.resolve(String.format("%064x", i)), "unreferenced " + i);
        }
        try (KuboNode kubo = KuboNode.builder().config("Import.UnixFSHAMTDirectorySizeThreshold", "\"1KB\"").start();
                TestRegistry registry = TestRegistry.start(RegistryServer.Container.JETTY, kubo.apiMultiaddr(), "")) {
            String cid = kubo.addDirectory(work.resolve("images"));
            JsonNode dir = new ObjectMapper().readTree(kubo.run("dag", "get", "/ipfs/" + cid + "/alpine/blobs/sha256"));
            String firstLink = dir.path("Links").path(0).path("Name").asText();
            assertTrue(firstLink.length() < 64, "blobs/sha256 is not HAMT-sharded: first link " + firstLink);
            String ref = registry.host() + "/ipfs/" + cid + "/alpine:3.10.1";
            assertEquals(layout.tag("3.10.1").digest(), Tools.crane("digest", "--insecure", ref).trim());
            Tools.crane("pull", "--insecure", ref, work.resolve("pulled.tar").toString());
            assertTrue(Files.size(work.resolve("pulled.tar")) > 1_000_000);
        }
    }
}
