package io.ipfsmiddleware.core.verify;

import java.io.IOException;

/** Content read from IPFS does not match the digest or size it is named by. */
public class ContentMismatchException extends IOException {
    private static final long serialVersionUID = 1L;

    /** @param message which content, what was expected and what was found */
    public ContentMismatchException(String message) {
        super(message);
    }
}
