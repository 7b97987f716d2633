package io.ipfsmiddleware.api.spi;

import java.util.Objects;

/**
 * One entry of the {@code middleware.repository} configuration list.
 *
 * @param name the provider name, e.g. {@code ipfs}
 * @param options the entry's {@code options}
 * @param disabled whether the entry is switched off ({@code disabled: true})
 */
public record MiddlewareConfig(String name, MiddlewareOptions options, boolean disabled) {
    /**
     * Validates.
     *
     * @param name the provider name, e.g. {@code ipfs}
     * @param options the entry's {@code options}
     * @param disabled whether the entry is switched off ({@code disabled: true})
     */
    public MiddlewareConfig {
        if (name == null || name.isBlank()) {
            throw new MiddlewareConfigException("a middleware.repository entry has no name");
        }
        Objects.requireNonNull(options, "options");
    }
}
