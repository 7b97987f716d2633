package io.ipfsmiddleware.core.publish;

import io.ipfsmiddleware.api.model.Descriptor;
import java.io.IOException;
import java.io.InputStream;

/** Where the bytes of a source's manifests and blobs are read from. */
public interface BlobSource {
    /**
     * @param descriptor the blob or manifest to read
     * @return its bytes, unverified (the publisher checks digest and size while copying)
     * @throws PublishException when the source lacks it
     */
    InputStream open(Descriptor descriptor) throws IOException;

    /**
     * Reads a manifest or index; registries serve them apart from blobs.
     *
     * @param descriptor the manifest to read
     * @return its bytes, unverified
     * @throws PublishException when the source lacks it
     */
    default InputStream openManifest(Descriptor descriptor) throws IOException {
        return open(descriptor);
    }
}
