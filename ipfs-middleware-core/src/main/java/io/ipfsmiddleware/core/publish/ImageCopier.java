package io.ipfsmiddleware.core.publish;

import com.fasterxml.jackson.databind.JsonNode;
import io.ipfsmiddleware.api.error.RegistryException;
import io.ipfsmiddleware.api.model.Descriptor;
import io.ipfsmiddleware.api.model.MediaTypes;
import io.ipfsmiddleware.core.layout.ManifestTypes;
import io.ipfsmiddleware.core.verify.Digests;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Copies one image (a manifest with its config and layers, or an index with all it refers to)
 * from a {@link BlobSource} into an {@link ImageLayoutWriter}, byte for byte, so digests stay
 * those of the source. With a {@link PlatformFilter}, an index is replaced by the one manifest of
 * that platform.
 */
final class ImageCopier {
    /** The largest manifest read, as distribution limits them. */
    static final int MAX_MANIFEST = 4 * 1024 * 1024;

    private final BlobSource source;
    private final String where;
    private final ImageLayoutWriter out;

    ImageCopier(BlobSource source, String where, ImageLayoutWriter out) {
        this.source = source;
        this.where = where;
        this.out = out;
    }

    /**
     * @param root the image's manifest or index
     * @param platform the platform to pick from an index, or {@code null} for all
     * @return the descriptor to tag: the root, or the picked platform's manifest
     */
    Descriptor copy(Descriptor root, PlatformFilter platform) throws IOException {
        byte[] bytes = readManifest(root);
        String mediaType;
        try {
            mediaType = ManifestTypes.detect(bytes, root.mediaType(), where + " " + root.digest());
        } catch (RegistryException e) {
            throw new PublishException(e.getMessage());
        }
        Descriptor typed = Descriptor.of(mediaType, root.digest(), bytes.length);
        JsonNode json = PublishJson.read(bytes, where + " manifest " + root.digest());
        if (MediaTypes.isIndex(mediaType)) {
            List<JsonNode> children = new ArrayList<>();
            json.path("manifests").forEach(children::add);
            if (platform != null) {
                return copy(pick(children, platform, root), null);
            }
            for (JsonNode child : children) {
                copy(PublishJson.descriptor(child, where + " index " + root.digest()), null);
            }
        } else {
            String what = where + " manifest " + root.digest();
            if (!json.path("config").isObject() || !json.path("layers").isArray()) {
                throw new PublishException(what + " is not an image manifest (no config and layers); schema 1 "
                        + "manifests cannot be published, convert them first");
            }
            copyBlob(PublishJson.descriptor(json.path("config"), what));
            for (JsonNode layer : json.path("layers")) {
                copyBlob(PublishJson.descriptor(layer, what));
            }
        }
        out.writeBlob(typed, bytes, where);
        return typed;
    }

    private Descriptor pick(List<JsonNode> children, PlatformFilter platform, Descriptor index) throws PublishException {
        List<String> offered = new ArrayList<>();
        for (JsonNode child : children) {
            JsonNode p = child.path("platform");
            if (platform.matches(p)) {
                return PublishJson.descriptor(child, where + " index " + index.digest());
            }
            if (p.isObject()) {
                offered.add(PlatformFilter.describe(p));
            }
        }
        throw new PublishException(where + " has no image for platform " + platform + " (it has " + offered + ")");
    }

    private void copyBlob(Descriptor d) throws IOException {
        if (!out.has(d)) {
            out.writeBlob(d, source.open(d), where);
        }
    }

    private byte[] readManifest(Descriptor d) throws IOException {
        if (d.size() > MAX_MANIFEST) {
            throw new PublishException(where + ": manifest " + d.digest() + " is " + d.size() + " bytes, over the "
                    + "4 MiB registries accept");
        }
        byte[] bytes;
        try (InputStream in = source.openManifest(d)) {
            bytes = in.readNBytes(MAX_MANIFEST + 1);
        }
        if (!Digests.of(bytes, d.digest()).equals(d.digest())) {
            throw new PublishException(where + ": manifest " + d.digest() + " does not match its digest; the source "
                    + "is corrupt");
        }
        return bytes;
    }
}
