package io.ipfsmiddleware.core.node;

/**
 * What {@code files/stat} tells of a path.
 *
 * @param cid the CID of the node at the path
 * @param size the file size in bytes (0 for a directory; the target's length for a symlink)
 * @param directory whether the path is a directory
 * @param symlink whether the path is a UnixFS symbolic link (IPFS paths do not follow them)
 */
public record FileStat(String cid, long size, boolean directory, boolean symlink) {
    /**
     * A file or directory that is not a symbolic link.
     *
     * @param cid the CID of the node at the path
     * @param size the file size in bytes
     * @param directory whether the path is a directory
     */
    public FileStat(String cid, long size, boolean directory) {
        this(cid, size, directory, false);
    }
}
