package io.ipfsmiddleware.api.spi;

/**
 * The middleware configuration cannot be used: an unknown middleware name, an unknown or
 * invalid option, a provider that failed to load. Thrown at start-up, with a message that says
 * what to change.
 */
public class MiddlewareConfigException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong and what to change */
    public MiddlewareConfigException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong and what to change
     * @param cause the underlying failure
     */
    public MiddlewareConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
