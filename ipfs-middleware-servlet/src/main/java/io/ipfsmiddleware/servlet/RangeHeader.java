package io.ipfsmiddleware.servlet;

import io.ipfsmiddleware.api.error.ErrorCode;
import io.ipfsmiddleware.api.error.RegistryException;
import io.ipfsmiddleware.api.model.ByteRange;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses a single-range HTTP {@code Range} header against a known size. */
final class RangeHeader {
    private static final Pattern SINGLE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    private RangeHeader() {
    }

    /**
     * Follows RFC 9110: a header that does not parse as one byte range (another unit, several
     * ranges, last before first) is ignored and the whole blob served; a valid range that starts
     * beyond the blob, or a zero-length suffix, cannot be satisfied.
     *
     * @param header the header value, or {@code null}
     * @param size the blob size
     * @return the range, or empty to serve the whole blob
     * @throws RegistryException {@code RANGE_INVALID} when the range cannot be satisfied
     */
    static Optional<ByteRange> parse(String header, long size) throws RegistryException {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        Matcher m = SINGLE.matcher(header.trim().replace(" ", ""));
        if (!m.matches()) {
            return Optional.empty();
        }
        String from = m.group(1);
        String to = m.group(2);
        try {
            if (from.isEmpty()) {
                if (to.isEmpty()) {
                    return Optional.empty();
                }
                long suffix = Long.parseLong(to);
                if (suffix == 0 || size == 0) {
                    throw unsatisfiable(header, size);
                }
                return Optional.of(new ByteRange(Math.max(0, size - suffix), size - 1));
            }
            long first = Long.parseLong(from);
            if (!to.isEmpty() && Long.parseLong(to) < first) {
                return Optional.empty();
            }
            if (first >= size) {
                throw unsatisfiable(header, size);
            }
            long last = to.isEmpty() ? size - 1 : Math.min(Long.parseLong(to), size - 1);
            return Optional.of(new ByteRange(first, last));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static RegistryException unsatisfiable(String header, long size) {
        return new RegistryException(ErrorCode.RANGE_INVALID,
                "range '" + header + "' cannot be satisfied for a blob of " + size + " bytes", header);
    }
}
