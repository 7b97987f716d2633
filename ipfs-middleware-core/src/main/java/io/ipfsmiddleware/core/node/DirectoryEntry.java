package io.ipfsmiddleware.core.node;

/**
 * One entry of a directory listing.
 *
 * @param name the entry's name
 * @param cid the entry's CID
 * @param size the file size when known, else -1
 */
public record DirectoryEntry(String name, String cid, long size) {
}
