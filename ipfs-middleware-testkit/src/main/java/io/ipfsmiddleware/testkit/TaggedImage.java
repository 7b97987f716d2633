package io.ipfsmiddleware.testkit;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * One entry of a layout's {@code index.json}: a name pointing at a manifest or an index.
 *
 * @param tag the short tag a client asks for, e.g. {@code 3.10.1} (taken from the ref name)
 * @param refName the {@code org.opencontainers.image.ref.name} annotation as written, e.g.
 *     {@code 3.10.1} or {@code docker.io/library/alpine:3.10.1}; null when absent
 * @param annotations all annotations of the entry
 * @param descriptor the target: a manifest or an image index / manifest list
 * @param manifests the single-platform manifests: the target itself, or the index's children
 */
public record TaggedImage(String tag, String refName, Map<String, String> annotations, Descriptor descriptor,
        List<ImageManifest> manifests) {

    /**
     * Copies the collections.
     *
     * @param tag see the record description
     * @param refName see the record description
     * @param annotations see the record description
     * @param descriptor see the record description
     * @param manifests see the record description
     */
    public TaggedImage {
        annotations = Map.copyOf(annotations);
        manifests = List.copyOf(manifests);
    }

    /** @return the target digest (manifest or index) */
    public String digest() {
        return descriptor.digest();
    }

    /** @return true when the target is a multi-platform index rather than a single manifest */
    public boolean isIndex() {
        return manifests.size() != 1 || !manifests.get(0).digest().equals(descriptor.digest());
    }

    /**
     * @param platform the wanted platform
     * @return the manifest for it
     * @throws NoSuchElementException if there is none
     */
    public ImageManifest manifest(Platform platform) {
        return manifests.stream().filter(m -> m.platform().equals(platform)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no " + platform + " manifest under " + tag));
    }
}
