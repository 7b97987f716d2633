package io.ipfsmiddleware.core.cid;

/** A string is not a CID this middleware accepts; the message is meant for the user. */
public class InvalidCidException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong and, where possible, how to fix it */
    public InvalidCidException(String message) {
        super(message);
    }
}
