package io.ipfsmiddleware.core.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ipfsmiddleware.api.error.ErrorCode;
import io.ipfsmiddleware.api.error.RegistryException;
import io.ipfsmiddleware.api.model.MediaTypes;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ManifestTypesTest {
    private static String detect(String json, String hint) throws RegistryException {
        return ManifestTypes.detect(json.getBytes(StandardCharsets.UTF_8), hint, "/ipfs/x/blobs/sha256/y");
    }

    @Test
    void ownFieldWinsThenHintThenShape() throws RegistryException {
        assertEquals(MediaTypes.DOCKER_MANIFEST, detect("{\"mediaType\":\"" + MediaTypes.DOCKER_MANIFEST
                + "\",\"config\":{},\"layers\":[]}", MediaTypes.OCI_MANIFEST));
        assertEquals(MediaTypes.DOCKER_MANIFEST_LIST, detect("{\"manifests\":[]}", MediaTypes.DOCKER_MANIFEST_LIST));
        assertEquals(MediaTypes.OCI_INDEX, detect("{\"schemaVersion\":2,\"manifests\":[]}", null));
        assertEquals(MediaTypes.OCI_MANIFEST, detect("{\"schemaVersion\":2,\"config\":{},\"layers\":[]}", ""));
    }

    @Test
    void nonManifestsAreInvalid() {
        for (String bad : new String[] {"{}", "[1]", "\u0000\u0001binary", "{\"config\":{}}"}) {
            assertEquals(ErrorCode.MANIFEST_INVALID, assertThrows(RegistryException.class, () -> detect(bad, null)).code());
        }
    }
}
