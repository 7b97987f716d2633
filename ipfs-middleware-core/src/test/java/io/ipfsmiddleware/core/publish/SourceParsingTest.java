package io.ipfsmiddleware.core.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;

/** Source strings, registry references, platforms and names. */
class SourceParsingTest {
    private static ImageSource parse(String spec) throws PublishException {
        return ImageSources.parse(spec, new ByteArrayInputStream(new byte[0]));
    }

    @Test
    void sourceKinds() throws Exception {
        assertTrue(parse("oci:./images/alpine:3.10.1") instanceof OciLayoutSource);
        assertTrue(parse("oci-archive:a.tar") instanceof ArchiveSource);
        assertTrue(parse("docker-archive:-") instanceof ArchiveSource);
        assertTrue(parse("docker://localhost:5000/a/b:1") instanceof RegistrySource);
        assertTrue(assertThrows(PublishException.class, () -> parse("./alpine.tar")).getMessage()
                .contains("unknown source kind"));
        assertTrue(assertThrows(PublishException.class, () -> parse("oci:")).getMessage().contains("names no"));
    }

    @Test
    void registryReferences() throws Exception {
        RegistryReference hub = RegistryReference.parse("alpine", "x");
        assertEquals("https://registry-1.docker.io", hub.baseUri().toString());
        assertEquals("library/alpine", hub.repository());
        assertEquals("latest", hub.tag());
        RegistryReference local = RegistryReference.parse("127.0.0.1:5000/team/app:1.0", "x");
        assertEquals("http://127.0.0.1:5000", local.baseUri().toString());
        assertEquals("team/app", local.repository());
        assertEquals("1.0", local.reference());
        RegistryReference digest = RegistryReference.parse("localhost/a@sha256:" + "a".repeat(64), "x");
        assertNull(digest.tag());
        assertEquals("http://localhost", digest.baseUri().toString());
        assertEquals("https://ghcr.io", RegistryReference.parse("ghcr.io/o/i:1", "x").baseUri().toString());
        assertThrows(PublishException.class, () -> RegistryReference.parse("localhost:5000/Upper:1", "x"));
    }

    @Test
    void platforms() {
        assertEquals(new PlatformFilter("linux", "arm64", "v8"), PlatformFilter.parse("linux/arm64/v8"));
        assertEquals(new PlatformFilter("linux", "amd64", null), PlatformFilter.parse("linux/amd64"));
        assertThrows(IllegalArgumentException.class, () -> PlatformFilter.parse("amd64"));
        assertThrows(IllegalArgumentException.class, () -> PlatformFilter.parse("linux//v8"));
    }

    @Test
    void jobNames() throws Exception {
        ImageSource source = parse("oci:x");
        assertEquals(new PublishJob(source, "team/app", "1.0"), PublishJob.of(source, "team/app:1.0"));
        assertEquals(new PublishJob(source, "alpine", null), PublishJob.of(source, "alpine"));
        assertThrows(IllegalArgumentException.class, () -> PublishJob.of(source, "Alpine:1"));
        assertThrows(IllegalArgumentException.class, () -> PublishJob.of(source, "alpine:-x"));
    }

    @Test
    void dockerRepoTags() {
        assertEquals("3.10.1", DockerArchive.tagOf("alpine:3.10.1"));
        assertEquals("latest", DockerArchive.tagOf("localhost:5000/a/b"));
    }
}
