package io.ipfsmiddleware.core.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ipfsmiddleware.api.model.Descriptor;
import io.ipfsmiddleware.api.model.Digest;
import io.ipfsmiddleware.api.error.RegistryException;

/**
 * Jackson for publishing, in one place. Documents we write are compact, with fields in a fixed
 * order and no timestamps, so the same input always gives the same bytes (and the same CID).
 */
final class PublishJson {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private PublishJson() {
    }

    static JsonNode read(byte[] bytes, String what) throws PublishException {
        try {
            JsonNode node = MAPPER.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw new PublishException(what + " is not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new PublishException(what + " is not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (java.io.IOException e) {
            throw new PublishException("cannot read " + what + ": " + e.getMessage(), e);
        }
    }

    static byte[] write(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** A descriptor field of a manifest or index ({@code config}, a layer, an index entry). */
    static Descriptor descriptor(JsonNode node, String what) throws PublishException {
        String digest = node.path("digest").asText(null);
        if (digest == null || !Digest.isDigest(digest)) {
            throw new PublishException(what + " has a descriptor without a valid digest (" + digest + ")");
        }
        Digest parsed;
        try {
            parsed = Digest.parse(digest);
        } catch (RegistryException e) {
            throw new PublishException(what + ": " + e.getMessage());
        }
        if (!parsed.algorithm().equals("sha256")) {
            throw new PublishException(what + " refers to " + digest + "; only sha256 digests can be published");
        }
        JsonNode size = node.path("size");
        if (!size.canConvertToLong() || size.asLong() < 0) {
            throw new PublishException(what + " has a descriptor of " + digest + " without a valid size");
        }
        return Descriptor.of(node.path("mediaType").asText(""), parsed, size.asLong());
    }

    /** {@code {"mediaType","digest","size"}} in that order. */
    static ObjectNode descriptorNode(Descriptor d) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("mediaType", d.mediaType());
        node.put("digest", d.digest().toString());
        node.put("size", d.size());
        return node;
    }
}
