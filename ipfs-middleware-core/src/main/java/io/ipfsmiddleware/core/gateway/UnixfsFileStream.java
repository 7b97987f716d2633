package io.ipfsmiddleware.core.gateway;

import io.ipfsmiddleware.core.io.Streams;
import io.ipfsmiddleware.core.cid.Cid;
import io.ipfsmiddleware.core.node.IpfsNodeException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Streams a byte range of a UnixFS file by walking its DAG depth first, fetching only the blocks
 * under the range: every link carries the size of the file part below it (the parent's
 * blocksizes), so whole subtrees before or after the range are skipped unfetched. Memory stays
 * flat in file size: the pending links of the current path plus up to {@code prefetch} blocks
 * fetched ahead in the background, so that a slow gateway's latency overlaps.
 *
 * <p>Each block is checked against the size its parent gave it (leaf lengths, and data plus
 * blocksizes of inner nodes), so a tree whose sizes disagree fails with an error instead of
 * delivering the wrong bytes at the wrong offsets. Depth is bounded by {@link UnixfsDag#MAX_DEPTH}.
 */
final class UnixfsFileStream extends InputStream {
    /** A part of the file still to visit: the block and where its bytes start in the file. */
    private record Pending(Cid cid, long start, long size, int depth) {
        long end() {
            return start + size;
        }
    }

    private final BlockStore blocks;
    private final String path;
    private final long end;
    private final int prefetch;
    private final Deque<Pending> todo = new ArrayDeque<>();
    private final Map<Cid, CompletableFuture<byte[]>> ahead = new LinkedHashMap<>();
    private long position;
    private byte[] chunk = new byte[0];
    private int chunkPos;
    private int chunkEnd;
    private boolean closed;

    /**
     * @param root the file's root, already loaded
     * @param fileSize its size ({@link UnixfsDag#fileSize})
     * @param offset the first byte to deliver
     * @param length how many bytes, or negative for all up to the end
     * @param prefetch how many blocks to fetch ahead
     */
    UnixfsFileStream(BlockStore blocks, String path, UnixfsDag.Loaded root, long fileSize, long offset, long length,
            int prefetch) throws IOException {
        this.blocks = blocks;
        this.path = path;
        this.prefetch = prefetch;
        this.position = Math.min(offset, fileSize);
        this.end = length < 0 || length > fileSize - position ? fileSize : position + length;
        if (position < end) {
            expand(new Pending(root.cid(), 0, fileSize, 0), root);
        }
    }

    @Override
    public int read() throws IOException {
        return Streams.readSingleByte(this);
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (closed) {
            throw new IOException("stream of " + path + " is closed");
        }
        if (len == 0) {
            return 0;
        }
        while (chunkPos == chunkEnd) {
            if (!nextChunk()) {
                return -1;
            }
        }
        int n = Math.min(len, chunkEnd - chunkPos);
        System.arraycopy(chunk, chunkPos, b, off, n);
        chunkPos += n;
        position += n;
        return n;
    }

    @Override
    public int available() {
        return chunkEnd - chunkPos;
    }

    @Override
    public void close() {
        closed = true;
        todo.clear();
        ahead.clear(); // fetches in flight finish into the shared cache
    }

    private boolean nextChunk() throws IOException {
        while (!todo.isEmpty()) {
            Pending p = todo.pollFirst();
            if (p.end() <= position) {
                continue;
            }
            if (p.start() >= end) {
                todo.clear();
                ahead.clear();
                return false;
            }
            CompletableFuture<byte[]> pending = ahead.remove(p.cid());
            byte[] block = blocks.await(pending != null ? pending : blocks.getAsync(p.cid()), p.cid(), path);
            UnixfsDag.Loaded node = UnixfsDag.decode(p.cid(), block);
            if (expand(p, node)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Visits one node: a leaf becomes the current chunk; an inner node's children are queued.
     *
     * @return whether a chunk is ready
     */
    private boolean expand(Pending p, UnixfsDag.Loaded node) throws IOException {
        byte[] data;
        if (node.isRaw()) {
            data = node.bytes();
            if (data.length != p.size()) {
                throw sizeMismatch(p, data.length);
            }
        } else {
            long size = UnixfsDag.fileSize(node, path);
            if (size != p.size()) {
                throw sizeMismatch(p, size);
            }
            data = node.unixfs().data();
            var links = node.node().links();
            if (!links.isEmpty() && p.depth() >= UnixfsDag.MAX_DEPTH) {
                throw UnixfsData.invalid(p.cid(), "the file tree of " + path + " is deeper than "
                        + UnixfsDag.MAX_DEPTH + " levels", null);
            }
            long childEnd = p.end();
            for (int i = links.size() - 1; i >= 0; i--) {
                long childSize = node.unixfs().blocksizes().get(i);
                childEnd -= childSize;
                todo.addFirst(new Pending(links.get(i).cid(), childEnd, childSize, p.depth() + 1));
            }
        }
        prefetchAhead();
        long dataEnd = p.start() + data.length;
        if (data.length == 0 || dataEnd <= position || p.start() >= end) {
            return false;
        }
        chunk = data;
        chunkPos = (int) (position - p.start());
        chunkEnd = (int) (Math.min(end, dataEnd) - p.start());
        return true;
    }

    /** Starts fetching the next few queued blocks that overlap the range. */
    private void prefetchAhead() {
        int started = 0;
        Iterator<Pending> it = todo.iterator();
        while (it.hasNext() && started < prefetch) {
            Pending next = it.next();
            if (next.start() >= end) {
                break;
            }
            if (next.end() <= position) {
                continue;
            }
            if (!ahead.containsKey(next.cid())) {
                if (ahead.size() >= prefetch) {
                    break;
                }
                ahead.put(next.cid(), blocks.getAsync(next.cid()));
            }
            started++;
        }
    }

    private IpfsNodeException sizeMismatch(Pending p, long actual) {
        return UnixfsData.invalid(p.cid(), "its parent in " + path + " gives it " + p.size() + " bytes but it holds "
                + actual, null);
    }
}
