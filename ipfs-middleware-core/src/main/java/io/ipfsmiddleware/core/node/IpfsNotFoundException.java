package io.ipfsmiddleware.core.node;

import java.io.IOException;

/** The path does not exist in IPFS: a missing link in a directory, or content known to be absent. */
public class IpfsNotFoundException extends IOException {
    private static final long serialVersionUID = 1L;

    /** @param message what happened, naming the path and the node */
    public IpfsNotFoundException(String message) {
        super(message);
    }

    /**
     * @param message what happened, naming the path and the node
     * @param cause the underlying failure
     */
    public IpfsNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
