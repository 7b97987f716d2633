package io.ipfsmiddleware.api.error;

import java.util.Objects;

/**
 * A failure a registry client should see as an OCI error: a code, a message that says what
 * happened and what the user can do, and an optional detail (for example the name or digest
 * involved). Transport failures stay {@link java.io.IOException}s; the HTTP adapter maps both
 * in one place.
 */
public class RegistryException extends Exception {
    private static final long serialVersionUID = 1L;

    /** The OCI error code the client sees. */
    private final ErrorCode code;
    /** Extra machine-readable context, or {@code null}. */
    private final String detail;

    /**
     * @param code the OCI error code
     * @param message what happened and what to do, for people
     * @param detail extra machine-readable context, or {@code null}
     */
    public RegistryException(ErrorCode code, String message, String detail) {
        this(code, message, detail, null);
    }

    /**
     * @param code the OCI error code
     * @param message what happened and what to do, for people
     * @param detail extra machine-readable context, or {@code null}
     * @param cause the underlying failure, or {@code null}
     */
    public RegistryException(ErrorCode code, String message, String detail, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.code = Objects.requireNonNull(code, "code");
        this.detail = detail;
    }

    /** @return the OCI error code */
    public ErrorCode code() {
        return code;
    }

    /** @return the detail, or {@code null} when there is none */
    public String detail() {
        return detail;
    }
}
