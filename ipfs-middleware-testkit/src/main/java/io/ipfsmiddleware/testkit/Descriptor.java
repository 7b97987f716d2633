package io.ipfsmiddleware.testkit;

import java.util.Objects;

/**
 * What OCI calls a content descriptor: a blob's media type, digest and size.
 *
 * @param mediaType the media type the referring manifest or index gives the blob
 * @param digest {@code sha256:<64 hex>}
 * @param size the blob's length in bytes
 */
public record Descriptor(String mediaType, String digest, long size) {

    /**
     * Validates the digest form.
     *
     * @param mediaType see the record description
     * @param digest see the record description
     * @param size see the record description
     */
    public Descriptor {
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(digest, "digest");
        if (!digest.matches("sha256:[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a sha256 digest: " + digest);
        }
        if (size < 0) {
            throw new IllegalArgumentException("negative size: " + size);
        }
    }

    /** @return the digest without its {@code sha256:} prefix, as used in {@code blobs/sha256/<hex>} */
    public String hex() {
        return digest.substring("sha256:".length());
    }
}
