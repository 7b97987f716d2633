package io.ipfsmiddleware.core.publish;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Unpacks an image archive (a tar, optionally gzip-compressed as {@code docker save | gzip}
 * writes it) into a scratch directory, safely: entries may not leave the directory, links are
 * resolved inside the archive only, and a truncated or corrupt archive is an error that says so.
 */
final class TarFiles {
    private TarFiles() {
    }

    /**
     * @param raw the archive; not closed
     * @param dest the empty directory to unpack into
     * @param where the source, for messages
     */
    static void extract(InputStream raw, Path dest, String where) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 64 * 1024);
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        if (b1 < 0) {
            throw new PublishException(where + " is empty");
        }
        InputStream plain = b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(in, 64 * 1024) : in;
        Map<Path, Path> links = new LinkedHashMap<>();
        int count = 0;
        try {
            TarArchiveInputStream tar = new TarArchiveInputStream(plain);
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path target = inside(dest, entry.getName(), where);
                count++;
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else if (entry.isSymbolicLink() || entry.isLink()) {
                    Path linked = entry.isSymbolicLink()
                            ? target.getParent().resolve(entry.getLinkName()).normalize()
                            : inside(dest, entry.getLinkName(), where);
                    if (!linked.startsWith(dest)) {
                        throw new PublishException(where + ": link " + entry.getName() + " points outside the archive");
                    }
                    links.put(target, linked);
                } else if (entry.isFile()) {
                    Files.createDirectories(target.getParent());
                    long written;
                    try (OutputStream out = Files.newOutputStream(target)) {
                        written = tar.transferTo(out);
                    }
                    if (written != entry.getSize()) {
                        throw new PublishException(where + " is truncated: " + entry.getName() + " has " + written
                                + " of " + entry.getSize() + " bytes");
                    }
                }
            }
        } catch (PublishException e) {
            throw e;
        } catch (IOException | IllegalArgumentException e) {
            throw new PublishException(where + " is not a readable tar archive, or it is truncated or corrupt ("
                    + e.getMessage() + ")", e);
        }
        if (count == 0) {
            throw new PublishException(where + " is not a tar archive (no entries)");
        }
        for (Map.Entry<Path, Path> link : links.entrySet()) {
            if (Files.isRegularFile(link.getValue())) {
                Files.createDirectories(link.getKey().getParent());
                Files.copy(link.getValue(), link.getKey(), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static Path inside(Path dest, String name, String where) throws PublishException {
        Path target = dest.resolve(name).normalize();
        if (!target.startsWith(dest) || name.startsWith("/")) {
            throw new PublishException(where + ": entry " + name + " points outside the archive");
        }
        return target;
    }
}
