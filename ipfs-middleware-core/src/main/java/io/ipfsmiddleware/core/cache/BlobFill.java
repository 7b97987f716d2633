package io.ipfsmiddleware.core.cache;

import io.ipfsmiddleware.api.model.Digest;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One blob being copied from IPFS into a temp file of the disk cache, and the progress that
 * readers of the growing file wait on. A reader gets the bytes written so far, but the last
 * byte only once the whole blob has matched its digest and the file has become the cache
 * entry; if the copy fails, every reader fails instead.
 */
final class BlobFill {
    private final Digest digest;
    private final long size;
    private final Path temp;
    private final Duration stallTimeout;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition progress = lock.newCondition();
    private long written;
    private Path entry;
    private IOException failure;

    BlobFill(Digest digest, long size, Path temp, Duration stallTimeout) {
        this.digest = digest;
        this.size = size;
        this.temp = temp;
        this.stallTimeout = stallTimeout;
    }

    Digest digest() {
        return digest;
    }

    long size() {
        return size;
    }

    Path temp() {
        return temp;
    }

    /**
     * @return a stream of the blob that follows this fill, or {@code null} if the fill failed
     *     (the caller then reads the blob another way)
     */
    FillReader newReader() throws IOException {
        lock.lock();
        try {
            if (failure != null) {
                return null;
            }
            Path file = entry != null ? entry : temp;
            return new FillReader(this, FileChannel.open(file, StandardOpenOption.READ));
        } catch (NoSuchFileException evictedMeanwhile) {
            return null;
        } finally {
            lock.unlock();
        }
    }

    void advance(long bytes) {
        lock.lock();
        try {
            written += bytes;
            progress.signalAll();
        } finally {
            lock.unlock();
        }
    }

    void complete(Path entryFile) {
        lock.lock();
        try {
            entry = entryFile;
            progress.signalAll();
        } finally {
            lock.unlock();
        }
    }

    void fail(IOException cause) {
        lock.lock();
        try {
            failure = cause;
            progress.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until there is something to read at {@code position}.
     *
     * @return how far a reader may read: the bytes written, short of the last one until verified;
     *     {@link #size} once verified
     * @throws IOException when the fill failed or made no progress within the stall timeout
     */
    long awaitReadable(long position) throws IOException {
        lock.lock();
        try {
            long waitNanos = stallTimeout.toNanos();
            while (true) {
                if (failure != null) {
                    throw new IOException("reading blob " + digest + " from IPFS failed: " + failure.getMessage(),
                            failure);
                }
                if (entry != null) {
                    return size;
                }
                long limit = Math.min(written, size - 1);
                if (position < limit) {
                    return limit;
                }
                if (waitNanos <= 0) {
                    throw new IOException("blob " + digest + " made no progress from IPFS within "
                            + stallTimeout.toSeconds() + "s");
                }
                waitNanos = progress.awaitNanos(waitNanos);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while waiting for blob " + digest);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "fill of " + digest + " (" + size + " bytes) into " + temp;
    }
}
