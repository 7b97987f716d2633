package io.ipfsmiddleware.core.kubo;

import io.ipfsmiddleware.core.io.Streams;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * A directory tree as the {@code multipart/form-data} body kubo's {@code add} reads, the way
 * kubo's own CLI sends it: one part per directory ({@code Content-Type: application/x-directory})
 * before the parts of its children, one part per file ({@code application/octet-stream}), each
 * named by its path relative to the tree's parent, query-escaped, in {@code filename}.
 *
 * <p>The body streams: files are opened one at a time while the request is sent, so memory
 * does not grow with the tree. Its length is known in advance ({@link #length()}), so the
 * request carries a {@code Content-Length}. Only regular files and directories are allowed.
 */
final class MultipartTree {
    private static final byte[] CRLF = {'\r', '\n'};

    private final String boundary;
    private final List<Part> parts;
    private final long length;

    private record Part(byte[] header, Path file, long size) {
    }

    private MultipartTree(String boundary, List<Part> parts, long length) {
        this.boundary = boundary;
        this.parts = parts;
        this.length = length;
    }

    /**
     * @param root the directory to send; it is the top entry of what kubo adds, named by its file name
     * @return the body
     * @throws IOException when the tree cannot be listed or holds something else than files and directories
     */
    static MultipartTree of(Path root) throws IOException {
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(root + " is not a directory");
        }
        String boundary = "ipfs-middleware-" + UUID.randomUUID();
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(root)) {
            paths = walk.sorted().toList();
        }
        Path base = root.toAbsolutePath().getParent();
        List<Part> parts = new ArrayList<>();
        long length = 0;
        for (Path path : paths) {
            String relative = base.relativize(path.toAbsolutePath()).toString().replace('\\', '/');
            boolean directory = Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
            if (!directory && !Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException(path + " is neither a regular file nor a directory; cannot add it");
            }
            String header = "--" + boundary + "\r\n"
                    + "Content-Disposition: form-data; name=\"file\"; filename=\""
                    + URLEncoder.encode(relative, StandardCharsets.UTF_8) + "\"\r\n"
                    + "Content-Type: " + (directory ? "application/x-directory" : "application/octet-stream") + "\r\n\r\n";
            byte[] bytes = header.getBytes(StandardCharsets.US_ASCII);
            long size = directory ? 0 : Files.size(path);
            parts.add(new Part(bytes, directory ? null : path, size));
            length += bytes.length + size + CRLF.length;
        }
        length += ("--" + boundary + "--\r\n").length();
        return new MultipartTree(boundary, List.copyOf(parts), length);
    }

    /** @return the request's {@code Content-Type} */
    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    /** @return the exact length of the body in bytes */
    long length() {
        return length;
    }

    /** @return the sum of the file sizes */
    long fileBytes() {
        return parts.stream().mapToLong(Part::size).sum();
    }

    /**
     * @param sent counts every byte handed to the connection
     * @return a fresh stream of the whole body
     */
    InputStream open(AtomicLong sent) {
        return new BodyStream(parts.iterator(), ("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII), sent);
    }

    /** Reads the parts in order, opening each file only when its turn comes. */
    private static final class BodyStream extends InputStream {
        private final Iterator<Part> parts;
        private final byte[] trailer;
        private final AtomicLong sent;
        private final List<InputStream> pending = new ArrayList<>();
        private InputStream current;
        private boolean trailerQueued;
        private Part currentPart;
        private long currentRead;

        BodyStream(Iterator<Part> parts, byte[] trailer, AtomicLong sent) {
            this.parts = parts;
            this.trailer = trailer;
            this.sent = sent;
        }

        @Override
        public int read() throws IOException {
            return Streams.readSingleByte(this);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            while (true) {
                if (current == null && !advance()) {
                    return -1;
                }
                int n = current.read(b, off, len);
                if (n > 0) {
                    sent.addAndGet(n);
                    if (currentPart != null) {
                        currentRead += n;
                    }
                    return n;
                }
                finishCurrent();
            }
        }

        private boolean advance() throws IOException {
            if (pending.isEmpty()) {
                if (parts.hasNext()) {
                    Part part = parts.next();
                    pending.add(new ByteArrayInputStream(part.header()));
                    if (part.file() != null) {
                        pending.add(new FileBody(part));
                    }
                    pending.add(new ByteArrayInputStream(CRLF));
                } else if (!trailerQueued) {
                    trailerQueued = true;
                    pending.add(new ByteArrayInputStream(trailer));
                } else {
                    return false;
                }
            }
            InputStream next = pending.remove(0);
            if (next instanceof FileBody fileBody) {
                currentPart = fileBody.part;
                currentRead = 0;
                current = Files.newInputStream(fileBody.part.file());
            } else {
                currentPart = null;
                current = next;
            }
            return true;
        }

        private void finishCurrent() throws IOException {
            current.close();
            current = null;
            if (currentPart != null && currentRead != currentPart.size()) {
                throw new IOException(currentPart.file() + " changed while it was being added (" + currentRead
                        + " bytes instead of " + currentPart.size() + ")");
            }
            currentPart = null;
        }

        @Override
        public void close() throws IOException {
            if (current != null) {
                current.close();
                current = null;
            }
        }
    }

    /** Marks where a file's bytes go in the sequence; opened lazily. */
    private static final class FileBody extends InputStream {
        private final Part part;

        FileBody(Part part) {
            this.part = part;
        }

        @Override
        public int read() {
            throw new UnsupportedOperationException("placeholder");
        }
    }
}
