package io.ipfsmiddleware.core.publish;

import io.ipfsmiddleware.api.model.Descriptor;
import io.ipfsmiddleware.core.kubo.AddOptions;
import io.ipfsmiddleware.core.kubo.AddResult;
import io.ipfsmiddleware.core.kubo.KuboClient;
import io.ipfsmiddleware.core.node.FileStat;
import io.ipfsmiddleware.core.node.IpfsNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Publishes images to IPFS in one step: reads each source, writes the OCI image-layout tree
 * ({@code <name>/index.json}, {@code <name>/oci-layout}, {@code <name>/blobs/sha256/…}, one
 * directory per name), adds it to the node with CIDv1 and raw leaves, pins it, checks the root
 * on the node and returns its CID.
 *
 * <pre>{@code
 * try (KuboClient kubo = KuboClient.builder(URI.create("http://127.0.0.1:5001")).build()) {
 *     PublishResult r = new Publisher(kubo).publish(PublishRequest.of(
 *             PublishJob.of(ImageSources.ociLayout(Path.of("images/alpine"), "3.10.1"), "alpine:3.10.1")));
 *     System.out.println(r.cid());   // pull localhost:5000/ipfs/<cid>/alpine:3.10.1
 * }
 * }</pre>
 *
 * <p>The tree is complete on disk before the add starts, and a CID is returned only after the
 * add finished and the node answered {@code files/stat} for every image's {@code index.json}
 * and manifest; any failure before that throws, so no caller sees the CID of a partial tree.
 * The same images always give the same CID (see {@link ImageLayoutWriter}).
 */
public final class Publisher {
    private final KuboClient kubo;
    private final PublishProgress progress;

    /** @param kubo the node to add to */
    public Publisher(KuboClient kubo) {
        this(kubo, PublishProgress.NONE);
    }

