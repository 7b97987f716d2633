package io.ipfsmiddleware.core.layout;

import com.fasterxml.jackson.databind.JsonNode;
import io.ipfsmiddleware.api.error.ErrorCode;
import io.ipfsmiddleware.api.error.RegistryException;
import io.ipfsmiddleware.api.model.MediaTypes;
import java.util.Optional;

/** Works out the media type a stored manifest is served with. */
public final class ManifestTypes {
    private ManifestTypes() {
    }

    /**
     * Finds the media type of manifest bytes: the manifest's own {@code mediaType} field; else
     * the type the referring descriptor gives ({@code hint}); else, as the OCI image spec allows
     * manifests without the field, an index when it has {@code manifests} and an image manifest
     * when it has {@code config} and {@code layers}.
     *
     * @param bytes the manifest bytes
     * @param hint the media type of the descriptor that points at it, or {@code null}
     * @param where the IPFS path, for messages
     * @return the media type
     * @throws RegistryException {@code MANIFEST_INVALID} when the bytes are not a manifest
     */
    public static String detect(byte[] bytes, String hint, String where) throws RegistryException {
        JsonNode root = Json.read(bytes, where, ErrorCode.MANIFEST_INVALID);
        if (!root.isObject()) {
            throw notManifest(where, "it is not a JSON object");
        }
        Optional<String> own = Optional.ofNullable(root.path("mediaType").asText(null)).filter(s -> !s.isBlank());
        if (own.isPresent()) {
            return own.get();
        }
        if (hint != null && !hint.isBlank()) {
            return hint;
        }
        if (root.path("manifests").isArray()) {
            return MediaTypes.OCI_INDEX;
        }
        if (root.path("config").isObject() && root.path("layers").isArray()) {
            return MediaTypes.OCI_MANIFEST;
        }
        throw notManifest(where, "it has no mediaType and neither \"manifests\" nor \"config\" and \"layers\"");
    }

    private static RegistryException notManifest(String where, String why) {
        return new RegistryException(ErrorCode.MANIFEST_INVALID, where + " is not an image manifest or index: " + why, where);
    }
}
