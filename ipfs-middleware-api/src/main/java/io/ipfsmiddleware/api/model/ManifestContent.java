package io.ipfsmiddleware.api.model;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * A manifest exactly as stored: its bytes, its media type and the digest of those bytes.
 * Immutable: the bytes are copied in and out.
 */
public final class ManifestContent {
    private final byte[] bytes;
    private final String mediaType;
    private final Digest digest;

    /**
     * @param bytes the manifest bytes, served unchanged
     * @param mediaType the media type to serve them with
     * @param digest the digest of {@code bytes}; callers must have verified it
     */
    public ManifestContent(byte[] bytes, String mediaType, Digest digest) {
        this.bytes = Objects.requireNonNull(bytes, "bytes").clone();
        this.mediaType = Objects.requireNonNull(mediaType, "mediaType");
        this.digest = Objects.requireNonNull(digest, "digest");
    }

    /** @return a copy of the bytes */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** @return the number of bytes */
    public int size() {
        return bytes.length;
    }

    /** @return the media type */
    public String mediaType() {
        return mediaType;
    }

    /** @return the digest of the bytes */
    public Digest digest() {
        return digest;
    }

    /** @return this manifest's descriptor */
    public Descriptor descriptor() {
        return Descriptor.of(mediaType, digest, bytes.length);
    }

    /**
     * Writes the bytes without copying them.
     *
     * @param out where to write
     * @throws IOException if writing fails
     */
    public void writeTo(OutputStream out) throws IOException {
        out.write(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ManifestContent other && other.digest.equals(digest) && other.mediaType.equals(mediaType)
                && Arrays.equals(other.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return digest.hashCode();
    }

    @Override
    public String toString() {
        return "ManifestContent[" + mediaType + ", " + digest + ", " + bytes.length + " bytes]";
    }
}
