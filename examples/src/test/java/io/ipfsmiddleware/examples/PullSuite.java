package io.ipfsmiddleware.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ipfsmiddleware.testkit.KuboNode;
import io.ipfsmiddleware.testkit.OciImages;
import io.ipfsmiddleware.testkit.OciLayout;
import io.ipfsmiddleware.testkit.Platform;
import io.ipfsmiddleware.testkit.Skopeo;
import io.ipfsmiddleware.testkit.TaggedImage;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The user's workflow end to end, in one servlet container: OCI layouts (written by skopeo and
 * by the testkit in every flavour the middleware accepts) are added to a real kubo node with
 * {@code ipfs add -r --cid-version 1}, and real clients pull them through the example registry.
 * Subclasses pick the container, so Jetty and Tomcat run the same suite, and the backend (the
 * node's RPC API by default, or {@link #middlewareOptions} naming kubo's gateway as a trustless
 * gateway), so both backends pass the same suite.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PullSuite {
    @TempDir
    static Path work;

    KuboNode kubo;
    TestRegistry registry;
    String cid;
    OciLayout alpine;
    OciLayout multi;
    OciLayout docker;
    OciLayout fullref;
    OciLayout dockersave;
    OciLayout nomediatype;

    abstract RegistryServer.Container container();

    /** @return the ipfs middleware's options as YAML lines; by default the node's RPC API */
    String middlewareOptions(KuboNode node) {
        return "ipfsapiaddress: " + node.apiMultiaddr();
    }

    @BeforeAll
    void startEverything() throws Exception {
        Path images = work.resolve("images");
        alpine = OciImages.skopeoLayout(images.resolve("alpine"));
        multi = OciImages.multiPlatform(images.resolve("multi"));
        docker = OciImages.dockerMediaTypes(images.resolve("docker"));
        fullref = OciImages.fullReference(images.resolve("team/fullref"));
        dockersave = OciImages.dockerSave(images.resolve("dockersave"));
        nomediatype = OciImages.withoutMediaType(images.resolve("nomediatype"));
        kubo = KuboNode.start();
        cid = kubo.addDirectory(images);
        registry = TestRegistry.startWithOptions(container(), middlewareOptions(kubo), "");
    }

    @AfterAll
    void stopEverything() throws Exception {
        if (registry != null) {
            registry.close();
        }
        if (kubo != null) {
            kubo.close();
        }
    }

    String ref(String path, String tag) {
        return registry.host() + "/ipfs/" + cid + "/" + path + ":" + tag;
    }

    String v2(String path) {
        return registry.url() + "/v2/ipfs/" + cid + "/" + path;
    }

    @Test
    void skopeoCopiesTheImageWithTheSourceDigests() throws Exception {
        Path out = work.resolve("skopeo-out");
        Skopeo.locate().copy("docker://" + ref("alpine", "3.10.1"), Skopeo.oci(out, "x"));
        OciLayout copied = OciLayout.read(out);
        TaggedImage source = alpine.tag("3.10.1");
        assertEquals(source.digest(), copied.tag("x").digest());
        assertEquals(source.manifests().get(0).layers(), copied.tag("x").manifests().get(0).layers());
    }

    @Test
    void skopeoCopiesEveryPlatformOfAnIndex() throws Exception {
        Path out = work.resolve("skopeo-all");
        Skopeo.locate().copy("docker://" + ref("multi", "3.10.1"), Skopeo.oci(out, "x"), Skopeo.CopyOption.ALL);
        TaggedImage copied = OciLayout.read(out).tag("x");
        assertEquals(multi.tag("3.10.1").digest(), copied.digest());
        assertEquals(2, copied.manifests().size());
        assertEquals(multi.tag("3.10.1").manifest(Platform.LINUX_ARM64).digest(),
                copied.manifest(Platform.LINUX_ARM64).digest());
    }

    @Test
    void skopeoReadsDockerMediaTypesWithoutRewriting() throws Exception {
        byte[] raw = Skopeo.locate().inspectRaw("docker://" + ref("docker", "3.10.1"));
        assertEquals(docker.tag("3.10.1").digest(), Http.sha256(raw));
    }

    @Test
    void craneSeesTheSameDigestsForEveryFlavour() {
        assertEquals(alpine.tag("latest").digest(), Tools.crane("digest", "--insecure", ref("alpine", "latest")).trim());
        assertEquals(multi.tag("latest").digest(), Tools.crane("digest", "--insecure", ref("multi", "latest")).trim());
        assertEquals(docker.tag("multi").digest(), Tools.crane("digest", "--insecure", ref("docker", "multi")).trim());
        assertEquals(fullref.tag("docker.io/library/alpine:3.10.1").digest(),
                Tools.crane("digest", "--insecure", ref("team/fullref", "3.10.1")).trim());
        assertEquals(dockersave.tag("3.10.1").digest(),
                Tools.crane("digest", "--insecure", ref("dockersave", "3.10.1")).trim());
        assertEquals(nomediatype.tag("multi").digest(),
                Tools.crane("digest", "--insecure", ref("nomediatype", "multi")).trim());
    }

    @Test
    void cranePullsLayersByteForByte() throws Exception {
        Path out = work.resolve("crane-out");
        Tools.crane("pull", "--insecure", "--format=oci", "--platform=linux/amd64", ref("multi", "3.10.1"),
                out.toString());
        for (var layer : multi.tag("3.10.1").manifest(Platform.LINUX_AMD64).layers()) {
            Path pulled = out.resolve("blobs/sha256/" + layer.hex());
            assertArrayEquals(multi.readBlob(layer.digest()), Files.readAllBytes(pulled), layer.digest());
        }
    }

    @Test
    void craneListsTags() {
        assertEquals("3.10.1\nlatest\nmulti\n", Tools.crane("ls", "--insecure", registry.host() + "/ipfs/" + cid + "/docker"));
    }

    @Test
    void jibUsesTheImageAsABase() throws Exception {
        JibBuild.Result result = JibBuild.onBase(ref("alpine", "3.10.1"), work.resolve("jib.tar"));
        TaggedImage source = alpine.tag("3.10.1");
        assertEquals(source.manifests().get(0).layers().stream().map(d -> d.digest()).toList(),
                result.layerDigests());
    }

    @Test
    void manifestsAreServedWithTheirExactBytesAndType() throws Exception {
        for (var c : new Object[][] {{alpine, "alpine"}, {multi, "multi"}, {docker, "docker"},
            {dockersave, "dockersave"}}) {
            OciLayout layout = (OciLayout) c[0];
            TaggedImage tag = layout.tag("3.10.1");
            HttpResponse<byte[]> byTag = Http.get(v2(c[1] + "/manifests/3.10.1"));
            assertEquals(200, byTag.statusCode());
            assertArrayEquals(layout.readBlob(tag.digest()), byTag.body());
            assertEquals(tag.digest(), byTag.headers().firstValue("Docker-Content-Digest").orElseThrow());
            assertEquals(tag.descriptor().mediaType(), byTag.headers().firstValue("Content-Type").orElseThrow());
            HttpResponse<byte[]> byDigest = Http.get(v2(c[1] + "/manifests/" + tag.digest()));
            assertEquals(Http.sha256(byDigest.body()), tag.digest());
        }
    }

    @Test
    void manifestsWithoutMediaTypeGetTheOciType() throws Exception {
        HttpResponse<byte[]> index = Http.get(v2("nomediatype/manifests/multi"));
        assertEquals("application/vnd.oci.image.index.v1+json", index.headers().firstValue("Content-Type").orElseThrow());
        HttpResponse<byte[]> manifest = Http.get(v2("nomediatype/manifests/3.10.1"));
        assertEquals("application/vnd.oci.image.manifest.v1+json",
                manifest.headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void headAnswersHeadersWithoutABody() throws Exception {
        TaggedImage tag = alpine.tag("3.10.1");
        HttpResponse<byte[]> head = Http.send("HEAD", v2("alpine/manifests/3.10.1"));
        assertEquals(200, head.statusCode());
        assertEquals(0, head.body().length);
        assertEquals(String.valueOf(tag.descriptor().size()), head.headers().firstValue("Content-Length").orElseThrow());
        assertEquals(tag.digest(), head.headers().firstValue("Docker-Content-Digest").orElseThrow());
        String layer = tag.manifests().get(0).layers().get(0).digest();
        HttpResponse<byte[]> blobHead = Http.send("HEAD", v2("alpine/blobs/" + layer));
        assertEquals(200, blobHead.statusCode());
        assertEquals(String.valueOf(alpine.readBlob(layer).length), blobHead.headers().firstValue("Content-Length")
                .orElseThrow());
    }

    @Test
    void blobsAndRanges() throws Exception {
        var layers = alpine.tag("3.10.1").manifests().get(0).layers();
        String digest = layers.get(layers.size() - 1).digest();
        byte[] blob = alpine.readBlob(digest);
        HttpResponse<byte[]> whole = Http.get(v2("alpine/blobs/" + digest));
        assertEquals(200, whole.statusCode());
        assertArrayEquals(blob, whole.body());
        assertEquals("\"" + digest + "\"", whole.headers().firstValue("ETag").orElseThrow());

        HttpResponse<byte[]> part = Http.get(v2("alpine/blobs/" + digest), "Range", "bytes=100-1099");
        assertEquals(206, part.statusCode());
        assertArrayEquals(java.util.Arrays.copyOfRange(blob, 100, 1100), part.body());
        assertEquals("bytes 100-1099/" + blob.length, part.headers().firstValue("Content-Range").orElseThrow());

        HttpResponse<byte[]> tail = Http.get(v2("alpine/blobs/" + digest), "Range", "bytes=-10");
        assertArrayEquals(java.util.Arrays.copyOfRange(blob, blob.length - 10, blob.length), tail.body());

        HttpResponse<byte[]> beyond = Http.get(v2("alpine/blobs/" + digest), "Range", "bytes=" + blob.length + "-");
        Http.assertError(beyond, 416, "RANGE_INVALID");
        assertEquals("bytes */" + blob.length, beyond.headers().firstValue("Content-Range").orElseThrow());
    }

    @Test
    void conditionalRequestsAnswerNotModified() throws Exception {
        TaggedImage tag = alpine.tag("3.10.1");
        String etag = "\"" + tag.digest() + "\"";
        assertEquals(304, Http.get(v2("alpine/manifests/3.10.1"), "If-None-Match", etag).statusCode());
        assertEquals(304, Http.get(v2("alpine/manifests/3.10.1"), "If-None-Match", "\"other\", W/" + etag)
                .statusCode());
        assertEquals(200, Http.get(v2("alpine/manifests/3.10.1"), "If-None-Match", "\"other\"").statusCode());
        String layer = tag.manifests().get(0).layers().get(0).digest();
        HttpResponse<byte[]> blob = Http.get(v2("alpine/blobs/" + layer), "If-None-Match", "\"" + layer + "\"");
        assertEquals(304, blob.statusCode());
        assertEquals(0, blob.body().length);
    }

    @Test
    void tagsListPaginates() throws Exception {
        HttpResponse<byte[]> all = Http.get(v2("docker/tags/list"));
        JsonNode body = Http.json(all);
        assertEquals("ipfs/" + cid + "/docker", body.path("name").asText());
        assertEquals("[\"3.10.1\",\"latest\",\"multi\"]", body.path("tags").toString());

        HttpResponse<byte[]> first = Http.get(v2("docker/tags/list?n=2"));
        assertEquals("[\"3.10.1\",\"latest\"]", Http.json(first).path("tags").toString());
        String link = first.headers().firstValue("Link").orElseThrow();
        assertTrue(link.contains("n=2&last=latest") && link.endsWith("rel=\"next\""), link);
        HttpResponse<byte[]> second = Http.get(v2("docker/tags/list?n=2&last=latest"));
        assertEquals("[\"multi\"]", Http.json(second).path("tags").toString());
        assertTrue(second.headers().firstValue("Link").isEmpty());
        Http.assertError(Http.get(v2("alpine/tags/list?n=-1")), 400, "PAGINATION_NUMBER_INVALID");
    }

    @Test
    void absentContentIsNotFoundAtOnce() throws Exception {
        String message = Http.assertError(Http.get(v2("alpine/manifests/9.9")), 404, "MANIFEST_UNKNOWN");
        assertTrue(message.contains("9.9") && message.contains("3.10.1"), message);
        Http.assertError(Http.get(v2("alpine/manifests/sha256:" + "0".repeat(64))), 404, "MANIFEST_UNKNOWN");
        Http.assertError(Http.get(v2("alpine/blobs/sha256:" + "0".repeat(64))), 404, "BLOB_UNKNOWN");
        String noLayout = Http.assertError(Http.get(v2("nothere/tags/list")), 404, "NAME_UNKNOWN");
        assertTrue(noLayout.contains("/ipfs/" + cid + "/nothere"), noLayout);
        // The root of the tree holds layouts, but is not one.
        Http.assertError(Http.get(registry.url() + "/v2/ipfs/" + cid + "/manifests/latest"), 404, "NAME_UNKNOWN");
        Http.assertError(Http.get(v2("alpine/blobs/sha256:xyz")), 400, "DIGEST_INVALID");
    }

    @Test
    void invalidNamesAreRejectedWithTheFix() throws Exception {
        String bad = Http.assertError(Http.get(registry.url() + "/v2/ipfs/notacid/alpine/manifests/latest"), 400,
                "NAME_INVALID");
        assertTrue(bad.contains("notacid"), bad);
        String v0 = Http.assertError(Http.get(registry.url()
                + "/v2/ipfs/QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG/alpine/manifests/latest"), 400, "NAME_INVALID");
        assertTrue(v0.contains("CIDv1") || v0.contains("cid-version"), v0);
    }

    @Test
    void writesAreRefusedAsReadOnly() throws Exception {
        for (String[] write : new String[][] {{"PUT", "alpine/manifests/new"}, {"POST", "alpine/blobs/uploads/"},
            {"DELETE", "alpine/manifests/3.10.1"}, {"PATCH", "alpine/blobs/uploads/abc"}}) {
            String message = Http.assertError(Http.send(write[0], v2(write[1])), 405, "UNSUPPORTED");
            assertTrue(message.contains("read-only") && message.contains("ipfs add"), message);
        }
        assertEquals(200, Http.get(v2("alpine/manifests/3.10.1")).statusCode());
    }

    @Test
    void otherNamesGoToTheHostRegistry() throws Exception {
        HttpResponse<byte[]> base = Http.get(registry.url() + "/v2/");
        assertEquals(200, base.statusCode());
        assertEquals("registry/2.0", base.headers().firstValue("Docker-Distribution-API-Version").orElseThrow());
        String message = Http.assertError(Http.get(registry.url() + "/v2/library/alpine/manifests/latest"), 404,
                "NAME_UNKNOWN");
        assertTrue(message.contains("upstream"), message);
    }
}
