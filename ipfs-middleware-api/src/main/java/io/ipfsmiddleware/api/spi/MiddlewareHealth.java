package io.ipfsmiddleware.api.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * What a middleware knows of the services it depends on, for a registry's health endpoint.
 * Middlewares keep it current in the background; reading it costs nothing.
 *
 * @param up whether the middleware can serve uncached content now
 * @param detail what was checked and what was found, for people
 * @param checkedAt when it was last checked, or {@code null} when never
 */
public record MiddlewareHealth(boolean up, String detail, Instant checkedAt) {
    /** The health of a middleware with nothing to check. */
    public static final MiddlewareHealth NOTHING_TO_CHECK = new MiddlewareHealth(true, "nothing to check", null);

    /**
     * Validates.
     *
     * @param up whether the middleware can serve uncached content now
     * @param detail what was checked and what was found, for people
     * @param checkedAt when it was last checked, or {@code null} when never
     */
    public MiddlewareHealth {
        Objects.requireNonNull(detail, "detail");
    }
}
