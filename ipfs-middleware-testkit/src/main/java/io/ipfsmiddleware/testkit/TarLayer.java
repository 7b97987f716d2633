package io.ipfsmiddleware.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

/**
 * A layer's file system as a reproducible tar: entries sorted by path, parent directories
 * added implicitly, owner root:root with empty names, one fixed mtime. The gzip form has a
 * zero header mtime and no file name, so equal content gives equal digests.
 */
final class TarLayer {

    /** Fixed mtime of every entry and of image history: 2019-07-11T00:00:00Z. */
    static final long MTIME_EPOCH_SECONDS = 1_562_803_200L;

    private sealed interface Node permits Dir, File, Link {
    }

    private record Dir() implements Node {
    }

    private record File(byte[] content, int mode) implements Node {
    }

    private record Link(String target) implements Node {
    }

    private final Map<String, Node> entries = new TreeMap<>();

    /** Adds a regular file (and its parent directories). */
    TarLayer file(String path, byte[] content, int permissions) {
        addParents(path);
        entries.put(path, new File(content, permissions));
        return this;
    }

    /** Adds a symbolic link (and its parent directories). */
    TarLayer symlink(String path, String target) {
        addParents(path);
        entries.put(path, new Link(target));
        return this;
    }

    private void addParents(String path) {
        if (path.startsWith("/") || path.endsWith("/") || path.isEmpty()) {
            throw new IllegalArgumentException("layer paths are relative file paths: " + path);
        }
        for (int i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) {
            entries.putIfAbsent(path.substring(0, i), new Dir());
        }
    }

    /** @return the uncompressed tar stream */
    byte[] toTar() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (Map.Entry<String, Node> e : entries.entrySet()) {
                writeEntry(tar, e.getKey(), e.getValue());
            }
            tar.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write tar in memory", e);
        }
        return bytes.toByteArray();
    }

    private static void writeEntry(TarArchiveOutputStream tar, String path, Node node) throws IOException {
        TarArchiveEntry entry;
        if (node instanceof Dir) {
            entry = new TarArchiveEntry(path + "/", TarConstants.LF_DIR);
            entry.setMode(0040755);
        } else if (node instanceof Link link) {
            entry = new TarArchiveEntry(path, TarConstants.LF_SYMLINK);
            entry.setLinkName(link.target());
            entry.setMode(0120777);
        } else {
            File file = (File) node;
            entry = new TarArchiveEntry(path, TarConstants.LF_NORMAL);
            entry.setMode(0100000 | file.mode());
            entry.setSize(file.content().length);
        }
        entry.setModTime(MTIME_EPOCH_SECONDS * 1000L);
        entry.setUserId(0);
        entry.setGroupId(0);
        entry.setUserName("");
        entry.setGroupName("");
        tar.putArchiveEntry(entry);
        if (node instanceof File file) {
            tar.write(file.content());
        }
        tar.closeArchiveEntry();
    }

    /** @return {@code tar} gzip'd reproducibly (no name, zero mtime, OS "unknown") */
    static byte[] gzip(byte[] tar) {
        GzipParameters parameters = new GzipParameters();
        parameters.setModificationTime(0);
        parameters.setOS(GzipParameters.OS.UNKNOWN);
        parameters.setCompressionLevel(6);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(tar.length / 2 + 64);
        try (GzipCompressorOutputStream gz = new GzipCompressorOutputStream(bytes, parameters)) {
            gz.write(tar);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot gzip in memory", e);
        }
        return bytes.toByteArray();
    }
}
