package io.ipfsmiddleware.core.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipfsmiddleware.api.error.ErrorCode;
import io.ipfsmiddleware.api.error.RegistryException;
import io.ipfsmiddleware.api.model.Digest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LayoutIndexTest {
    private static final String A = "sha256:" + "a".repeat(64);
    private static final String B = "sha256:" + "b".repeat(64);
    private static final String C = "sha256:" + "c".repeat(64);

    private static LayoutIndex parse(String json) throws RegistryException {
        return LayoutIndex.parse(json.getBytes(StandardCharsets.UTF_8), "/ipfs/x/index.json");
    }

    private static String entry(String digest, String annotations) {
        return "{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"" + digest
                + "\",\"size\":10,\"annotations\":{" + annotations + "}}";
    }

    @Test
    void tagsFromBareAndFullReferences() throws RegistryException {
        LayoutIndex index = parse("{\"schemaVersion\":2,\"manifests\":["
                + entry(A, "\"org.opencontainers.image.ref.name\":\"3.10.1\"") + ","
                + entry(B, "\"org.opencontainers.image.ref.name\":\"docker.io/library/alpine:edge\"") + ","
                + entry(C, "\"io.containerd.image.name\":\"localhost:5000/team/app:v2@sha256:" + "d".repeat(64) + "\"")
                + "]}");
        assertEquals(List.of("3.10.1", "edge", "v2"), index.tags());
        assertEquals(Digest.parse(A), index.find("3.10.1").orElseThrow().digest());
        assertEquals(Digest.parse(B), index.find("edge").orElseThrow().digest());
        assertEquals(Digest.parse(C), index.find("v2").orElseThrow().digest());
        assertEquals(Optional.empty(), index.find("latest"));
        assertEquals(10, index.find(Digest.parse(C)).orElseThrow().size());
    }

    @Test
    void referenceWithoutTagGivesNone() {
        assertEquals(Optional.empty(), LayoutIndex.tagOf("localhost:5000/app@sha256:" + "d".repeat(64)));
        assertEquals(Optional.empty(), LayoutIndex.tagOf("localhost:5000/app"));
        assertEquals(Optional.of("1.0"), LayoutIndex.tagOf("localhost:5000/app:1.0"));
    }

    @Test
    void firstEntryWinsADuplicateTag() throws RegistryException {
        LayoutIndex index = parse("{\"manifests\":[" + entry(A, "\"org.opencontainers.image.ref.name\":\"x\"") + ","
                + entry(B, "\"org.opencontainers.image.ref.name\":\"x\"") + "]}");
        assertEquals(Digest.parse(A), index.find("x").orElseThrow().digest());
    }

    @Test
    void malformedIndexesAreNameUnknownWithTheReason() {
        for (String bad : List.of("", "not json", "[]", "{\"manifests\":{}}", "{\"manifests\":[{\"digest\":\"x\"}]}",
                "{\"manifests\":[{\"digest\":\"" + A + "\",\"size\":-1}]}", "{\"manifests\":[]} trailing")) {
            RegistryException e = assertThrows(RegistryException.class, () -> parse(bad), bad);
            assertEquals(ErrorCode.NAME_UNKNOWN, e.code());
            assertTrue(e.getMessage().startsWith("/ipfs/x/index.json"), e.getMessage());
        }
    }
}
