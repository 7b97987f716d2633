package io.ipfsmiddleware.core.publish;

import io.ipfsmiddleware.api.model.Descriptor;
import java.util.Objects;

/**
 * One image a source offers: the manifest or index at its root, and the tag the source gives it.
 *
 * @param tag the source's tag for it, or {@code null} when it has none (e.g. a digest reference)
 * @param root the descriptor of its manifest or index
 */
public record SourceImage(String tag, Descriptor root) {
    /** Checks the root. */
    public SourceImage {
        Objects.requireNonNull(root, "root");
    }
}
