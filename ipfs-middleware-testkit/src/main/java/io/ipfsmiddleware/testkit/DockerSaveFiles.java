package io.ipfsmiddleware.testkit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The legacy files {@code docker save} (Docker ≥ 25) writes next to its OCI layout:
 * {@code manifest.json} (for old {@code docker load}) and {@code repositories}.
 */
final class DockerSaveFiles {

    /** One saved image: its config and layers and the short names it is tagged with. */
    record SavedImage(Descriptor config, List<Descriptor> layers, List<String> tags) {
    }

    private DockerSaveFiles() {
    }

    /** {@code docker.io/library/alpine} → {@code alpine}; {@code docker.io/foo/bar} → {@code foo/bar}. */
    static String familiarName(String repository) {
        if (repository.startsWith("docker.io/library/")) {
            return repository.substring("docker.io/library/".length());
        }
        if (repository.startsWith("docker.io/")) {
            return repository.substring("docker.io/".length());
        }
        return repository;
    }

    static void write(Path layoutDir, String repository, List<SavedImage> images) {
        String name = familiarName(repository);
        ArrayNode manifest = Json.MAPPER.createArrayNode();
        ObjectNode repositories = Json.object();
        ObjectNode tagsOfName = repositories.putObject(name);
        for (SavedImage image : images) {
            ObjectNode entry = manifest.addObject();
            entry.put("Config", "blobs/sha256/" + image.config().hex());
            ArrayNode repoTags = entry.putArray("RepoTags");
            image.tags().forEach(t -> repoTags.add(name + ":" + t));
            ArrayNode layers = entry.putArray("Layers");
            image.layers().forEach(l -> layers.add("blobs/sha256/" + l.hex()));
            // Docker points each tag at the image's top layer.
            String top = image.layers().get(image.layers().size() - 1).hex();
            image.tags().forEach(t -> tagsOfName.put(t, top));
        }
        try {
            Files.write(layoutDir.resolve("manifest.json"), Json.bytes(manifest));
            Files.write(layoutDir.resolve("repositories"), Json.bytes(repositories));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write docker save files in " + layoutDir, e);
        }
    }
}
