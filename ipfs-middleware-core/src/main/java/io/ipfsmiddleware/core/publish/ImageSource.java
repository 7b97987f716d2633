package io.ipfsmiddleware.core.publish;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Where images to publish come from. Make one with {@link ImageSources}: an OCI layout
 * directory, an OCI archive, a {@code docker save} archive, or a registry.
 */
public interface ImageSource {
    /**
     * Reads the source's list of images, unpacking it into {@code scratch} when it is an archive.
     *
     * @param scratch an empty directory the source may use until the result is closed
     * @return the images and their blobs
     * @throws PublishException when the source is missing, malformed or corrupt
     */
    OpenedSource open(Path scratch) throws IOException;

    /** @return the source as the user writes it, e.g. {@code oci:./images/alpine:3.10.1} */
    @Override
    String toString();
}
