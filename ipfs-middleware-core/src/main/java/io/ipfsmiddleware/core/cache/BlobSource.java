package io.ipfsmiddleware.core.cache;

import java.io.IOException;
import java.io.InputStream;

/** Where a blob comes from when the disk cache does not hold it: the IPFS node. */
@FunctionalInterface
public interface BlobSource {
    /**
     * @param offset the first byte
     * @param length how many bytes
     * @return the bytes, unverified; the caller closes the stream
     */
    InputStream open(long offset, long length) throws IOException;
}
