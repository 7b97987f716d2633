package io.ipfsmiddleware.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Writes an OCI image-layout directory with small, real, runnable images, deterministically:
 * the same settings always give the same bytes and digests, and nothing is downloaded.
 *
 * <pre>{@code
 * OciLayout layout = OciLayoutBuilder.at(dir.resolve("alpine"))
 *         .image("3.10.1", "latest")          // one image, two tags
 *         .multiPlatformImage("multi")        // an index: linux/amd64 + linux/arm64
 *         .build();
 * }</pre>
 *
 * <p>Every image has three layers: {@code bin/busybox} (copied from the host's static
 * busybox) with {@code bin/sh} and a few other applets linked to it; {@code etc/hello.txt}
 * naming the image and platform (so each image and platform differs); and
 * {@code data/random.bin} of {@link #randomLayerSize} seeded bytes (left out when 0). The
 * config runs {@code /bin/sh}. Tar entries are sorted, owned by root with one fixed mtime, and
 * gzip headers carry no time, so layers are reproducible.
 *
 * <p>See {@link OciImages} for ready-made variants.
 */
public final class OciLayoutBuilder {

    /** Default size of the random layer's file: 2 MiB. */
    public static final int DEFAULT_RANDOM_LAYER_SIZE = 2 * 1024 * 1024;
    private static final String REF_NAME = "org.opencontainers.image.ref.name";
    private static final String CONTAINERD_NAME = "io.containerd.image.name";

    private record ImageRequest(List<String> tags, boolean multiPlatform) {
    }

    private final Path directory;
    private final List<ImageRequest> images = new ArrayList<>();
    private String repository = "docker.io/library/alpine";
    private ManifestFormat format = ManifestFormat.OCI;
    private RefNameStyle refNameStyle = RefNameStyle.TAG;
    private LayerCompression compression = LayerCompression.GZIP;
    private boolean omitMediaType;
    private int randomLayerSize = DEFAULT_RANDOM_LAYER_SIZE;
    private long seed = 1;
    private Path busybox = Path.of("/bin/busybox");
    private List<Platform> platforms = List.of(Platform.LINUX_AMD64, Platform.LINUX_ARM64);

    private OciLayoutBuilder(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    /**
     * @param directory the layout root to create; must not exist yet or be empty
     * @return a builder writing there
     */
    public static OciLayoutBuilder at(Path directory) {
        return new OciLayoutBuilder(directory);
    }

    /**
     * Adds a single-platform (linux/amd64) image under one or more tags.
     *
     * @param tag the first tag, e.g. {@code 3.10.1}
     * @param moreTags further tags for the same manifest, e.g. {@code latest}
     * @return this builder
     */
    public OciLayoutBuilder image(String tag, String... moreTags) {
        images.add(new ImageRequest(tags(tag, moreTags), false));
        return this;
    }

    /**
     * Adds a multi-platform image: an image index (or Docker manifest list) over one manifest
     * per {@link #platforms platform}, under one or more tags.
     *
     * @param tag the first tag
     * @param moreTags further tags for the same index
     * @return this builder
     */
    public OciLayoutBuilder multiPlatformImage(String tag, String... moreTags) {
        images.add(new ImageRequest(tags(tag, moreTags), true));
        return this;
    }

    /**
     * @param repository the image's full repository name (default {@code docker.io/library/alpine}),
     *     used in full ref names, {@code docker save} files and {@code etc/hello.txt}
     * @return this builder
     */
    public OciLayoutBuilder repository(String repository) {
        this.repository = Objects.requireNonNull(repository, "repository");
        return this;
    }

    /**
     * @param format OCI (default) or Docker v2 schema 2 media types
     * @return this builder
     */
    public OciLayoutBuilder manifestFormat(ManifestFormat format) {
        this.format = Objects.requireNonNull(format, "format");
        return this;
    }

    /**
     * @param style how {@code index.json} annotates tags (default {@link RefNameStyle#TAG});
     *     {@link RefNameStyle#DOCKER_SAVE} also writes {@code manifest.json} and {@code repositories}
     * @return this builder
     */
    public OciLayoutBuilder refNameStyle(RefNameStyle style) {
        this.refNameStyle = Objects.requireNonNull(style, "style");
        return this;
    }

    /**
     * @param compression gzip'd (default) or plain tar layers
     * @return this builder
     */
    public OciLayoutBuilder layerCompression(LayerCompression compression) {
        this.compression = Objects.requireNonNull(compression, "compression");
        return this;
    }

    /**
     * Leaves the optional {@code mediaType} field out of manifest, index and {@code index.json}
     * documents (OCI allows it; descriptors still state media types). Not with Docker media types.
     *
     * @param omit true to leave it out
     * @return this builder
     */
    public OciLayoutBuilder omitManifestMediaType(boolean omit) {
        this.omitMediaType = omit;
        return this;
    }

    /**
     * @param bytes size of {@code data/random.bin} (default 2 MiB); 0 leaves the layer out
     * @return this builder
     */
    public OciLayoutBuilder randomLayerSize(int bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("negative size: " + bytes);
        }
        this.randomLayerSize = bytes;
        return this;
    }

    /**
     * @param seed seed of the random layer's bytes (default 1)
     * @return this builder
     */
    public OciLayoutBuilder seed(long seed) {
        this.seed = seed;
        return this;
    }

    /**
     * @param hostBusybox a statically linked busybox to put in the image (default {@code /bin/busybox})
     * @return this builder
     */
    public OciLayoutBuilder busybox(Path hostBusybox) {
        this.busybox = Objects.requireNonNull(hostBusybox, "hostBusybox");
        return this;
    }

    /**
     * @param first the platforms of {@link #multiPlatformImage} (default linux/amd64 and linux/arm64/v8)
     * @param more further platforms
     * @return this builder
     */
    public OciLayoutBuilder platforms(Platform first, Platform... more) {
        List<Platform> all = Stream.concat(Stream.of(first), Stream.of(more)).toList();
        if (new HashSet<>(all).size() != all.size()) {
            throw new IllegalArgumentException("duplicate platform in " + all);
        }
        this.platforms = all;
        return this;
    }

    /**
     * Writes the layout.
     *
     * @return the layout, read back and checked
     * @throws IllegalStateException if the settings conflict or the directory is not empty
     */
    public OciLayout build() {
        validate();
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}",
                    StandardCharsets.UTF_8);
            BlobWriter blobs = new BlobWriter(directory);
            Map<String, LayerBlob> layerCache = new HashMap<>();
            List<ObjectNode> entries = new ArrayList<>();
            List<DockerSaveFiles.SavedImage> saved = new ArrayList<>();
            for (ImageRequest request : images) {
                Descriptor target;
                if (request.multiPlatform()) {
                    Map<Platform, Descriptor> children = new LinkedHashMap<>();
                    for (Platform platform : platforms) {
                        children.put(platform, writeImage(blobs, layerCache, request, platform).manifest());
                    }
                    target = blobs.write(format.indexMediaType(),
                            ImageDocuments.index(omitMediaType ? null : format.indexMediaType(), children));
                } else {
                    WrittenImage image = writeImage(blobs, layerCache, request, Platform.LINUX_AMD64);
                    target = image.manifest();
                    saved.add(new DockerSaveFiles.SavedImage(image.config(), image.layers(), request.tags()));
                }
                for (String tag : request.tags()) {
                    entries.add(ImageDocuments.indexEntry(target, annotations(tag)));
                }
            }
            Files.write(directory.resolve("index.json"),
                    ImageDocuments.layoutIndex(omitMediaType ? null : ManifestFormat.OCI.indexMediaType(), entries));
            if (refNameStyle == RefNameStyle.DOCKER_SAVE) {
                DockerSaveFiles.write(directory, repository, saved);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write OCI layout " + directory, e);
        }
        return OciLayout.read(directory);
    }

    private record LayerBlob(Descriptor descriptor, String diffId, String comment) {
    }

    private record WrittenImage(Descriptor manifest, Descriptor config, List<Descriptor> layers) {
    }

    private WrittenImage writeImage(BlobWriter blobs, Map<String, LayerBlob> cache, ImageRequest request,
            Platform platform) {
        String reference = repository + ":" + request.tags().get(0);
        List<LayerBlob> layers = new ArrayList<>();
        layers.add(cache.computeIfAbsent("busybox",
                k -> layer(blobs, LayerContent.busybox(busybox), "busybox and /bin/sh")));
        layers.add(layer(blobs, LayerContent.hello(reference, platform), "etc/hello.txt"));
        if (randomLayerSize > 0) {
            layers.add(cache.computeIfAbsent("random",
                    k -> layer(blobs, LayerContent.random(seed, randomLayerSize), "data/random.bin")));
        }
        Descriptor config = blobs.write(format.configMediaType(), ImageDocuments.config(platform,
                layers.stream().map(LayerBlob::diffId).toList(), layers.stream().map(LayerBlob::comment).toList()));
        List<Descriptor> layerDescriptors = layers.stream().map(LayerBlob::descriptor).toList();
        Descriptor manifest = blobs.write(format.manifestMediaType(),
                ImageDocuments.manifest(omitMediaType ? null : format.manifestMediaType(), config, layerDescriptors));
        return new WrittenImage(manifest, config, layerDescriptors);
    }

    private LayerBlob layer(BlobWriter blobs, TarLayer content, String comment) {
        byte[] tar = content.toTar();
        byte[] blob = compression == LayerCompression.GZIP ? TarLayer.gzip(tar) : tar;
        return new LayerBlob(blobs.write(format.layerMediaType(compression), blob), Digests.sha256(tar), comment);
    }

    private SortedMap<String, String> annotations(String tag) {
        SortedMap<String, String> annotations = new TreeMap<>();
        String full = repository + ":" + tag;
        switch (refNameStyle) {
            case TAG -> annotations.put(REF_NAME, tag);
            case FULL_REFERENCE -> {
                annotations.put(REF_NAME, full);
                annotations.put(CONTAINERD_NAME, full);
            }
            case DOCKER_SAVE -> {
                annotations.put(REF_NAME, tag);
                annotations.put(CONTAINERD_NAME, full);
            }
        }
        return annotations;
    }

    private void validate() {
        if (images.isEmpty()) {
            throw new IllegalStateException("add at least one image() or multiPlatformImage()");
        }
        Set<String> seen = new HashSet<>();
        for (ImageRequest request : images) {
            for (String tag : request.tags()) {
                if (!seen.add(tag)) {
                    throw new IllegalStateException("tag " + tag + " is given to two images");
                }
            }
            if (request.multiPlatform() && refNameStyle == RefNameStyle.DOCKER_SAVE) {
                throw new IllegalStateException("docker save style layouts hold single-platform images only");
            }
        }
        if (omitMediaType && format == ManifestFormat.DOCKER) {
            throw new IllegalStateException("Docker manifests require mediaType; omitManifestMediaType needs OCI");
        }
        if (Files.exists(directory)) {
            try (Stream<Path> children = Files.list(directory)) {
                if (children.findAny().isPresent()) {
                    throw new IllegalStateException(directory + " is not empty; OciLayoutBuilder writes fresh layouts");
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + directory, e);
            }
        }
    }

    private static List<String> tags(String tag, String... moreTags) {
        List<String> all = Stream.concat(Stream.of(tag), Stream.of(moreTags)).toList();
        for (String t : all) {
            if (t == null || !t.matches("[A-Za-z0-9_][A-Za-z0-9._-]{0,127}")) {
                throw new IllegalArgumentException("not a valid tag: " + t);
            }
        }
        return all;
    }
}
