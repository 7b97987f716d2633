package io.ipfsmiddleware.core.kubo;

import java.util.List;

/**
 * What {@link KuboClient#add} added.
 *
 * @param root the CID of the top entry: the tree's directory (or the wrapping directory)
 * @param entries every entry kubo reported, in its order (the root last)
 * @param bytesSent the length of the request body sent
 */
public record AddResult(String root, List<AddedEntry> entries, long bytesSent) {
    /** Copies the list. */
    public AddResult {
        entries = List.copyOf(entries);
    }
}
