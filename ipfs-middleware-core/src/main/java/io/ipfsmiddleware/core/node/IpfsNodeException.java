package io.ipfsmiddleware.core.node;

import java.io.IOException;

/**
 * The IPFS node reported a failure that is neither absence, unavailability nor a timeout, e.g.
 * {@code cat} on a directory, or a stream that kubo ended early. The message quotes the node.
 */
public class IpfsNodeException extends IOException {
    private static final long serialVersionUID = 1L;

    /** @param message what happened, naming the path and the node */
    public IpfsNodeException(String message) {
        super(message);
    }

    /**
     * @param message what happened, naming the path and the node
     * @param cause the underlying failure
     */
    public IpfsNodeException(String message, Throwable cause) {
        super(message, cause);
    }
}
