package io.ipfsmiddleware.core.publish;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Objects;

/**
 * The platform {@code --platform os/arch[/variant]} picks from an image index. A filter without
 * a variant matches any variant.
 *
 * @param os e.g. {@code linux}
 * @param architecture e.g. {@code arm64}
 * @param variant e.g. {@code v8}, or {@code null}
 */
public record PlatformFilter(String os, String architecture, String variant) {
    /** Checks the parts. */
    public PlatformFilter {
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(architecture, "architecture");
        if (os.isBlank() || architecture.isBlank() || variant != null && variant.isBlank()) {
            throw new IllegalArgumentException("platform parts must not be blank");
        }
    }

    /**
     * @param text {@code os/arch} or {@code os/arch/variant}, e.g. {@code linux/arm64/v8}
     * @return the filter
     * @throws IllegalArgumentException when the text has another shape
     */
    public static PlatformFilter parse(String text) {
        String[] parts = text == null ? new String[0] : text.toLowerCase(Locale.ROOT).split("/", -1);
        if (parts.length < 2 || parts.length > 3 || java.util.Arrays.stream(parts).anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("platform '" + text + "' must be os/arch or os/arch/variant, "
                    + "e.g. linux/amd64 or linux/arm64/v8");
        }
        return new PlatformFilter(parts[0], parts[1], parts.length == 3 ? parts[2] : null);
    }

    /**
     * @param platform the {@code platform} object of an index entry (may be missing)
     * @return whether it is this platform
     */
    boolean matches(JsonNode platform) {
        return os.equals(platform.path("os").asText(null))
                && architecture.equals(platform.path("architecture").asText(null))
                && (variant == null || variant.equals(platform.path("variant").asText(null)));
    }

    /** @return {@code os/arch[/variant]} of an index entry's platform, for messages */
    static String describe(JsonNode platform) {
        String variant = platform.path("variant").asText("");
        return platform.path("os").asText("?") + "/" + platform.path("architecture").asText("?")
                + (variant.isEmpty() ? "" : "/" + variant);
    }

    @Override
    public String toString() {
        return os + "/" + architecture + (variant == null ? "" : "/" + variant);
    }
}
