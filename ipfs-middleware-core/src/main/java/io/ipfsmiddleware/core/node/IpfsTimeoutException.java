package io.ipfsmiddleware.core.node;

import java.io.IOException;

/** The content did not arrive before the deadline (no provider found, or too slow). */
public class IpfsTimeoutException extends IOException {
    private static final long serialVersionUID = 1L;

    /** @param message what happened, naming the path and the node */
    public IpfsTimeoutException(String message) {
        super(message);
    }

    /**
     * @param message what happened, naming the path and the node
     * @param cause the underlying failure
     */
    public IpfsTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
