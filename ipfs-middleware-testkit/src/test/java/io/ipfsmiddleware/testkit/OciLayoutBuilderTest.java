package io.ipfsmiddleware.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OciLayoutBuilderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void writesLayoutFilesAndTags() throws IOException {
        OciLayout layout = OciImages.alpine(tmp.resolve("alpine"));

        assertEquals("{\"imageLayoutVersion\":\"1.0.0\"}", Files.readString(tmp.resolve("alpine/oci-layout")));
        JsonNode index = JSON.readTree(tmp.resolve("alpine/index.json").toFile());
        assertEquals(2, index.get("schemaVersion").asInt());
        assertEquals(List.of("3.10.1", "latest", "3.9"), layout.tags().stream().map(TaggedImage::tag).toList());
        assertEquals("3.10.1", index.get("manifests").get(0).get("annotations")
                .get("org.opencontainers.image.ref.name").asText());
        assertEquals(layout.tag("3.10.1").digest(), layout.tag("latest").digest());
        assertNotEquals(layout.tag("3.10.1").digest(), layout.tag("3.9").digest());
        assertFalse(layout.tag("3.10.1").isIndex());
        for (Descriptor blob : layout.blobs().values()) {
            assertEquals(blob.digest(), Digests.sha256(layout.blobPath(blob.digest())));
            assertEquals(blob.size(), Files.size(layout.blobPath(blob.digest())));
        }
    }

    @Test
    void manifestConfigAndDiffIdsAreConsistent() throws IOException {
        OciLayout layout = OciLayoutBuilder.at(tmp.resolve("l")).randomLayerSize(3 * 1024 * 1024).image("t").build();
        ImageManifest image = layout.tag("t").manifests().get(0);

        JsonNode manifest = JSON.readTree(layout.readBlob(image.digest()));
        assertEquals(ManifestFormat.OCI.manifestMediaType(), manifest.get("mediaType").asText());
        assertEquals(ManifestFormat.OCI.configMediaType(), image.config().mediaType());
        JsonNode config = JSON.readTree(layout.readBlob(image.config().digest()));
        assertEquals("amd64", config.get("architecture").asText());
        assertEquals("linux", config.get("os").asText());
        assertEquals("/bin/sh", config.get("config").get("Cmd").get(0).asText());
        assertEquals(3, image.layers().size());
        for (int i = 0; i < image.layers().size(); i++) {
            Descriptor layer = image.layers().get(i);
            assertEquals("application/vnd.oci.image.layer.v1.tar+gzip", layer.mediaType());
            byte[] tar = LayerFiles.gunzip(layout.readBlob(layer.digest()));
            assertEquals(Digests.sha256(tar), image.diffIds().get(i));
        }
        assertTrue(image.layers().get(2).size() > 3 * 1024 * 1024, "random layer is incompressible");
        assertEquals(Platform.LINUX_AMD64, image.platform());
    }

    @Test
    void sameInputGivesSameDigests() {
        OciLayout first = OciImages.alpine(tmp.resolve("a"));
        OciLayout second = OciImages.alpine(tmp.resolve("b"));
        assertEquals(first.blobs(), second.blobs());
        assertEquals(first.tags().stream().map(TaggedImage::digest).toList(),
                second.tags().stream().map(TaggedImage::digest).toList());

        OciLayout otherSeed = OciLayoutBuilder.at(tmp.resolve("c")).seed(99).image("3.10.1", "latest").image("3.9")
                .build();
        assertNotEquals(first.tag("3.10.1").digest(), otherSeed.tag("3.10.1").digest());
    }

    @Test
    void busyboxLayerHoldsRunnableBusybox() throws Exception {
        OciLayout layout = OciLayoutBuilder.at(tmp.resolve("l")).randomLayerSize(0).image("t").build();
        Descriptor busyboxLayer = layout.tag("t").manifests().get(0).layers().get(0);
        Map<String, LayerFiles.Entry> files = LayerFiles.read(layout.readBlob(busyboxLayer.digest()), true);

        assertEquals(List.of("bin/", "bin/busybox", "bin/cat", "bin/echo", "bin/ls", "bin/sh", "bin/sha256sum",
                "bin/true"), List.copyOf(files.keySet()));
        LayerFiles.Entry busybox = files.get("bin/busybox");
        assertEquals(0755, busybox.header().getMode() & 0777);
        assertArrayEquals(Files.readAllBytes(Path.of("/bin/busybox")), busybox.content());
        assertTrue(files.get("bin/sh").header().isSymbolicLink());
        assertEquals("busybox", files.get("bin/sh").header().getLinkName());
        assertEquals(0, busybox.header().getLongUserId());

        Path extracted = tmp.resolve("rootfs/bin/busybox");
        Files.createDirectories(extracted.getParent());
        Files.write(extracted, busybox.content());
        Files.setPosixFilePermissions(extracted, PosixFilePermissions.fromString("rwxr-xr-x"));
        ProcessResult run = ProcessRunner.runChecked(List.of(extracted.toString(), "echo", "hello"), Map.of(),
                Duration.ofSeconds(10));
        assertEquals("hello\n", run.stdoutText());
    }

    @Test
    void multiPlatformIndex() throws IOException {
        OciLayout layout = OciImages.multiPlatform(tmp.resolve("m"));
        TaggedImage tag = layout.tag("3.10.1");

        assertTrue(tag.isIndex());
        assertEquals(ManifestFormat.OCI.indexMediaType(), tag.descriptor().mediaType());
        assertEquals(List.of(Platform.LINUX_AMD64, Platform.LINUX_ARM64),
                tag.manifests().stream().map(ImageManifest::platform).toList());
        JsonNode armConfig = JSON.readTree(layout.readBlob(tag.manifest(Platform.LINUX_ARM64).config().digest()));
        assertEquals("arm64", armConfig.get("architecture").asText());
        assertEquals("v8", armConfig.get("variant").asText());
        assertNotEquals(tag.manifests().get(0).digest(), tag.manifests().get(1).digest());
        assertEquals(tag.manifests().get(0).layers().get(0), tag.manifests().get(1).layers().get(0),
                "busybox layer shared");
    }

    @Test
    void dockerMediaTypes() throws IOException {
        OciLayout layout = OciImages.dockerMediaTypes(tmp.resolve("d"));

        TaggedImage single = layout.tag("3.10.1");
        assertEquals("application/vnd.docker.distribution.manifest.v2+json", single.descriptor().mediaType());
        JsonNode manifest = JSON.readTree(layout.readBlob(single.digest()));
        assertEquals("application/vnd.docker.distribution.manifest.v2+json", manifest.get("mediaType").asText());
        assertEquals("application/vnd.docker.container.image.v1+json",
                manifest.get("config").get("mediaType").asText());
        assertEquals("application/vnd.docker.image.rootfs.diff.tar.gzip",
                manifest.get("layers").get(0).get("mediaType").asText());
        TaggedImage multi = layout.tag("multi");
        assertEquals("application/vnd.docker.distribution.manifest.list.v2+json", multi.descriptor().mediaType());
        assertEquals("application/vnd.docker.distribution.manifest.list.v2+json",
                JSON.readTree(layout.readBlob(multi.digest())).get("mediaType").asText());
    }

    @Test
    void fullReferenceNames() {
        OciLayout layout = OciImages.fullReference(tmp.resolve("f"));
        TaggedImage tag = layout.tag("3.10.1");
        assertEquals("docker.io/library/alpine:3.10.1", tag.refName());
        assertEquals(Map.of("org.opencontainers.image.ref.name", "docker.io/library/alpine:3.10.1",
                "io.containerd.image.name", "docker.io/library/alpine:3.10.1"), tag.annotations());
        assertEquals(tag, layout.tag("docker.io/library/alpine:3.10.1"));
    }

    @Test
    void dockerSaveStyle() throws IOException {
        Path dir = tmp.resolve("save");
        OciLayout layout = OciImages.dockerSave(dir);
        TaggedImage tag = layout.tag("latest");
        assertEquals(Map.of("org.opencontainers.image.ref.name", "latest",
                "io.containerd.image.name", "docker.io/library/alpine:latest"), tag.annotations());
        ImageManifest image = tag.manifests().get(0);
        for (int i = 0; i < image.layers().size(); i++) {
            assertEquals("application/vnd.oci.image.layer.v1.tar", image.layers().get(i).mediaType());
            assertEquals(image.diffIds().get(i), image.layers().get(i).digest(), "uncompressed: digest = diff_id");
        }
        JsonNode manifestJson = JSON.readTree(dir.resolve("manifest.json").toFile());
        assertEquals(1, manifestJson.size());
        assertEquals("blobs/sha256/" + image.config().hex(), manifestJson.get(0).get("Config").asText());
        assertEquals("[\"alpine:3.10.1\",\"alpine:latest\"]", manifestJson.get(0).get("RepoTags").toString());
        assertEquals(3, manifestJson.get(0).get("Layers").size());
        JsonNode repositories = JSON.readTree(dir.resolve("repositories").toFile());
        assertEquals(image.layers().get(2).hex(), repositories.get("alpine").get("3.10.1").asText());
    }

    @Test
    void manifestsWithoutMediaType() throws IOException {
        OciLayout layout = OciImages.withoutMediaType(tmp.resolve("n"));
        assertFalse(JSON.readTree(layout.readBlob(layout.tag("3.10.1").digest())).has("mediaType"));
        assertFalse(JSON.readTree(layout.readBlob(layout.tag("multi").digest())).has("mediaType"));
        assertFalse(JSON.readTree(tmp.resolve("n/index.json").toFile()).has("mediaType"));
        assertEquals(ManifestFormat.OCI.manifestMediaType(), layout.tag("3.10.1").descriptor().mediaType());
        assertTrue(layout.tag("multi").isIndex());
    }

    @Test
    void seedTreeHasOneLayoutPerName() {
        SeedTree tree = OciImages.seedTree(tmp.resolve("images"), "alpine", "busybox");
        assertEquals(List.of("alpine", "busybox"), List.copyOf(tree.layouts().keySet()));
        assertTrue(Files.isRegularFile(tmp.resolve("images/alpine/index.json")));
        assertTrue(Files.isRegularFile(tmp.resolve("images/busybox/oci-layout")));
        assertNotEquals(tree.layout("alpine").tag("3.10.1").digest(), tree.layout("busybox").tag("3.10.1").digest());
    }

    @Test
    void rejectsConflictingSettings() throws IOException {
        assertThrows(IllegalStateException.class, () -> OciLayoutBuilder.at(tmp.resolve("x")).build());
        assertThrows(IllegalStateException.class,
                () -> OciLayoutBuilder.at(tmp.resolve("x")).image("a").image("b", "a").build());
        assertThrows(IllegalStateException.class, () -> OciLayoutBuilder.at(tmp.resolve("x"))
                .manifestFormat(ManifestFormat.DOCKER).omitManifestMediaType(true).image("a").build());
        assertThrows(IllegalStateException.class, () -> OciLayoutBuilder.at(tmp.resolve("x"))
                .refNameStyle(RefNameStyle.DOCKER_SAVE).multiPlatformImage("a").build());
        assertThrows(IllegalArgumentException.class, () -> OciLayoutBuilder.at(tmp).image("bad:tag"));
    }

    @Test
    void refusesNonEmptyDirectory() throws IOException {
        Files.createDirectories(tmp.resolve("full"));
        Files.writeString(tmp.resolve("full/file"), "x");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> OciLayoutBuilder.at(tmp.resolve("full")).image("a").build());
        assertTrue(e.getMessage().contains("not empty"), e.getMessage());
    }

    @Test
    void missingBusyboxIsExplained() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> OciLayoutBuilder
                .at(tmp.resolve("l")).busybox(tmp.resolve("nope")).image("a").build());
        assertTrue(e.getMessage().contains("busybox-static"), e.getMessage());
    }
}
