package io.ipfsmiddleware.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs the testkit against the real tools: kubo, skopeo and umoci. */
@Timeout(180)
class RealToolsIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path tmp;

    @Test
    void kuboNodeAddsTreeAndServesIt() throws Exception {
        SeedTree tree = OciImages.seedTree(tmp.resolve("images"), "alpine", "busybox");
        Path ipfsPath;
        String api;
        try (KuboNode node = KuboNode.start()) {
            ipfsPath = node.ipfsPath();
            api = node.apiUri().toString();
            assertTrue(node.apiMultiaddr().matches("/ip4/127\\.0\\.0\\.1/tcp/\\d+"), node.apiMultiaddr());
            assertTrue(node.isOffline());

            String cid = node.addDirectory(tree.root());
            assertTrue(cid.startsWith("bafy"), "CIDv1 directory: " + cid);

            byte[] indexJson = Files.readAllBytes(tree.root().resolve("alpine/index.json"));
            assertArrayEquals(indexJson, node.runBytes("cat", "/ipfs/" + cid + "/alpine/index.json"));
            Descriptor layer = tree.layout("busybox").tag("latest").manifests().get(0).layers().get(2);
            byte[] viaCat = node.runBytes("cat", "/ipfs/" + cid + "/busybox/blobs/sha256/" + layer.hex());
            assertEquals(layer.digest(), Digests.sha256(viaCat));

            HttpResponse<byte[]> viaGateway = HTTP.send(HttpRequest.newBuilder(
                    node.gatewayUri().resolve("ipfs/" + cid + "/alpine/index.json")).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, viaGateway.statusCode());
            assertArrayEquals(indexJson, viaGateway.body());

            String fileCid = node.addFile(tree.root().resolve("alpine/oci-layout"));
            assertEquals("{\"imageLayoutVersion\":\"1.0.0\"}", node.run("cat", fileCid));

            CommandFailedException e = assertThrows(CommandFailedException.class,
                    () -> node.run("cat", "/ipfs/" + cid + "/nope"));
            assertTrue(e.getMessage().contains("nope"), e.getMessage());
        }
        assertFalse(Files.exists(ipfsPath), "repository deleted on close");
        assertThrows(IOException.class, () -> HTTP.send(HttpRequest.newBuilder(
                java.net.URI.create(api).resolve("api/v0/version")).POST(HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()));
    }

    @Test
    void onlineNodeStartsToo() {
        try (KuboNode node = KuboNode.builder().offline(false).config("Gateway.NoFetch", "true").start()) {
            assertFalse(node.isOffline());
            assertTrue(node.run("id", "-f", "<id>").strip().startsWith("12D3"));
            assertEquals("true", node.run("config", "Gateway.NoFetch").strip());
        }
    }

    static Stream<Arguments> variants() {
        return Stream.of(
                Arguments.of("alpine", (Function<Path, OciLayout>) OciImages::alpine, "3.9"),
                Arguments.of("multiPlatform", (Function<Path, OciLayout>) OciImages::multiPlatform, "3.10.1"),
                Arguments.of("fullReference", (Function<Path, OciLayout>) OciImages::fullReference,
                        "docker.io/library/alpine:3.10.1"),
                Arguments.of("dockerSave", (Function<Path, OciLayout>) OciImages::dockerSave, "latest"),
                Arguments.of("withoutMediaType", (Function<Path, OciLayout>) OciImages::withoutMediaType, "multi"),
                Arguments.of("withoutMediaTypeSingle", (Function<Path, OciLayout>) OciImages::withoutMediaType,
                        "3.10.1"));
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("variants")
    void skopeoAcceptsLayout(String name, Function<Path, OciLayout> variant, String reference) {
        Skopeo skopeo = Skopeo.locate();
        OciLayout layout = variant.apply(tmp.resolve("src"));
        TaggedImage tag = layout.tag(reference);

        byte[] raw = skopeo.inspectRaw(Skopeo.oci(layout.directory(), reference));
        assertEquals(tag.digest(), Digests.sha256(raw));

        Path copy = tmp.resolve("copy");
        skopeo.copy(Skopeo.oci(layout.directory(), reference), Skopeo.oci(copy, "copied"), Skopeo.CopyOption.ALL,
                Skopeo.CopyOption.PRESERVE_DIGESTS);
        assertEquals(tag.digest(), Digests.sha256(skopeo.inspectRaw(Skopeo.oci(copy, "copied"))));
        OciLayout copied = OciLayout.read(copy);
        assertEquals(tag.manifests().size(), copied.tag("copied").manifests().size());
    }

    /** skopeo 1.9 skips index.json entries whose media type is not OCI; the middleware must not. */
    @Test
    void skopeoIgnoresDockerTypedEntries() {
        OciLayout layout = OciImages.dockerMediaTypes(tmp.resolve("docker"));
        CommandFailedException e = assertThrows(CommandFailedException.class,
                () -> Skopeo.locate().inspectRaw(Skopeo.oci(layout.directory(), "3.10.1")));
        assertTrue(e.getMessage().contains("no descriptor found"), e.getMessage());
    }

    @Test
    void umociReadsLayouts() {
        Umoci umoci = Umoci.locate();
        OciLayout layout = OciImages.alpine(tmp.resolve("alpine"));
        String stat = umoci.stat(layout.directory(), "3.10.1");
        assertTrue(stat.contains("busybox"), stat);
    }

    @Test
    void skopeoWrittenLayout() {
        OciLayout ours = OciImages.alpine(tmp.resolve("ours"));
        OciLayout written = OciImages.skopeoLayout(tmp.resolve("images/alpine"));
        assertEquals(ours.tag("3.10.1").digest(), written.tag("3.10.1").digest());
        assertEquals(ours.tag("latest").digest(), written.tag("latest").digest());
        assertTrue(Files.isRegularFile(tmp.resolve("images/alpine/index.json")));
    }
}