    /**
     * @param kubo the node to add to
     * @param progress told how it goes
     */
    public Publisher(KuboClient kubo, PublishProgress progress) {
        this.kubo = Objects.requireNonNull(kubo, "kubo");
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /**
     * @param request what to publish
     * @return the root CID and the tags written
     * @throws PublishException for bad input; the node's exceptions when it fails
     */
    public PublishResult publish(PublishRequest request) throws IOException {
        kubo.version(); // a node that is down fails now, not after the sources were read
        Path scratch = Files.createTempDirectory("ipfs-publish-");
        try {
            Path tree = request.treeDirectory() != null ? prepare(request.treeDirectory()) : scratch.resolve("tree");
            Files.createDirectories(tree);
            ExistingTree existing = request.into() == null ? null : ExistingTree.open(kubo, request.into());
            Map<String, ImageLayoutWriter> writers = new TreeMap<>();
            int skipped = 0;
            int index = 0;
            for (PublishJob job : request.jobs()) {
                ImageLayoutWriter writer = writers.get(job.name());
                if (writer == null) {
                    Set<String> published = Set.of();
                    if (existing != null) {
                        ExistingTree.NameState state = existing.state(job.name());
                        published = state.blobs();
                    }
                    writer = new ImageLayoutWriter(job.name(), tree.resolve(job.name()), scratch.resolve("partial"),
                            published);
                    if (existing != null && existing.state(job.name()).index() != null) {
                        writer.keepExisting(existing.state(job.name()).index(), request.into() + "/" + job.name()
                                + "/index.json");
                    }
                    writers.put(job.name(), writer);
                }
                progress.step("reading " + job.source());
                copy(job, writer, request.platform(), scratch.resolve("source-" + index++));
            }
            for (ImageLayoutWriter writer : writers.values()) {
                writer.finish();
            }
            checkNested(writers.keySet());
            long total = sizeOf(tree);
            progress.step("adding " + total + " bytes to " + kubo.describe());
            progress.uploadStarted(total);
            AddResult added;
            try {
                added = kubo.add(tree, (existing == null ? AddOptions.pinned() : AddOptions.unpinned())
                        .withProgress(progress::uploaded));
            } finally {
                progress.uploadEnded();
            }
            String root = existing == null ? added.root() : existing.merge(added.root(), tree);
            List<PublishedImage> images = verify(root, writers);
            int sent = countBlobs(tree);
            for (ImageLayoutWriter writer : writers.values()) {
                skipped += writer.skipped();
            }
            return new PublishResult(root, images, added.bytesSent(), sent, skipped);
        } finally {
            ArchiveSource.delete(scratch);
        }
    }

    private void copy(PublishJob job, ImageLayoutWriter writer, PlatformFilter platform, Path sourceScratch)
            throws IOException {
        try (OpenedSource opened = job.source().open(sourceScratch)) {
            ImageCopier copier = new ImageCopier(opened.blobs(), opened.description(), writer);
            List<SourceImage> images = opened.images();
            if (job.tag() != null) {
                Set<String> roots = new LinkedHashSet<>();
                images.forEach(i -> roots.add(i.root().digest().toString()));
                if (roots.size() > 1) {
                    List<String> tags = images.stream().map(i -> String.valueOf(i.tag())).toList();
                    throw new PublishException(opened.description() + " holds " + roots.size() + " images (tags " + tags
                            + "); pick one in the source (e.g. oci:DIR:TAG), or give --name " + job.name()
                            + " without a tag to publish them all with their own tags");
                }
                writer.tag(job.tag(), copier.copy(images.get(0).root(), platform));
                return;
            }
            Map<String, Descriptor> copied = new HashMap<>();
            Set<String> seenTags = new LinkedHashSet<>();
            for (SourceImage image : images) {
                if (image.tag() == null) {
                    throw new PublishException(opened.description() + " has an image without a tag (" + image.root()
                            .digest() + "); give one with --name " + job.name() + ":TAG");
                }
                if (!seenTags.add(image.tag())) {
                    continue; // the source's first image with a tag wins, as registries read layouts
                }
                String key = image.root().digest().toString();
                Descriptor d = copied.get(key);
                if (d == null) {
                    d = copier.copy(image.root(), platform);
                    copied.put(key, d);
                }
                writer.tag(image.tag(), d);
            }
        }
    }

    /** Checks on the node that the tree is all there: each index.json with its size, each tagged manifest. */
    private List<PublishedImage> verify(String root, Map<String, ImageLayoutWriter> writers) throws IOException {
        List<PublishedImage> images = new ArrayList<>();
        FileStat top = kubo.stat("/ipfs/" + root);
        if (!top.directory()) {
            throw new PublishException("the node reports " + root + " as a file, not the tree that was added");
        }
        for (ImageLayoutWriter writer : writers.values()) {
            String base = "/ipfs/" + root + "/" + writer.name();
            try {
                long size = kubo.stat(base + "/index.json").size();
                if (size == 0) {
                    throw new PublishException("the node holds an empty " + base + "/index.json");
                }
                for (Map.Entry<String, Descriptor> tag : new TreeMap<>(writer.tags()).entrySet()) {
                    Descriptor d = tag.getValue();
                    if (kubo.stat(base + "/blobs/sha256/" + d.digest().encoded()).size() != d.size()) {
                        throw new PublishException("the node holds a wrong " + base + "/blobs/sha256/"
                                + d.digest().encoded());
                    }
                    images.add(new PublishedImage(writer.name(), tag.getKey(), d.digest().toString(), d.mediaType()));
                }
            } catch (IpfsNotFoundException e) {
                throw new PublishException("the tree " + root + " is incomplete on the node: " + e.getMessage(), e);
            }
        }
        return images;
    }

    /** A name that is a directory inside another name's layout is fine; one equal to a layout file is not. */
    private static void checkNested(Set<String> names) throws PublishException {
        for (String name : names) {
            for (String other : names) {
                if (name.startsWith(other + "/")) {
                    String first = name.substring(other.length() + 1).split("/")[0];
                    if (first.equals("blobs") || first.equals("index.json") || first.equals("oci-layout")) {
                        throw new PublishException("image name " + name + " collides with the layout files of " + other);
                    }
                }
            }
        }
    }

    private static Path prepare(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new PublishException("tree directory " + dir + " is not empty");
                }
            }
        }
        return dir;
    }

    private static long sizeOf(Path tree) throws IOException {
        try (Stream<Path> walk = Files.walk(tree)) {
            return walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static int countBlobs(Path tree) throws IOException {
        try (Stream<Path> walk = Files.walk(tree)) {
            return (int) walk.filter(Files::isRegularFile)
                    .filter(p -> p.getParent().getFileName().toString().equals("sha256")).count();
        }
    }
}
