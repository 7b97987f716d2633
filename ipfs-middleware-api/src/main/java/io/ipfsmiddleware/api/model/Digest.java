package io.ipfsmiddleware.api.model;

import io.ipfsmiddleware.api.error.ErrorCode;
import io.ipfsmiddleware.api.error.RegistryException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A content digest such as {@code sha256:9f86d0…}. Only the algorithms registered by the OCI
 * image specification are accepted: {@code sha256} (64 hex digits) and {@code sha512} (128).
 *
 * @param algorithm {@code sha256} or {@code sha512}
 * @param encoded the lowercase hex encoding of the hash
 */
public record Digest(String algorithm, String encoded) {
    private static final Pattern HEX = Pattern.compile("[a-f0-9]+");

    /**
     * @param algorithm {@code sha256} or {@code sha512}
     * @param encoded the lowercase hex encoding of the hash
     * @throws IllegalArgumentException if the parts do not form a valid digest
     */
    public Digest {
        String problem = problem(algorithm, encoded);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /**
     * Parses {@code algorithm:encoded}.
     *
     * @param text the digest as written in a URL or manifest
     * @return the digest
     * @throws RegistryException with {@link ErrorCode#DIGEST_INVALID} when it does not parse
     */
    public static Digest parse(String text) throws RegistryException {
        int colon = text == null ? -1 : text.indexOf(':');
        String problem = colon < 0
                ? "digest '" + text + "' is not of the form sha256:<64 hex digits>"
                : problem(text.substring(0, colon), text.substring(colon + 1));
        if (problem != null) {
            throw new RegistryException(ErrorCode.DIGEST_INVALID, problem, text);
        }
        return new Digest(text.substring(0, colon), text.substring(colon + 1));
    }

    /**
     * @param text the text to check, may be {@code null}
     * @return whether {@code text} parses as a digest
     */
    public static boolean isDigest(String text) {
        int colon = text == null ? -1 : text.indexOf(':');
        return colon > 0 && problem(text.substring(0, colon), text.substring(colon + 1)) == null;
    }

    /**
     * @param hash a SHA-256 hash
     * @return its digest
     */
    public static Digest sha256(byte[] hash) {
        return new Digest("sha256", HexFormat.of().formatHex(hash));
    }

    private static String problem(String algorithm, String encoded) {
        int expected;
        if ("sha256".equals(algorithm)) {
            expected = 64;
        } else if ("sha512".equals(algorithm)) {
            expected = 128;
        } else {
            return "digest algorithm '" + algorithm + "' is not supported; use sha256 or sha512";
        }
        if (encoded == null || encoded.length() != expected || !HEX.matcher(encoded).matches()) {
            return "digest '" + algorithm + ":" + encoded + "' must have " + expected + " lowercase hex digits";
        }
        return null;
    }

    /** @return the name of the JDK {@link java.security.MessageDigest} algorithm */
    public String jdkAlgorithm() {
        return "sha256".equals(algorithm) ? "SHA-256" : "SHA-512";
    }

    @Override
    public String toString() {
        return algorithm + ":" + encoded;
    }
}
