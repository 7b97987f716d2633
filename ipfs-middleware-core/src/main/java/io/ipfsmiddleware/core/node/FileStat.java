package io.ipfsmiddleware.core.node;

/**
 * What {@code files/stat} tells of a path.
 *
 * @param cid the CID of the node at the path
 * @param size the file size in bytes (0 for a directory)
 * @param directory whether the path is a directory
 */
public record FileStat(String cid, long size, boolean directory) {
}
