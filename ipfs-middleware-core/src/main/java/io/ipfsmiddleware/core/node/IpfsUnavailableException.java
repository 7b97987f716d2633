package io.ipfsmiddleware.core.node;

import java.io.IOException;

/** The IPFS node cannot be reached (connection refused, reset, or an unexpected answer). */
public class IpfsUnavailableException extends IOException {
    private static final long serialVersionUID = 1L;

    /** @param message what happened, naming the path and the node */
    public IpfsUnavailableException(String message) {
        super(message);
    }

    /**
     * @param message what happened, naming the path and the node
     * @param cause the underlying failure
     */
    public IpfsUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
