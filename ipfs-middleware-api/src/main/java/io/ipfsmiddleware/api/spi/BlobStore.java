package io.ipfsmiddleware.api.spi;

import io.ipfsmiddleware.api.error.RegistryException;
import io.ipfsmiddleware.api.model.ByteRange;
import io.ipfsmiddleware.api.model.Descriptor;
import io.ipfsmiddleware.api.model.Digest;
import java.io.IOException;
import java.io.InputStream;

/** Reads the blobs of one repository. */
public interface BlobStore {
    /**
     * Tells whether a blob exists and how large it is, without reading it.
     *
     * @param digest the blob's digest
     * @return its descriptor (size exact; media type {@code application/octet-stream} unless known)
     * @throws RegistryException {@code BLOB_UNKNOWN} when absent
     * @throws IOException when the storage cannot be reached
     */
    Descriptor stat(Digest digest) throws RegistryException, IOException;

    /**
     * Opens a blob, or a range of it, for streaming. Implementations stream: memory use does
     * not grow with the blob's size. A stream of the whole blob must fail with an
     * {@link IOException} before yielding its last byte if the content does not match
     * {@code digest}, so a client never receives a complete but wrong blob.
     *
     * @param digest the blob's digest
     * @param range the range to read, or {@code null} for the whole blob; within the size
     *     {@link #stat} reported
     * @return a stream the caller closes
     * @throws RegistryException {@code BLOB_UNKNOWN} when absent
     * @throws IOException when the storage cannot be reached
     */
    InputStream open(Digest digest, ByteRange range) throws RegistryException, IOException;
}
