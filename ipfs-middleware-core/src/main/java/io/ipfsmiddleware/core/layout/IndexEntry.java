package io.ipfsmiddleware.core.layout;

import io.ipfsmiddleware.api.model.Descriptor;
import java.util.List;

/**
 * One entry of a layout's {@code index.json}: the descriptor of an image manifest or index, and
 * the tags its annotations give it.
 *
 * @param descriptor what the entry points at
 * @param tags the tags, possibly none
 */
public record IndexEntry(Descriptor descriptor, List<String> tags) {
    /** Copies. */
    public IndexEntry {
        tags = List.copyOf(tags);
    }
}
