package io.ipfsmiddleware.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;

/**
 * An OCI image-layout directory on disk and what it holds: the named entries of its
 * {@code index.json} and every blob they reach, with digests and sizes, so a test can compare
 * what a client pulled with the source.
 *
 * <p>Returned by {@link OciLayoutBuilder#build()}; {@link #read(Path)} describes any layout,
 * e.g. one skopeo wrote.
 *
 * @param directory the layout root (holds {@code oci-layout}, {@code index.json}, {@code blobs/})
 * @param tags the {@code index.json} entries in file order
 * @param blobs every reachable blob by digest (sorted), including manifests and indexes
 */
public record OciLayout(Path directory, List<TaggedImage> tags, Map<String, Descriptor> blobs) {

    /**
     * Copies the collections.
     *
     * @param directory see the record description
     * @param tags see the record description
     * @param blobs see the record description
     */
    public OciLayout {
        tags = List.copyOf(tags);
        blobs = Collections.unmodifiableMap(new TreeMap<>(blobs));
    }

    /**
     * Reads and checks a layout: every referenced blob must exist with the stated size and digest.
     *
     * @param directory the layout root
     * @return its description
     * @throws IllegalStateException if the layout is inconsistent
     */
    public static OciLayout read(Path directory) {
        return new OciLayoutReader(directory).read();
    }

    /**
     * @param tagOrRefName a short tag ({@code 3.10.1}) or a full ref name as written in {@code index.json}
     * @return the first entry with that tag or ref name
     * @throws NoSuchElementException if there is none
     */
    public TaggedImage tag(String tagOrRefName) {
        return tags.stream()
                .filter(t -> tagOrRefName.equals(t.tag()) || tagOrRefName.equals(t.refName()))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("no tag " + tagOrRefName + " in " + directory
                        + "; have " + tags.stream().map(TaggedImage::tag).toList()));
    }

    /**
     * @param digest {@code sha256:<hex>}
     * @return {@code <directory>/blobs/sha256/<hex>}
     */
    public Path blobPath(String digest) {
        if (!digest.matches("sha256:[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a sha256 digest: " + digest);
        }
        return directory.resolve("blobs").resolve("sha256").resolve(digest.substring("sha256:".length()));
    }

    /**
     * @param digest {@code sha256:<hex>}
     * @return the blob's bytes
     */
    public byte[] readBlob(String digest) {
        try {
            return Files.readAllBytes(blobPath(digest));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read blob " + digest, e);
        }
    }

    /** @return the sum of all reachable blob sizes */
    public long totalBlobSize() {
        return blobs.values().stream().mapToLong(Descriptor::size).sum();
    }
}
