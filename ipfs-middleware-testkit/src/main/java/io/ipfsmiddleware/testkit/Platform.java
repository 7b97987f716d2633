package io.ipfsmiddleware.testkit;

import java.util.Objects;

/**
 * An image platform as it appears in an image index and an image config.
 *
 * @param os e.g. {@code linux}
 * @param architecture e.g. {@code amd64}, {@code arm64}
 * @param variant e.g. {@code v8} for arm64, or {@code null}
 */
public record Platform(String os, String architecture, String variant) {

    /** linux/amd64. */
    public static final Platform LINUX_AMD64 = new Platform("linux", "amd64", null);
    /** linux/arm64/v8. */
    public static final Platform LINUX_ARM64 = new Platform("linux", "arm64", "v8");

    /**
     * Requires os and architecture.
     *
     * @param os see the record description
     * @param architecture see the record description
     * @param variant see the record description
     */
    public Platform {
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(architecture, "architecture");
    }

    @Override
    public String toString() {
        return os + "/" + architecture + (variant == null ? "" : "/" + variant);
    }
}
