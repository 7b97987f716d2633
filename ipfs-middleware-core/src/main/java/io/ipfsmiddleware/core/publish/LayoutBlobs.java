package io.ipfsmiddleware.core.publish;

import io.ipfsmiddleware.api.model.Descriptor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** The blobs of an OCI image layout on disk: {@code <dir>/blobs/<algorithm>/<hex>}. */
final class LayoutBlobs implements BlobSource {
    private final Path dir;
    private final String where;

    LayoutBlobs(Path dir, String where) {
        this.dir = dir;
        this.where = where;
    }

    @Override
    public InputStream open(Descriptor d) throws IOException {
        Path blob = dir.resolve("blobs").resolve(d.digest().algorithm()).resolve(d.digest().encoded());
        try {
            return Files.newInputStream(blob);
        } catch (NoSuchFileException e) {
            throw new PublishException(where + " lacks blob " + d.digest() + " (no " + dir.relativize(blob)
                    + "); the layout is incomplete");
        }
    }
}
