package io.ipfsmiddleware.core.publish;

import io.ipfsmiddleware.api.error.RegistryException;
import io.ipfsmiddleware.core.layout.IndexEntry;
import io.ipfsmiddleware.core.layout.LayoutIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** {@code oci:DIR[:TAG]}: an OCI image layout directory, all its tagged images or one. */
final class OciLayoutSource implements ImageSource {
    private final Path dir;
    private final String tag;
    private final String description;

    OciLayoutSource(Path dir, String tag, String description) {
        this.dir = dir;
        this.tag = tag;
        this.description = description;
    }

    @Override
    public OpenedSource open(Path scratch) throws IOException {
        return new OpenedSource(description, images(dir, tag, description), new LayoutBlobs(dir, description), () -> { });
    }

    /** The images of the layout at {@code dir}: one per tag, or the one tagged {@code tag}. */
    static List<SourceImage> images(Path dir, String tag, String description) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new PublishException(description + ": " + dir + " is not a directory"
                    + (Files.exists(dir) ? "" : " (it does not exist)"));
        }
        byte[] json;
        try {
            json = Files.readAllBytes(dir.resolve("index.json"));
        } catch (NoSuchFileException e) {
            throw new PublishException(description + ": " + dir + " is not an OCI image layout (no index.json)");
        }
        LayoutIndex index;
        try {
            index = LayoutIndex.parse(json, description + " index.json");
        } catch (RegistryException e) {
            throw new PublishException(e.getMessage());
        }
        List<SourceImage> images = new ArrayList<>();
        TreeSet<String> all = new TreeSet<>();
        for (IndexEntry entry : index.entries()) {
            all.addAll(entry.tags());
            String refName = entry.descriptor().annotations().getOrDefault(LayoutIndex.REF_NAME, "");
            if (tag != null) {
                if (entry.tags().contains(tag) || refName.equals(tag)) {
                    images.add(new SourceImage(tag, entry.descriptor()));
                }
            } else if (entry.tags().isEmpty()) {
                images.add(new SourceImage(null, entry.descriptor()));
            } else {
                entry.tags().forEach(t -> images.add(new SourceImage(t, entry.descriptor())));
            }
        }
        if (tag != null && images.isEmpty()) {
            throw new PublishException(description + ": no image tagged '" + tag + "' (tags: " + all + ")");
        }
        if (images.isEmpty()) {
            throw new PublishException(description + ": the layout holds no images");
        }
        return images.size() > 1 && tag != null ? List.of(images.get(0)) : images;
    }

    @Override
    public String toString() {
        return description;
    }
}
