package com.example.consumer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipfsmiddleware.api.error.ErrorCode;
import io.ipfsmiddleware.api.error.RegistryException;
import io.ipfsmiddleware.api.model.Digest;
import io.ipfsmiddleware.api.model.ManifestContent;
import io.ipfsmiddleware.api.spi.Repository;
import io.ipfsmiddleware.testkit.Descriptor;
import io.ipfsmiddleware.testkit.ImageManifest;
import io.ipfsmiddleware.testkit.KuboNode;
import io.ipfsmiddleware.testkit.OciImages;
import io.ipfsmiddleware.testkit.OciLayout;
import io.ipfsmiddleware.testkit.TaggedImage;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The published jars, taken by coordinates: the ipfs middleware is found by its name through
 * ServiceLoader (ipfs-middleware-core is a runtime dependency of this project) and serves an
 * image a real kubo node holds.
 */
class PlainRegistryIT {
    @TempDir
    static Path images;
    static KuboNode kubo;
    static OciLayout alpine;
    static String cid;
    static PlainRegistry registry;

    @BeforeAll
    static void start() {
        alpine = OciImages.alpine(images.resolve("alpine"));
        kubo = KuboNode.start();
        cid = kubo.addDirectory(images);
        registry = PlainRegistry.withIpfs(kubo.apiMultiaddr());
    }

    @AfterAll
    static void stop() {
        if (registry != null) {
            registry.close();
        }
        if (kubo != null) {
            kubo.close();
        }
    }

    @Test
    void ipfsMiddlewareIsFoundByNameOnTheClassPath() {
        assertEquals(List.of("ipfs"), registry.middlewares());
    }

    @Test
    void servesTheImageFromIpfsByteForByte() throws Exception {
        Repository repo = registry.repository("ipfs/" + cid + "/alpine");
        assertFalse(PlainRegistry.isOwn(repo));
        TaggedImage tagged = alpine.tag(OciImages.TAG);
        ManifestContent manifest = repo.manifests().get(OciImages.TAG);
        assertEquals(tagged.digest(), manifest.digest().toString());
        assertArrayEquals(alpine.readBlob(tagged.digest()), manifest.bytes());
        ImageManifest image = tagged.manifests().get(0);
        for (Descriptor blob : image.layers()) {
            try (InputStream in = repo.blobs().open(Digest.parse(blob.digest()), null)) {
                assertArrayEquals(alpine.readBlob(blob.digest()), in.readAllBytes(), blob.digest());
            }
        }
        assertEquals(List.of("3.10.1", "3.9", "latest"), repo.tags().list(-1, null).tags());
    }

    @Test
    void otherNamesStayWithTheRegistry() throws Exception {
        Repository repo = registry.repository("library/alpine");
        assertTrue(PlainRegistry.isOwn(repo));
        RegistryException e = assertThrows(RegistryException.class, () -> repo.manifests().get("3.10.1"));
        assertEquals(ErrorCode.MANIFEST_UNKNOWN, e.code());
    }
}
