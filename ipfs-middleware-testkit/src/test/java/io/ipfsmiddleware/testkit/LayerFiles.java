package io.ipfsmiddleware.testkit;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/** Test helper: the entries of a layer blob. */
final class LayerFiles {

    record Entry(TarArchiveEntry header, byte[] content) {
    }

    private LayerFiles() {
    }

    static Map<String, Entry> read(byte[] blob, boolean gzipped) throws IOException {
        Map<String, Entry> entries = new LinkedHashMap<>();
        InputStream raw = new ByteArrayInputStream(blob);
        try (TarArchiveInputStream tar = new TarArchiveInputStream(gzipped ? new GzipCompressorInputStream(raw) : raw)) {
            for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                entries.put(e.getName(), new Entry(e, tar.readAllBytes()));
            }
        }
        return entries;
    }

    static byte[] gunzip(byte[] blob) throws IOException {
        try (InputStream in = new GzipCompressorInputStream(new ByteArrayInputStream(blob))) {
            return in.readAllBytes();
        }
    }
}
