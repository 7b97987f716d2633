package io.ipfsmiddleware.core.cache;

import io.ipfsmiddleware.api.model.ByteRange;
import io.ipfsmiddleware.api.model.Digest;
import io.ipfsmiddleware.core.verify.ContentMismatchException;
import io.ipfsmiddleware.core.verify.VerifyingInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A disk cache of blobs, content-addressed ({@code blobs/<algorithm>/<hex>}), so one entry
 * serves every name and CID that holds the blob. Bounded in bytes, least recently used evicted
 * first; the index lives in memory and is rebuilt from the directory at start-up (last access
 * is the file's modification time), so entries outlive restarts.
 *
 * <p>A miss starts a <em>fill</em>: the node's stream is copied on a background thread into a
 * temp file under {@code tmp/} while the digest is computed; the file becomes an entry (atomic
 * rename) only if the digest matches. Requests for the blob meanwhile, the first included,
 * stream from the growing file, so IPFS is read once however many clients ask, and memory stays
 * flat. The fill finishes even if its clients go away; fills are bounded in number, and each
 * read from the node by its deadline. Partial files are deleted at start-up and never served.
 *
 * <p>A whole blob read from the cache is hashed again as it streams when {@link CacheVerify}
 * says so: always, or (the default) when its file changed on disk since it was last verified
 * ({@link EntryStamps}). On a mismatch the entry is deleted and the read fails before the last
 * byte, so the next request fetches it again. Ranges are read from the entry unverified.
 */
public final class BlobCache implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BlobCache.class);
    private static final int FILL_BUFFER = 256 * 1024;
    /** An entry's modification time (its last use, for the order of eviction after a restart) is set at most this often. */
    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(10);

    private final Path directory;
    private final Path blobs;
    private final Path tmp;
    private final LruIndex index;
    private final CacheCounters counters;
    private final Duration stallTimeout;
    private final Semaphore fillSlots;
    private final ExecutorService fillThreads;
    private final ConcurrentHashMap<Digest, BlobFill> fills = new ConcurrentHashMap<>();
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final CacheVerify verify;
    private final Clock clock;
    private final EntryStamps stamps;

    private BlobCache(Path directory, long maxBytes, int maxFills, Duration stallTimeout, CacheCounters counters,
            FileChannel lockChannel, FileLock lock, CacheVerify verify, Clock clock) {
        this.directory = directory;
        this.blobs = directory.resolve("blobs");
        this.tmp = directory.resolve("tmp");
        this.index = new LruIndex(maxBytes);
        this.counters = counters;
        this.stallTimeout = stallTimeout;
        this.fillSlots = new Semaphore(maxFills);
        this.fillThreads = Executors.newFixedThreadPool(maxFills, r -> {
            Thread t = new Thread(r, "ipfs-blob-cache-fill");
            t.setDaemon(true);
            return t;
        });
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.verify = verify;
        this.clock = clock;
        this.stamps = new EntryStamps(clock, directory);
    }

    /**
     * Opens (creating) the cache in {@code directory}: takes its lock, deletes partial files left
     * by a crash, and indexes the entries there.
     *
     * @param directory the cache directory, used by this process alone
     * @param maxBytes the bound on the bytes stored
     * @param maxFills how many blobs may be filled at once; more requests are served uncached
     * @param stallTimeout how long a reader waits for a fill that makes no progress
     * @param counters where to count
     * @return the cache
     * @throws IOException when the directory cannot be used, or another process uses it
     */
    public static BlobCache open(Path directory, long maxBytes, int maxFills, Duration stallTimeout,
            CacheCounters counters) throws IOException {
        return open(directory, maxBytes, maxFills, stallTimeout, counters, CacheVerify.CHANGED, Clock.systemUTC());
    }

    /**
     * Opens (creating) the cache in {@code directory}, as {@link #open(Path, long, int, Duration,
     * CacheCounters)} does.
     *
     * @param directory the cache directory, used by this process alone
     * @param maxBytes the bound on the bytes stored
     * @param maxFills how many blobs may be filled at once; more requests are served uncached
     * @param stallTimeout how long a reader waits for a fill that makes no progress
     * @param counters where to count
     * @param verify when whole blobs read from the cache are hashed again
     * @param clock the wall clock (file times are compared with it)
     * @return the cache
     * @throws IOException when the directory cannot be used, or another process uses it
     */
    public static BlobCache open(Path directory, long maxBytes, int maxFills, Duration stallTimeout,
            CacheCounters counters, CacheVerify verify, Clock clock) throws IOException {
        Files.createDirectories(directory.resolve("tmp"));
        Files.createDirectories(directory.resolve("blobs"));
        FileChannel channel = FileChannel.open(directory.resolve("lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new IOException("the blob cache directory " + directory + " is in use by another registry; "
                    + "give each registry its own cachedirectory");
        }
        BlobCache cache = new BlobCache(directory, maxBytes, maxFills, stallTimeout, counters, channel, lock, verify,
                clock);
        try {
            CacheDirectory.deletePartials(cache.tmp);
            for (CacheDirectory.Found found : CacheDirectory.scan(cache.blobs)) {
                cache.evict(cache.index.add(found.digest(), found.size()));
            }
        } catch (IOException | RuntimeException e) {
            cache.close();
            throw e;
        }
        LOG.info("blob cache at {}: {} blobs, {} of {}", directory, cache.index.size(),
                ByteSize.format(cache.index.usedBytes()), ByteSize.format(maxBytes));
        return cache;
    }

    /**
     * Opens a blob or a range of it: from the cache when it holds it, else from {@code source}
     * (once for all concurrent readers of the whole blob, filling the cache).
     *
     * @param digest the blob's digest
     * @param size its size
     * @param range the range, or {@code null} for the whole blob
     * @param source reads it from IPFS
     * @param where the blob's IPFS path, for messages
     * @return a stream that fails rather than yield a whole blob that does not match its digest
     */
    public InputStream open(Digest digest, long size, ByteRange range, BlobSource source, String where)
            throws IOException {
        InputStream cached = openCached(digest, size, range);
        if (cached != null) {
            return cached;
        }
        if (range != null) {
            return bypass(source, range.first(), range.length(), null, where);
        }
        InputStream joined = join(digest);
        return joined != null ? joined : startFill(digest, size, source, where);
    }

    /** @return a reader of the fill of {@code digest} in progress, or {@code null} */
    private InputStream join(Digest digest) throws IOException {
        BlobFill running = fills.get(digest);
        if (running != null) {
            InputStream joined = running.newReader();
            if (joined != null) {
                counters.blobJoins.increment();
                return joined;
            }
        }
        return null;
    }

    private InputStream startFill(Digest digest, long size, BlobSource source, String where) throws IOException {
        if (!fillSlots.tryAcquire()) {
            // many requests may get here for one blob whose fill ended between their two looks (the
            // slots held while they find that out): look again before reading it from IPFS once more
            InputStream again = openCached(digest, size, null);
            again = again != null ? again : join(digest);
            return again != null ? again : bypass(source, 0, size, digest, where);
        }
        Optional<List<Digest>> room = index.reserve(size);
        if (room.isEmpty()) {
            fillSlots.release();
            return bypass(source, 0, size, digest, where);
        }
        evict(room.get());
        BlobFill fill;
        try {
            fill = new BlobFill(digest, size, Files.createTempFile(tmp, digest.encoded() + "-", ".part"), stallTimeout);
        } catch (IOException e) {
            releaseSlot(size);
            throw e;
        }
        BlobFill other = fills.putIfAbsent(digest, fill);
        InputStream instead = other != null ? other.newReader() : openCached(digest, size, null);
        if (instead != null || other != null) {
            // lost a race: another fill started, or one just finished
            abandon(fill, null);
            if (instead != null) {
                if (other != null) {
                    counters.blobJoins.increment();
                }
                return instead;
            }
            return bypass(source, 0, size, digest, where);
        }
        InputStream from;
        try {
            counters.blobReadsFromIpfs.increment();
            from = source.open(0, size);
        } catch (IOException | RuntimeException e) {
            abandon(fill, e instanceof IOException io ? io : new IOException(e));
            throw e;
        }
        FillReader reader = fill.newReader();
        counters.blobMisses.increment();
        fillThreads.execute(() -> copy(fill, from, where));
        return reader;
    }

    private void copy(BlobFill fill, InputStream from, String where) {
        Path entry = entryPath(fill.digest());
        try (InputStream in = VerifyingInputStream.ofDigest(from, fill.size(), fill.digest(), where);
                FileChannel out = FileChannel.open(fill.temp(), StandardOpenOption.WRITE)) {
            byte[] buffer = new byte[FILL_BUFFER];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, n);
                while (bytes.hasRemaining()) {
                    out.write(bytes);
                }
                fill.advance(n);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("caching {} from {} failed: {}", fill.digest(), where, e.toString());
            abandon(fill, e instanceof IOException io ? io : new IOException(e));
            return;
        }
        try {
            Files.createDirectories(entry.getParent());
            Files.move(fill.temp(), entry, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            LOG.warn("cannot store {} in the blob cache: {}", fill.digest(), e.toString());
            abandon(fill, e);
            return;
        }
        try {
            stamps.verified(fill.digest(), stamps.take(entry));
        } catch (IOException e) {
            LOG.debug("cannot read the attributes of {}: {}", entry, e.toString());
        }
        index.commit(fill.digest(), fill.size());
        fill.complete(entry);
        fills.remove(fill.digest(), fill);
        fillSlots.release();
    }

    /** Ends a fill that will not become an entry: its readers fail, its room and slot are given back. */
    private void abandon(BlobFill fill, IOException cause) {
        fill.fail(cause == null ? new IOException("superseded") : cause);
        fills.remove(fill.digest(), fill);
        try {
            Files.deleteIfExists(fill.temp());
        } catch (IOException e) {
            LOG.warn("cannot delete {}: {}", fill.temp(), e.toString());
        }
        releaseSlot(fill.size());
    }

    private void releaseSlot(long reserved) {
        index.release(reserved);
        fillSlots.release();
    }

    private InputStream bypass(BlobSource source, long offset, long length, Digest digest, String where)
            throws IOException {
        counters.blobBypasses.increment();
        counters.blobReadsFromIpfs.increment();
        InputStream in = source.open(offset, length);
        return digest == null ? VerifyingInputStream.ofLength(in, length, where)
                : VerifyingInputStream.ofDigest(in, length, digest, where);
    }

    /** @return a stream of the cached entry, or {@code null} when the cache does not hold it intact */
    private InputStream openCached(Digest digest, long size, ByteRange range) throws IOException {
        OptionalLong cachedSize = index.touch(digest);
        if (cachedSize.isEmpty()) {
            return null;
        }
        Path file = entryPath(digest);
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            index.remove(digest);
            return null;
        }
        long onDisk = channel.size();
        if (cachedSize.getAsLong() != size || onDisk != size) {
            channel.close();
            invalidate(digest, "has " + onDisk + " bytes on disk, the blob has " + size);
            return null;
        }
        counters.blobHits.increment();
        String source = "cached blob " + file;
        if (range != null) {
            touch(file, null);
            return new FileRangeStream(channel, range.first(), range.length(), source);
        }
        EntryStamps.Stamp stamp;
        try {
            stamp = touch(file, stamps.take(file));
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        InputStream whole = new FileRangeStream(channel, 0, size, source);
        if (verify == CacheVerify.CHANGED && stamps.unchanged(digest, stamp)) {
            return whole;
        }
        counters.blobVerifications.increment();
        VerifyingInputStream verified = VerifyingInputStream.ofDigest(whole, size, digest, source);
        return new FilterInputStream(verified) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n;
                try {
                    n = super.read(b, off, len);
                } catch (ContentMismatchException e) {
                    invalidate(digest, e.getMessage());
                    throw e;
                }
                if (verified.isVerified() && stamp != null) {
                    stamps.verified(digest, stamp);
                }
                return n;
            }
        };
    }

    /**
     * Records a use of an entry in its modification time (the order of eviction after a restart),
     * at most every {@link #TOUCH_INTERVAL}, as doing so moves the change time its stamp checks.
     *
     * @return the entry's stamp after the touch
     */
    private EntryStamps.Stamp touch(Path file, EntryStamps.Stamp stamp) throws IOException {
        try {
            FileTime modified = stamp != null ? stamp.modified() : Files.getLastModifiedTime(file);
            if (modified.toMillis() < clock.millis() - TOUCH_INTERVAL.toMillis()) {
                Files.setLastModifiedTime(file, FileTime.fromMillis(clock.millis()));
                return stamp == null ? null : stamps.take(file);
            }
        } catch (IOException e) {
            LOG.debug("cannot record the access to {}: {}", file, e.toString());
        }
        return stamp;
    }

    private void invalidate(Digest digest, String why) {
        LOG.error("Integrity failure in the blob cache: {} {}; deleted, it will be fetched again", digest, why);
        counters.blobCorruptions.increment();
        index.remove(digest);
        deleteEntry(digest);
    }

    private void evict(List<Digest> digests) {
        for (Digest d : digests) {
            counters.blobEvictions.increment();
            deleteEntry(d);
        }
    }

    private void deleteEntry(Digest digest) {
        stamps.forget(digest);
        try {
            Files.deleteIfExists(entryPath(digest));
        } catch (IOException e) {
            LOG.warn("cannot delete cached blob {}: {}", digest, e.toString());
        }
    }

    /** @return the file of an entry */
    Path entryPath(Digest digest) {
        return blobs.resolve(digest.algorithm()).resolve(digest.encoded());
    }

    /** @return the bytes of entries and fills in progress */
    public long usedBytes() {
        return index.usedBytes();
    }

    /** @return the number of entries */
    public int entryCount() {
        return index.size();
    }

    /** @return the number of blobs being filled now */
    public int fillsInProgress() {
        return fills.size();
    }

    /** @return the cache directory */
    public Path directory() {
        return directory;
    }

    /** Stops fills in progress (their temp files are deleted at the next start) and releases the directory. */
    @Override
    public void close() {
        fillThreads.shutdownNow();
        fills.values().forEach(f -> f.fail(new IOException("the registry is shutting down")));
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            LOG.warn("cannot release the lock of {}: {}", directory, e.toString());
        }
    }

    @Override
    public String toString() {
        return "blob cache at " + directory;
    }
}
