package io.ipfsmiddleware.core.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ipfsmiddleware.api.model.Descriptor;
import io.ipfsmiddleware.api.model.MediaTypes;
import io.ipfsmiddleware.core.layout.LayoutIndex;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Writes one OCI image layout of the output tree: {@code <tree>/<name>/oci-layout}, {@code
 * index.json} and {@code blobs/sha256/…}. Every blob is checked against its digest and size as
 * it is written (to a scratch file first, moved into place only when it matched), so the tree
 * never holds a wrong or partial blob.
 *
 * <p>{@code index.json} is written last, compact, with one entry per tag sorted by tag, each
 * {@code {"mediaType","digest","size","annotations":{"org.opencontainers.image.ref.name":tag}}}:
 * the same images always give the same bytes. Entries of an existing {@code index.json} (when
 * adding into a published tree) are kept unless a new image takes their tag.
 */
final class ImageLayoutWriter {
    static final byte[] OCI_LAYOUT = "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private final String name;
    private final Path dir;
    private final Path scratch;
    private final Set<String> alreadyPublished;
    private final List<JsonNode> keptEntries = new ArrayList<>();
    private final Map<String, Descriptor> tags = new TreeMap<>();
    private final Set<String> skipped = new java.util.HashSet<>();

    /**
     * @param name the image name (the directory under the tree)
     * @param dir {@code <tree>/<name>}
     * @param scratch a directory for partial blobs, outside the tree
     * @param alreadyPublished hex digests of blobs the target tree holds already (not written again)
     */
    ImageLayoutWriter(String name, Path dir, Path scratch, Set<String> alreadyPublished) throws IOException {
        this.name = name;
        this.dir = dir;
        this.scratch = scratch;
        this.alreadyPublished = Set.copyOf(alreadyPublished);
        Files.createDirectories(dir.resolve("blobs/sha256"));
        Files.createDirectories(scratch);
    }

    String name() {
        return name;
    }

    /** Keeps the entries of an existing {@code index.json}, except those a new tag replaces. */
    void keepExisting(byte[] indexJson, String where) throws PublishException {
        JsonNode manifests = PublishJson.read(indexJson, where).path("manifests");
        if (!manifests.isArray()) {
            throw new PublishException(where + " has no \"manifests\" list; it is not an OCI image index");
        }
        manifests.forEach(keptEntries::add);
    }

    /** @return whether the blob is in the tree already (written in this run, or published before) */
    boolean has(Descriptor d) {
        if (alreadyPublished.contains(d.digest().encoded())) {
            skipped.add(d.digest().encoded());
            return true;
        }
        return Files.exists(dir.resolve("blobs").resolve(d.digest().algorithm()).resolve(d.digest().encoded()));
    }

    /** @return how many blobs were not written because the tree published before has them */
    int skipped() {
        return skipped.size();
    }

    /**
     * Writes a blob unless the tree has it, checking digest and size.
     *
     * @param d what the bytes must be
     * @param in the bytes; closed
     * @param where the source, for messages
     */
    void writeBlob(Descriptor d, InputStream in, String where) throws IOException {
        try (in) {
            if (has(d)) {
                return;
            }
            Path partial = scratch.resolve(UUID.randomUUID() + ".partial");
            MessageDigest hash = digestFor(d);
            long size;
            try (DigestInputStream digesting = new DigestInputStream(in, hash);
                    OutputStream out = Files.newOutputStream(partial)) {
                size = digesting.transferTo(out);
            } catch (IOException e) {
                Files.deleteIfExists(partial);
                throw e;
            }
            String actual = HexFormat.of().formatHex(hash.digest());
            if (!actual.equals(d.digest().encoded()) || size != d.size()) {
                Files.deleteIfExists(partial);
                throw new PublishException(where + ": blob " + d.digest() + " does not match its descriptor (got "
                        + size + " bytes with " + d.digest().algorithm() + ":" + actual + ", expected " + d.size()
                        + " bytes); the source is corrupt or was truncated");
            }
            Files.move(partial, blobPath(d), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Writes a manifest or index whose bytes are in memory. */
    void writeBlob(Descriptor d, byte[] bytes, String where) throws IOException {
        writeBlob(d, new java.io.ByteArrayInputStream(bytes), where);
    }

    /**
     * Points {@code tag} at an image.
     *
     * @throws PublishException when this run already gave the tag to another image
     */
    void tag(String tag, Descriptor root) throws PublishException {
        if (!LayoutIndex.isTag(tag)) {
            throw new PublishException("'" + tag + "' is not a valid tag (letters, digits, '_', '.', '-'; "
                    + "at most 128; not starting with '.' or '-')");
        }
        Descriptor before = tags.putIfAbsent(tag, root);
        if (before != null && !before.digest().equals(root.digest())) {
            throw new PublishException(name + ":" + tag + " is given to two different images (" + before.digest()
                    + " and " + root.digest() + ") in one run");
        }
    }

    /** @return the tags this run writes */
    Map<String, Descriptor> tags() {
        return Map.copyOf(tags);
    }

    /** Writes {@code oci-layout} and {@code index.json}. */
    void finish() throws IOException {
        Files.write(dir.resolve("oci-layout"), OCI_LAYOUT);
        TreeMap<String, JsonNode> sorted = new TreeMap<>();
        List<JsonNode> untagged = new ArrayList<>();
        for (JsonNode kept : keptEntries) {
            String ref = kept.path("annotations").path(LayoutIndex.REF_NAME).asText("");
            if (ref.isEmpty()) {
                untagged.add(kept);
            } else if (!tags.containsKey(ref)) {
                sorted.put(ref, kept);
            }
        }
        tags.forEach((tag, d) -> {
            ObjectNode entry = PublishJson.descriptorNode(d);
            entry.putObject("annotations").put(LayoutIndex.REF_NAME, tag);
            sorted.put(tag, entry);
        });
        ObjectNode index = PublishJson.MAPPER.createObjectNode();
        index.put("schemaVersion", 2);
        index.put("mediaType", MediaTypes.OCI_INDEX);
        ArrayNode manifests = index.putArray("manifests");
        untagged.stream().sorted(Comparator.comparing(JsonNode::toString)).forEach(manifests::add);
        sorted.values().forEach(manifests::add);
        Files.write(dir.resolve("index.json"), PublishJson.write(index));
    }

    /** {@code blobs/<algorithm>/<hex>}, as the image layout spec has it; the directory is made if needed. */
    private Path blobPath(Descriptor d) throws IOException {
        Path algorithm = Files.createDirectories(dir.resolve("blobs").resolve(d.digest().algorithm()));
        return algorithm.resolve(d.digest().encoded());
    }

    private static MessageDigest digestFor(Descriptor d) {
        try {
            return MessageDigest.getInstance(d.digest().jdkAlgorithm());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + d.digest().jdkAlgorithm(), e);
        }
    }
}
