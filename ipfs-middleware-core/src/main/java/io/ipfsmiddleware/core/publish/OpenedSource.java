package io.ipfsmiddleware.core.publish;

import java.io.IOException;
import java.util.List;

/**
 * A source ready to be copied: its images and the blobs they refer to. Closing it deletes any
 * scratch files the source needed (an unpacked archive).
 *
 * @param description the source as the user wrote it, for messages
 * @param images the images it offers, in its order
 * @param blobs where their bytes come from
 * @param cleanup run on close
 */
public record OpenedSource(String description, List<SourceImage> images, BlobSource blobs, Cleanup cleanup)
        implements AutoCloseable {
    /** Deletes what a source left behind. */
    @FunctionalInterface
    public interface Cleanup {
        /** @throws IOException when it cannot */
        void run() throws IOException;
    }

    /** Copies the list. */
    public OpenedSource {
        images = List.copyOf(images);
    }

    @Override
    public void close() throws IOException {
        cleanup.run();
    }
}
