package io.ipfsmiddleware.core.cache;

import io.ipfsmiddleware.api.model.Digest;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the blob cache finds in its directory at start-up. */
final class CacheDirectory {
    private static final Logger LOG = LoggerFactory.getLogger(CacheDirectory.class);

    private CacheDirectory() {
    }

    /**
     * An entry on disk.
     *
     * @param digest its digest, from its path
     * @param size its size
     * @param lastAccess when it was last read (its modification time)
     */
    record Found(Digest digest, long size, long lastAccess) {
    }

    /** Deletes the temp files of fills a previous process did not finish. */
    static void deletePartials(Path tmp) throws IOException {
        int deleted = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(tmp)) {
            for (Path file : files) {
                Files.deleteIfExists(file);
                deleted++;
            }
        }
        if (deleted > 0) {
            LOG.info("deleted {} partial blob(s) left in {}", deleted, tmp);
        }
    }

    /** @return the entries under {@code blobs/<algorithm>/<hex>}, least recently used first */
    static List<Found> scan(Path blobs) throws IOException {
        List<Found> found = new ArrayList<>();
        try (DirectoryStream<Path> algorithms = Files.newDirectoryStream(blobs, Files::isDirectory)) {
            for (Path algorithm : algorithms) {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(algorithm)) {
                    for (Path file : files) {
                        String name = algorithm.getFileName() + ":" + file.getFileName();
                        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                        if (!Digest.isDigest(name) || !attributes.isRegularFile()) {
                            LOG.warn("ignoring {}: not a blob cache entry", file);
                            continue;
                        }
                        found.add(new Found(parse(name), attributes.size(), attributes.lastModifiedTime().toMillis()));
                    }
                }
            }
        }
        found.sort(Comparator.comparingLong(Found::lastAccess));
        return found;
    }

    private static Digest parse(String name) {
        int colon = name.indexOf(':');
        return new Digest(name.substring(0, colon), name.substring(colon + 1));
    }
}
