package io.ipfsmiddleware.core.verify;

import io.ipfsmiddleware.api.error.ErrorCode;
import io.ipfsmiddleware.api.error.RegistryIOException;

/**
 * Content read from IPFS does not match the digest or size it is named by. Clients see
 * {@code BLOB_UNKNOWN} (the tree has no blob with those bytes; retrying does not help) when it is
 * found before the response is committed, and a broken-off response otherwise.
 */
public class ContentMismatchException extends RegistryIOException {
    private static final long serialVersionUID = 1L;

    /** @param message which content, what was expected and what was found */
    public ContentMismatchException(String message) {
        super(ErrorCode.BLOB_UNKNOWN, message);
    }
}
