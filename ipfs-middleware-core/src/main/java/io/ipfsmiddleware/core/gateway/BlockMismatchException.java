package io.ipfsmiddleware.core.gateway;

import io.ipfsmiddleware.core.node.IpfsNodeException;

/** A gateway sent bytes that do not hash to the CID asked for; they are discarded, never used. */
public final class BlockMismatchException extends IpfsNodeException {
    private static final long serialVersionUID = 1L;

    /** @param message the CID and what the bytes hash to */
    public BlockMismatchException(String message) {
        super(message);
    }
}
