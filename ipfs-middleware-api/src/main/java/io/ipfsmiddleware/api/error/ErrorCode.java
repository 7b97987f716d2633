package io.ipfsmiddleware.api.error;

/**
 * The error codes of the OCI distribution specification, each with the HTTP status it is
 * answered with. This is the one place where a code meets its status.
 */
public enum ErrorCode {
    /** The blob is not in the repository. */
    BLOB_UNKNOWN(404),
    /** The digest given does not parse or does not match the content. */
    DIGEST_INVALID(400),
    /** The manifest (by tag or digest) is not in the repository. */
    MANIFEST_UNKNOWN(404),
    /** The manifest is malformed or uses an unsupported media type. */
    MANIFEST_INVALID(400),
    /** The repository name does not follow the naming grammar. */
    NAME_INVALID(400),
    /** The repository is not known to this registry. */
    NAME_UNKNOWN(404),
    /** The {@code n} or {@code last} pagination parameters are invalid. */
    PAGINATION_NUMBER_INVALID(400),
    /** The requested byte range cannot be satisfied. */
    RANGE_INVALID(416),
    /** Authentication is required. */
    UNAUTHORIZED(401),
    /** Access to the resource is denied. */
    DENIED(403),
    /** The operation is not supported for this repository (for example a write to a read-only one). */
    UNSUPPORTED(405),
    /** The client sent too many requests. */
    TOOMANYREQUESTS(429),
    /** A service the registry depends on is unreachable. */
    UNAVAILABLE(503);

    private final int httpStatus;

    ErrorCode(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    /** @return the HTTP status a response carrying this code has */
    public int httpStatus() {
        return httpStatus;
    }
}
