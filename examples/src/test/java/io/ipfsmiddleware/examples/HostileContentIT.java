package io.ipfsmiddleware.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ipfsmiddleware.testkit.Descriptor;
import io.ipfsmiddleware.testkit.KuboNode;
import io.ipfsmiddleware.testkit.OciImages;
import io.ipfsmiddleware.testkit.OciLayout;
import io.ipfsmiddleware.testkit.ProcessResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trees anyone could publish, made wrong on purpose: tampered blobs and manifests, lying sizes,
 * oversized and malformed index.json, symlinks, and legitimate oddities (custom media types, a
 * missing oci-layout file, HAMT-sharded directories). Each gets a clear answer, and wrong bytes
 * are never delivered whole.
 */
class HostileContentIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path work;

    static KuboNode kubo;
    static TestRegistry registry;
    static String cid;
    static OciLayout tamperedBlob;
    static String tamperedLayer;
    static OciLayout customType;
    static String customDigest;
    static String htmlDigest;

    @BeforeAll
    static void publishHostileTree() throws Exception {
        Path images = work.resolve("images");
        tamperedBlob = OciImages.alpine(images.resolve("tampered-blob"));
        List<Descriptor> layers = tamperedBlob.tag("3.10.1").manifests().get(0).layers();
        tamperedLayer = layers.get(layers.size() - 1).digest();
        flipLastByte(tamperedBlob.blobPath(tamperedLayer));

        OciLayout tamperedManifest = OciImages.alpine(images.resolve("tampered-manifest"));
        Path manifest = tamperedManifest.blobPath(tamperedManifest.tag("3.10.1").digest());
        Files.writeString(manifest, Files.readString(manifest).replace("\"schemaVersion\":2", "\"schemaVersion\": 2"));

        OciLayout wrongSize = OciImages.alpine(images.resolve("wrong-size"));
        editIndex(wrongSize.directory(), index -> ((ObjectNode) index.path("manifests").path(0))
                .put("size", index.path("manifests").path(0).path("size").asLong() + 1));

        OciLayout bigIndex = OciImages.alpine(images.resolve("big-index"));
        editIndex(bigIndex.directory(), index -> ((ObjectNode) index.path("manifests").path(0).path("annotations"))
                .put("padding", "x".repeat(5 * 1024 * 1024)));

        OciLayout malformed = OciImages.alpine(images.resolve("malformed-index"));
        Files.writeString(malformed.directory().resolve("index.json"), "{\"manifests\": [ {\"digest\": ");

        customType = OciImages.alpine(images.resolve("custom-type"));
        byte[] original = customType.readBlob(customType.tag("3.10.1").digest());
        byte[] custom = new String(original, StandardCharsets.UTF_8).replace(
                "application/vnd.oci.image.manifest.v1+json", "application/vnd.example.custom.manifest.v1+json")
                .getBytes(StandardCharsets.UTF_8);
        customDigest = Http.sha256(custom);
        Files.write(customType.directory().resolve("blobs/sha256/" + customDigest.substring(7)), custom);
        editIndex(customType.directory(), index -> ((ObjectNode) index.path("manifests").path(0))
                .put("digest", customDigest).put("size", custom.length)
                .put("mediaType", "application/vnd.example.custom.manifest.v1+json"));

        OciLayout html = OciImages.alpine(images.resolve("html-type"));
        byte[] plain = html.readBlob(html.tag("3.10.1").digest());
        byte[] script = new String(plain, StandardCharsets.UTF_8).replace("\"schemaVersion\":2",
                "\"schemaVersion\":2,\"mediaType\":\"text/html\",\"x\":\"<script>alert(1)</script>\"")
                .replace(",\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\"", "")
                .getBytes(StandardCharsets.UTF_8);
        htmlDigest = Http.sha256(script);
        Files.write(html.directory().resolve("blobs/sha256/" + htmlDigest.substring(7)), script);

        OciLayout noLayoutFile = OciImages.alpine(images.resolve("no-oci-layout"));
        Files.delete(noLayoutFile.directory().resolve("oci-layout"));

        OciLayout symlinked = OciImages.alpine(images.resolve("symlink-blob"));
        Path layer = symlinked.blobPath(symlinked.tag("3.10.1").manifests().get(0).layers().get(0).digest());
        Files.move(layer, symlinked.directory().resolve("real-layer"));
        Files.createSymbolicLink(layer, Path.of("../../real-layer"));

        kubo = KuboNode.start();
        cid = kubo.addDirectory(images);
        registry = TestRegistry.start(RegistryServer.Container.JETTY, kubo.apiMultiaddr(), "");
    }

    @AfterAll
    static void stop() throws IOException {
        if (registry != null) {
            registry.close();
        }
        if (kubo != null) {
            kubo.close();
        }
    }

    private static void flipLastByte(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 1] ^= 0x01;
        Files.write(file, bytes);
    }

    private interface IndexEdit {
        void apply(ObjectNode index);
    }

    private static void editIndex(Path layout, IndexEdit edit) throws IOException {
        ObjectNode index = (ObjectNode) JSON.readTree(layout.resolve("index.json").toFile());
        edit.apply(index);
        JSON.writeValue(layout.resolve("index.json").toFile(), index);
    }

    private static String v2(String path) {
        return registry.url() + "/v2/ipfs/" + cid + "/" + path;
    }

    @Test
    void aTamperedBlobIsNeverDeliveredWholeAndTheLogSaysWhere() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            ProcessResult pull = Tools.craneExpectingFailure("pull", "--insecure",
                    registry.host() + "/ipfs/" + cid + "/tampered-blob:3.10.1", work.resolve("t.tar").toString());
            assertNotEquals(0, pull.exitCode(), "crane must fail to pull a tampered image");
            byte[] expected = tamperedBlob.readBlob(tamperedLayer);
            try {
                HttpResponse<byte[]> response = Http.get(v2("tampered-blob/blobs/" + tamperedLayer));
                assertTrue(response.body().length < expected.length, "a tampered blob arrived whole");
            } catch (IOException truncated) {
                // the connection was broken before the last byte: what a client must see
            }
        } finally {
            System.setErr(stderr);
        }
        String logged = log.toString(StandardCharsets.UTF_8);
        assertTrue(logged.contains("/ipfs/" + cid + "/tampered-blob/blobs/sha256/" + tamperedLayer.substring(7))
                && logged.contains("does not match its digest"), logged);
    }

    @Test
    void aTamperedManifestIsRefused() throws Exception {
        String message = Http.assertError(Http.get(v2("tampered-manifest/manifests/3.10.1")), 400, "MANIFEST_INVALID");
        assertTrue(message.contains("does not match its digest") && message.contains(cid), message);
    }

    @Test
    void anIndexSizeThatDisagreesIsCaught() throws Exception {
        String message = Http.assertError(Http.get(v2("wrong-size/manifests/3.10.1")), 400, "MANIFEST_INVALID");
        assertTrue(message.contains("size"), message);
    }

    @Test
    void oversizedAndMalformedIndexesGetClearErrors() throws Exception {
        String big = Http.assertError(Http.get(v2("big-index/tags/list")), 400, "MANIFEST_INVALID");
        assertTrue(big.contains("4 MiB"), big);
        String bad = Http.assertError(Http.get(v2("malformed-index/tags/list")), 404, "NAME_UNKNOWN");
        assertTrue(bad.contains("index.json") && bad.contains("not valid JSON"), bad);
    }

    @Test
    void legitimateOdditiesWork() throws Exception {
        HttpResponse<byte[]> custom = Http.get(v2("custom-type/manifests/3.10.1"));
        assertEquals(200, custom.statusCode());
        assertEquals("application/vnd.example.custom.manifest.v1+json",
                custom.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(customDigest, custom.headers().firstValue("Docker-Content-Digest").orElseThrow());
        assertEquals(200, Http.get(v2("no-oci-layout/manifests/3.10.1")).statusCode());
    }

    @Test
    void malformedNamesGetClearClientErrors() throws Exception {
        String base = registry.url() + "/v2/ipfs/" + cid;
        for (String path : new String[] {"/Alpine/tags/list", "/" + "a".repeat(300) + "/tags/list",
            "/al..pine/tags/list", "/-alpine/manifests/latest"}) {
            HttpResponse<byte[]> response = Http.get(base + path);
            assertEquals(400, response.statusCode(), path);
            assertTrue(new String(response.body()).contains("NAME_INVALID"), path);
        }
        // Empty path components are refused by the container itself (Jetty: ambiguous empty segment).
        for (String path : new String[] {"//alpine/tags/list", "/alpine//tags/list"}) {
            assertEquals(400, Http.get(base + path).statusCode(), path);
        }
        // ".." as a path segment is normalised or refused by the container before any filter sees it;
        // either way, never a 2xx and never a read outside the CID.
        int dotdot = Http.get(base + "/alpine/../../etc/tags/list").statusCode();
        assertTrue(dotdot >= 400 && dotdot < 500, "status " + dotdot);
    }

    @Test
    void aManifestClaimingABrowserTypeIsServedAsJson() throws Exception {
        HttpResponse<byte[]> response = Http.get(v2("html-type/manifests/" + htmlDigest));
        assertEquals(200, response.statusCode());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow().split(";")[0]);
        assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElseThrow());
        assertEquals(htmlDigest, Http.sha256(response.body()));
    }

    @Test
    void aSymlinkedBlobIsExplained() throws Exception {
        String layer = OciLayout.read(work.resolve("images/symlink-blob")).tag("3.10.1").manifests().get(0).layers()
                .get(0).digest();
        String message = Http.assertError(Http.get(v2("symlink-blob/blobs/" + layer)), 404, "BLOB_UNKNOWN");
        assertTrue(message.contains("symbolic link") && message.contains("--dereference-symlinks"), message);
        assertFalse(message.isBlank());
    }
}
