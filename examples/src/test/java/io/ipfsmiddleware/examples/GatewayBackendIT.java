package io.ipfsmiddleware.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ipfsmiddleware.testkit.GatewayProxy;
import io.ipfsmiddleware.testkit.KuboNode;
import io.ipfsmiddleware.testkit.OciImages;
import io.ipfsmiddleware.testkit.OciLayout;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway backend through the example registry: a layout whose {@code blobs/sha256} is a
 * HAMT-sharded directory (kubo shards it by itself: thousands of entries exceed its 256 KiB
 * threshold), and a gateway that sends a wrong block (a {@link GatewayProxy} fault; kubo never
 * does) in front of a good one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayBackendIT {
    static final int EXTRA_BLOBS = 3000;

    @TempDir
    static Path work;
    KuboNode kubo;
    String cid;
    OciLayout alpine;
    String layer;

    @BeforeAll
    void start() throws Exception {
        Path images = work.resolve("images");
        alpine = OciImages.skopeoLayout(images.resolve("alpine"));
        Path sha256 = images.resolve("alpine/blobs/sha256");
        for (int i = 0; i < EXTRA_BLOBS; i++) {
            byte[] content = ("extra " + i).getBytes(StandardCharsets.US_ASCII);
            Files.write(sha256.resolve(HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(content))), content);
        }
        kubo = KuboNode.start();
        cid = kubo.addDirectory(images);
        var layers = alpine.tag("3.10.1").manifests().get(0).layers();
        layer = layers.get(layers.size() - 1).digest();
    }

    @AfterAll
    void stop() {
        if (kubo != null) {
            kubo.close();
        }
    }

    @Test
    void aHamtShardedBlobsDirectoryServes() throws Exception {
        JsonNode dir = new ObjectMapper().readTree(kubo.run("dag", "get", "/ipfs/" + cid + "/alpine/blobs/sha256"));
        JsonNode links = dir.path("Links");
        assertTrue(links.size() <= 256 && links.size() > 0, "not sharded: " + links.size() + " links");
        links.forEach(l -> assertTrue(l.path("Name").asText().matches("[0-9A-F]{2}.*"), l.toString()));

        try (TestRegistry registry = TestRegistry.startWithOptions(RegistryServer.Container.JETTY,
                "gateways: [" + kubo.gatewayUri() + "]", "")) {
            String ref = registry.host() + "/ipfs/" + cid + "/alpine:3.10.1";
            assertEquals(alpine.tag("3.10.1").digest(), Tools.crane("digest", "--insecure", ref).trim());
            Path out = work.resolve("crane-hamt");
            Tools.crane("pull", "--insecure", "--format=oci", ref, out.toString());
            for (var d : alpine.tag("3.10.1").manifests().get(0).layers()) {
                assertArrayEquals(alpine.readBlob(d.digest()), Files.readAllBytes(out.resolve("blobs/sha256/"
                        + d.hex())), d.digest());
            }
            Http.assertError(Http.get(registry.url() + "/v2/ipfs/" + cid + "/alpine/blobs/sha256:" + "1".repeat(64)),
                    404, "BLOB_UNKNOWN");
        }
    }

    @Test
    void aWrongBlockIsNeverServedAndTheNextGatewayIsUsed() throws Exception {
        String blobPath = "/ipfs/" + cid + "/alpine/blobs/sha256/" + layer.substring("sha256:".length());
        String blobCid = kubo.run("files", "stat", "--hash", blobPath).trim();
        try (GatewayProxy liar = GatewayProxy.start(kubo.gatewayUri())) {
            liar.corrupt(blobCid);
            String url = "/v2/ipfs/" + cid + "/alpine/blobs/" + layer;
            try (TestRegistry registry = TestRegistry.startWithOptions(RegistryServer.Container.JETTY,
                    "gateways: [" + liar.uri() + ", " + kubo.gatewayUri() + "]", "")) {
                HttpResponse<byte[]> blob = Http.get(registry.url() + url);
                assertEquals(200, blob.statusCode());
                assertArrayEquals(alpine.readBlob(layer), blob.body());
            }
            assertFalse(liar.corrupted().isEmpty());
            try (TestRegistry onlyTheLiar = TestRegistry.startWithOptions(RegistryServer.Container.JETTY,
                    "gateways: [" + liar.uri() + "]", "")) {
                HttpResponse<byte[]> refused = Http.get(onlyTheLiar.url() + url);
                String message = Http.assertError(refused, 503, "UNAVAILABLE");
                assertTrue(message.contains("hashes to") && message.contains(blobCid), message);
            }
        }
    }
}
