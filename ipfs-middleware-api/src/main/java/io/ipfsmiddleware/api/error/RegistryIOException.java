package io.ipfsmiddleware.api.error;

import java.io.IOException;
import java.util.Objects;

/**
 * A failure while reading content that carries the OCI error a client should see, for failures
 * that surface as {@link IOException}s from a stream (for example content that does not match its
 * digest, found on the first read). The HTTP adapter answers it with its code when the response is
 * not yet committed.
 */
public class RegistryIOException extends IOException {
    private static final long serialVersionUID = 1L;

    /** The OCI error code the client sees. */
    private final ErrorCode code;

    /**
     * @param code the OCI error code
     * @param message what happened and what to do, for people
     */
    public RegistryIOException(ErrorCode code, String message) {
        super(Objects.requireNonNull(message, "message"));
        this.code = Objects.requireNonNull(code, "code");
    }

    /** @return the OCI error code */
    public ErrorCode code() {
        return code;
    }
}
