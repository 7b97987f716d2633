package io.ipfsmiddleware.api.model;

/**
 * An inclusive range of byte positions, as in an HTTP {@code Range} header.
 *
 * @param first the first position, from 0
 * @param last the last position, inclusive, not before {@code first}
 */
public record ByteRange(long first, long last) {
    /**
     * Validates.
     *
     * @param first the first position, from 0
     * @param last the last position, inclusive, not before {@code first}
     */
    public ByteRange {
        if (first < 0 || last < first) {
            throw new IllegalArgumentException("invalid byte range " + first + "-" + last);
        }
    }

    /** @return the number of bytes in the range */
    public long length() {
        return last - first + 1;
    }

    /**
     * @param totalSize the size of the whole content
     * @return the range as written after {@code bytes } in a {@code Content-Range} header
     */
    public String contentRange(long totalSize) {
        return first + "-" + last + "/" + totalSize;
    }
}
