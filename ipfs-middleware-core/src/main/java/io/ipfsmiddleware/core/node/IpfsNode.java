package io.ipfsmiddleware.core.node;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * What the middleware needs from IPFS: read files and directories under {@code /ipfs/…} and
 * {@code /ipns/…} paths. Implemented by the Kubo RPC client; every call has a deadline.
 * Failures are {@link IOException}s of the subclasses in this package, so callers can tell
 * absent content ({@link IpfsNotFoundException}) from a node that is down ({@link
 * IpfsUnavailableException}) or content that did not arrive in time ({@link IpfsTimeoutException}).
 */
public interface IpfsNode extends AutoCloseable {
    /**
     * Streams part of a file.
     *
     * @param path an IPFS path such as {@code /ipfs/bafy…/alpine/index.json}
     * @param offset the first byte to read
     * @param length how many bytes to read, or a negative number to read to the end
     * @return the bytes; the caller closes the stream
     */
    InputStream cat(String path, long offset, long length) throws IOException;

    /**
     * Streams part of a file known to be one (a blob whose size was read with {@link #stat}): bulk
     * content, which a backend may read a faster way than {@link #cat}. The default is {@link #cat}.
     *
     * @param path an IPFS path of a file
     * @param offset the first byte to read
     * @param length how many bytes to read, or a negative number to read to the end
     * @return the bytes, unverified; the caller closes the stream
     */
    default InputStream readFile(String path, long offset, long length) throws IOException {
        return cat(path, offset, length);
    }

    /** @return the CID, size and type of the file or directory at {@code path} */
    FileStat stat(String path) throws IOException;

    /** @return the entries of the directory at {@code path} (names and CIDs; sizes may be -1) */
    List<DirectoryEntry> ls(String path) throws IOException;

    /** @return {@code path} resolved to an {@code /ipfs/<cid>[/…]} path (IPNS and DNSLink names resolved) */
    String resolve(String path) throws IOException;

    /**
     * Pins the content at {@code path} so the node keeps it and goes on providing it to peers.
     * Backends that cannot pin refuse.
     *
     * @param path an IPFS path
     * @throws IOException when pinning fails or the backend cannot pin
     */
    default void pin(String path) throws IOException {
        throw new IpfsNodeException(describe() + " cannot pin " + path);
    }

    /**
     * Checks that the node answers, cheaply and without touching the network: the default asks
     * for the size of the empty identity CID ({@code bafkqaaa}), whose content is its own name.
     *
     * @throws IOException when the node does not answer as it should
     */
    default void ping() throws IOException {
        stat("/ipfs/bafkqaaa");
    }

    /** @return a short description for messages, e.g. {@code kubo RPC at http://127.0.0.1:5001} */
    String describe();

    @Override
    void close();
}
