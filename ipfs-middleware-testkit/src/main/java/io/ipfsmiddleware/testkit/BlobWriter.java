package io.ipfsmiddleware.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Stores blobs content-addressed under {@code <layout>/blobs/sha256/<hex>}. */
final class BlobWriter {

    private final Path blobDir;

    BlobWriter(Path layoutDir) {
        this.blobDir = layoutDir.resolve("blobs").resolve("sha256");
        try {
            Files.createDirectories(blobDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + blobDir, e);
        }
    }

    /** Writes {@code content} (once; an identical blob may be written by several images). */
    Descriptor write(String mediaType, byte[] content) {
        Descriptor descriptor = new Descriptor(mediaType, Digests.sha256(content), content.length);
        Path file = blobDir.resolve(descriptor.hex());
        try {
            if (!Files.exists(file)) {
                Files.write(file, content);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write blob " + file, e);
        }
        return descriptor;
    }
}
