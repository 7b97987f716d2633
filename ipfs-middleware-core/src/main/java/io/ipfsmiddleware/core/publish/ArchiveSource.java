package io.ipfsmiddleware.core.publish;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code oci-archive:FILE[:TAG]} and {@code docker-archive:FILE}: a tar unpacked into scratch
 * space, then read as an OCI layout. A {@code docker save} tar is either Docker ≥ 25's OCI
 * layout (with {@code index.json}) or the classic format, converted by {@link DockerArchive}.
 */
final class ArchiveSource implements ImageSource {
    /** Opens the archive's bytes. */
    @FunctionalInterface
    interface Opener {
        InputStream open() throws IOException;
    }

    private final boolean docker;
    private final Path file;
    private final Opener stdin;
    private final String tag;
    private final String description;

    ArchiveSource(boolean docker, Path file, Opener stdin, String tag, String description) {
        this.docker = docker;
        this.file = file;
        this.stdin = stdin;
        this.tag = tag;
        this.description = description;
    }

    @Override
    public OpenedSource open(Path scratch) throws IOException {
        Path dir = scratch.toAbsolutePath().normalize();
        Files.createDirectories(dir);
        try {
            if (file == null) {
                TarFiles.extract(stdin.open(), dir, description + " (standard input)");
            } else {
                try (InputStream in = Files.newInputStream(file)) {
                    TarFiles.extract(in, dir, description);
                } catch (NoSuchFileException e) {
                    throw new PublishException(description + ": " + file + " does not exist");
                }
            }
            List<SourceImage> images;
            if (Files.exists(dir.resolve("index.json"))) {
                images = OciLayoutSource.images(dir, tag, description);
            } else if (!docker) {
                throw new PublishException(description + " is not an OCI archive (no index.json in it)");
            } else if (Files.exists(dir.resolve("manifest.json"))) {
                images = DockerArchive.convert(dir, description);
            } else {
                throw new PublishException(description + " is not a docker save archive (neither index.json nor "
                        + "manifest.json in it)");
            }
            return new OpenedSource(description, images, new LayoutBlobs(dir, description), () -> delete(dir));
        } catch (IOException | RuntimeException e) {
            delete(dir);
            throw e;
        }
    }

    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Override
    public String toString() {
        return description;
    }
}
