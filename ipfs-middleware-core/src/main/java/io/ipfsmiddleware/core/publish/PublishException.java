package io.ipfsmiddleware.core.publish;

import java.io.IOException;

/**
 * A publication cannot go ahead because of its input: a missing or malformed source, a corrupt
 * or truncated archive, a blob whose bytes do not match its digest, a tag that names nothing.
 * The message says what is wrong and where, in one line. Failures of the node itself are the
 * {@code io.ipfsmiddleware.core.node} exceptions instead.
 */
public class PublishException extends IOException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, naming the source */
    public PublishException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong, naming the source
     * @param cause the underlying failure
     */
    public PublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
