package io.ipfsmiddleware.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Walks a layout from {@code index.json} down to the layers, checking every blob on the way. */
final class OciLayoutReader {

    private static final String OCI_INDEX = ManifestFormat.OCI.indexMediaType();
    private static final String DOCKER_LIST = ManifestFormat.DOCKER.indexMediaType();

    private final Path directory;
    private final Map<String, Descriptor> blobs = new TreeMap<>();

    OciLayoutReader(Path directory) {
        this.directory = directory;
    }

    OciLayout read() {
        if (!Files.isRegularFile(directory.resolve("oci-layout"))) {
            throw new IllegalStateException(directory + " is not an OCI layout: no oci-layout file");
        }
        JsonNode index = Json.parse(readFile(directory.resolve("index.json")), directory + "/index.json");
        List<TaggedImage> tags = new ArrayList<>();
        for (JsonNode entry : index.path("manifests")) {
            Map<String, String> annotations = new LinkedHashMap<>();
            entry.path("annotations").properties().forEach(f -> annotations.put(f.getKey(), f.getValue().asText()));
            String refName = annotations.get("org.opencontainers.image.ref.name");
            byte[] target = readBlob(entry);
            JsonNode targetJson = Json.parse(target, entry.path("digest").asText());
            Descriptor descriptor = descriptor(entry, inferMediaType(entry, targetJson));
            List<ImageManifest> manifests = new ArrayList<>();
            if (isIndex(descriptor.mediaType(), targetJson)) {
                for (JsonNode child : targetJson.path("manifests")) {
                    JsonNode childJson = Json.parse(readBlob(child), child.path("digest").asText());
                    Descriptor childDescriptor = descriptor(child, inferMediaType(child, childJson));
                    manifests.add(manifest(childDescriptor, childJson, platform(child.path("platform"))));
                }
            } else {
                manifests.add(manifest(descriptor, targetJson, null));
            }
            tags.add(new TaggedImage(tagOf(refName), refName, annotations, descriptor, manifests));
        }
        return new OciLayout(directory, tags, blobs);
    }

    private ImageManifest manifest(Descriptor descriptor, JsonNode json, Platform fromIndex) {
        JsonNode configNode = json.path("config");
        byte[] configBytes = readBlob(configNode);
        Descriptor config = descriptor(configNode, configNode.path("mediaType").asText(""));
        JsonNode configJson = Json.parse(configBytes, config.digest());
        List<Descriptor> layers = new ArrayList<>();
        for (JsonNode layer : json.path("layers")) {
            checkBlob(layer);
            layers.add(descriptor(layer, layer.path("mediaType").asText("")));
        }
        List<String> diffIds = new ArrayList<>();
        configJson.path("rootfs").path("diff_ids").forEach(d -> diffIds.add(d.asText()));
        Platform platform = fromIndex != null ? fromIndex : platform(configJson);
        return new ImageManifest(descriptor, platform, config, layers, diffIds);
    }

    private Descriptor descriptor(JsonNode node, String mediaType) {
        Descriptor d = new Descriptor(mediaType, node.path("digest").asText(), node.path("size").asLong());
        blobs.putIfAbsent(d.digest(), d);
        return d;
    }

    private static String inferMediaType(JsonNode descriptor, JsonNode content) {
        String stated = descriptor.path("mediaType").asText("");
        if (!stated.isEmpty()) {
            return stated;
        }
        String inner = content.path("mediaType").asText("");
        if (!inner.isEmpty()) {
            return inner;
        }
        return content.has("manifests") ? OCI_INDEX : ManifestFormat.OCI.manifestMediaType();
    }

    private static boolean isIndex(String mediaType, JsonNode content) {
        return OCI_INDEX.equals(mediaType) || DOCKER_LIST.equals(mediaType)
                || (content.has("manifests") && !content.has("config"));
    }

    private static Platform platform(JsonNode node) {
        if (!node.hasNonNull("os") || !node.hasNonNull("architecture")) {
            return null;
        }
        return new Platform(node.get("os").asText(), node.get("architecture").asText(),
                node.hasNonNull("variant") ? node.get("variant").asText() : null);
    }

    static String tagOf(String refName) {
        if (refName == null) {
            return null;
        }
        int colon = refName.lastIndexOf(':');
        return colon > refName.lastIndexOf('/') ? refName.substring(colon + 1) : refName;
    }

    private byte[] readBlob(JsonNode descriptor) {
        Path path = checkBlob(descriptor);
        return readFile(path);
    }

    /** Checks that the blob exists with the stated size and digest; returns its path. */
    private Path checkBlob(JsonNode descriptor) {
        String digest = descriptor.path("digest").asText();
        if (!digest.matches("sha256:[0-9a-f]{64}")) {
            throw new IllegalStateException("bad digest " + digest + " in " + directory);
        }
        Path path = directory.resolve("blobs/sha256").resolve(digest.substring(7));
        if (blobs.containsKey(digest)) {
            return path;
        }
        try {
            long size = Files.size(path);
            if (size != descriptor.path("size").asLong(-1)) {
                throw new IllegalStateException("blob " + digest + " in " + directory + " has " + size
                        + " bytes, descriptor says " + descriptor.path("size"));
            }
        } catch (IOException e) {
            throw new IllegalStateException("blob " + digest + " missing from " + directory, e);
        }
        String actual = Digests.sha256(path);
        if (!actual.equals(digest)) {
            throw new IllegalStateException("blob " + digest + " in " + directory + " hashes to " + actual);
        }
        return path;
    }

    private static byte[] readFile(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
