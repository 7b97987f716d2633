package io.ipfsmiddleware.testkit;

import java.util.List;

/**
 * One single-platform image manifest in a layout, with what it references.
 *
 * @param descriptor the manifest blob (media type as the referring index states it)
 * @param platform the platform, from the parent index entry or else from the config
 * @param config the config blob
 * @param layers the layer blobs, base first
 * @param diffIds the config's {@code rootfs.diff_ids}: sha256 of each layer's uncompressed tar
 */
public record ImageManifest(Descriptor descriptor, Platform platform, Descriptor config, List<Descriptor> layers,
        List<String> diffIds) {

    /**
     * Copies the lists.
     *
     * @param descriptor see the record description
     * @param platform see the record description
     * @param config see the record description
     * @param layers see the record description
     * @param diffIds see the record description
     */
    public ImageManifest {
        layers = List.copyOf(layers);
        diffIds = List.copyOf(diffIds);
    }

    /** @return the manifest digest */
    public String digest() {
        return descriptor.digest();
    }
}
