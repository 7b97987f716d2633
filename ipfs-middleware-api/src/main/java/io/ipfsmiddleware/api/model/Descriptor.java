package io.ipfsmiddleware.api.model;

import java.util.Map;
import java.util.Objects;

/**
 * Describes a piece of content: its media type, digest and size, with optional annotations.
 *
 * @param mediaType the media type, never {@code null}
 * @param digest the digest of the content
 * @param size the size of the content in bytes
 * @param annotations annotations, copied; empty when none
 */
public record Descriptor(String mediaType, Digest digest, long size, Map<String, String> annotations) {
    /**
     * Validates and copies.
     *
     * @param mediaType the media type, never {@code null}
     * @param digest the digest of the content
     * @param size the size of the content in bytes
     * @param annotations annotations, copied; empty when none
     */
    public Descriptor {
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(digest, "digest");
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative: " + size);
        }
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
    }

    /**
     * @param mediaType the media type
     * @param digest the digest of the content
     * @param size the size of the content in bytes
     * @return a descriptor without annotations
     */
    public static Descriptor of(String mediaType, Digest digest, long size) {
        return new Descriptor(mediaType, digest, size, Map.of());
    }
}
