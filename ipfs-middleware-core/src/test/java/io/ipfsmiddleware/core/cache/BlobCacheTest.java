package io.ipfsmiddleware.core.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipfsmiddleware.api.model.ByteRange;
import io.ipfsmiddleware.api.model.Digest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The disk cache's own logic, with an in-memory {@link BlobSource} (our seam) standing for the
 * node; the same behaviour against real kubo is in the examples' BlobCacheIT.
 */
class BlobCacheTest {
    @TempDir
    Path dir;
    final CacheCounters counters = new CacheCounters();
    final List<BlobCache> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(BlobCache::close);
    }

    BlobCache cache(long maxBytes) throws IOException {
        BlobCache cache = BlobCache.open(dir, maxBytes, 4, Duration.ofSeconds(10), counters);
        opened.add(cache);
        return cache;
    }

    static byte[] bytes(int size, int seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    static Digest digest(byte[] b) throws Exception {
        return Digest.sha256(MessageDigest.getInstance("SHA-256").digest(b));
    }

    /** Serves {@code content}, counting opens; optionally holds the first read until released. */
    static final class Source implements BlobSource {
        final byte[] content;
        final AtomicInteger opens = new AtomicInteger();
        final CountDownLatch gate;

        Source(byte[] content, CountDownLatch gate) {
            this.content = content;
            this.gate = gate;
        }

        @Override
        public InputStream open(long offset, long length) {
            opens.incrementAndGet();
            InputStream in = new ByteArrayInputStream(content, (int) offset, (int) length);
            return new InputStream() {
                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    try {
                        if (gate != null && !gate.await(10, TimeUnit.SECONDS)) {
                            throw new IOException("gate not opened");
                        }
                    } catch (InterruptedException e) {
                        throw new IOException(e);
                    }
                    return in.read(b, off, Math.min(len, 8192));
                }
            };
        }
    }

    static byte[] readAll(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    @Test
    void aMissFillsTheCacheAndTheNextReadIsAHitWithoutTheSource() throws Exception {
        BlobCache cache = cache(1 << 20);
        byte[] blob = bytes(300_000, 1);
        Digest d = digest(blob);
        Source source = new Source(blob, null);
        assertArrayEquals(blob, readAll(cache.open(d, blob.length, null, source, "test")));
        awaitEntry(cache, d);
        assertArrayEquals(blob, readAll(cache.open(d, blob.length, null, source, "test")));
        byte[] range = readAll(cache.open(d, blob.length, new ByteRange(10, 19), source, "test"));
        assertArrayEquals(java.util.Arrays.copyOfRange(blob, 10, 20), range);
        assertEquals(1, source.opens.get());
        assertArrayEquals(blob, Files.readAllBytes(cache.entryPath(d)));
        assertEquals(1, counters.blobMisses.sum());
        assertEquals(2, counters.blobHits.sum());
    }

    @Test
    void concurrentReadersOfAColdBlobOpenTheSourceOnce() throws Exception {
        BlobCache cache = cache(1 << 20);
        byte[] blob = bytes(500_000, 2);
        Digest d = digest(blob);
        CountDownLatch gate = new CountDownLatch(1);
        Source source = new Source(blob, gate);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<InputStream> streams = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                streams.add(cache.open(d, blob.length, null, source, "test"));
            }
            gate.countDown();
            List<Future<byte[]>> reads = new ArrayList<>();
            streams.forEach(s -> reads.add(pool.submit(() -> readAll(s))));
            for (Future<byte[]> r : reads) {
                assertArrayEquals(blob, r.get(10, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, source.opens.get());
        assertEquals(19, counters.blobJoins.sum());
    }

    @Test
    void contentThatDoesNotMatchItsDigestIsNeverDeliveredWholeNorCached() throws Exception {
        BlobCache cache = cache(1 << 20);
        byte[] blob = bytes(200_000, 3);
        Digest d = digest(blob);
        byte[] tampered = blob.clone();
        tampered[tampered.length - 1] ^= 1;
        Source source = new Source(tampered, null);
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        InputStream in = cache.open(d, blob.length, null, source, "test");
        assertThrows(IOException.class, () -> in.transferTo(got));
        assertTrue(got.size() < blob.length, "got " + got.size());
        awaitNoFill(cache);
        assertEquals(0, cache.entryCount());
        assertEquals(0, cache.usedBytes());
        assertFalse(Files.exists(cache.entryPath(d)));
        try (Stream<Path> tmp = Files.list(dir.resolve("tmp"))) {
            assertEquals(0, tmp.count());
        }
    }

    @Test
    void aCachedFileDamagedOnDiskIsDetectedDeletedAndFetchedAgain() throws Exception {
        BlobCache cache = cache(1 << 20);
        byte[] blob = bytes(100_000, 4);
        Source source = new Source(blob, null);
        Digest d = fillEntry(cache, blob, source);
        byte[] damaged = blob.clone();
        damaged[50_000] ^= 0x40;
        Files.write(cache.entryPath(d), damaged);

        ByteArrayOutputStream got = new ByteArrayOutputStream();
        InputStream in = cache.open(d, blob.length, null, source, "test");
        assertThrows(IOException.class, () -> in.transferTo(got));
        assertTrue(got.size() < blob.length, "the damaged entry must not be delivered whole");
        assertEquals(1, counters.blobCorruptions.sum());
        assertFalse(Files.exists(cache.entryPath(d)));

        assertArrayEquals(blob, readAll(cache.open(d, blob.length, null, source, "test")));
        assertEquals(2, source.opens.get());
    }

    /** A cache whose clock runs a minute ahead: every stamp is old enough to be trusted. */
    BlobCache cacheLater(CacheVerify verify) throws IOException {
        java.time.Clock later = java.time.Clock.offset(java.time.Clock.systemUTC(), Duration.ofMinutes(1));
        BlobCache cache = BlobCache.open(dir, 1 << 20, 4, Duration.ofSeconds(10), counters, verify, later);
        opened.add(cache);
        return cache;
    }

    @Test
    void anEntryUnchangedOnDiskIsNotHashedAgainByDefault() throws Exception {
        BlobCache cache = cacheLater(CacheVerify.CHANGED);
        byte[] blob = bytes(100_000, 7);
        Source source = new Source(blob, null);
        Digest d = fillEntry(cache, blob, source);
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(blob, readAll(cache.open(d, blob.length, null, source, "test")));
        }
        assertEquals(0, counters.blobVerifications.sum());
        assertEquals(3, counters.blobHits.sum());
    }

    @Test
    void inAlwaysModeEveryWholeReadIsHashed() throws Exception {
        BlobCache cache = cacheLater(CacheVerify.ALWAYS);
        byte[] blob = bytes(100_000, 8);
        Source source = new Source(blob, null);
        Digest d = fillEntry(cache, blob, source);
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(blob, readAll(cache.open(d, blob.length, null, source, "test")));
        }
        assertEquals(3, counters.blobVerifications.sum());
    }

    @Test
    void aTrustedEntryOverwrittenWithTheSameSizeIsDetectedDeletedAndFetchedAgain() throws Exception {
        BlobCache cache = cacheLater(CacheVerify.CHANGED);
        byte[] blob = bytes(100_000, 9);
        Source source = new Source(blob, null);
        Digest d = fillEntry(cache, blob, source);
        assertArrayEquals(blob, readAll(cache.open(d, blob.length, null, source, "test")));
        assertEquals(0, counters.blobVerifications.sum(), "trusted before the damage");
        Thread.sleep(30); // past the file system's timestamp tick (a few ms on Linux)
        byte[] damaged = blob.clone();
        damaged[70_000] ^= 0x01;
        Files.write(cache.entryPath(d), damaged);

        ByteArrayOutputStream got = new ByteArrayOutputStream();
        InputStream in = cache.open(d, blob.length, null, source, "test");
        assertThrows(IOException.class, () -> in.transferTo(got));
        assertTrue(got.size() < blob.length, "the damaged entry must not be delivered whole");
        assertEquals(1, counters.blobCorruptions.sum());
        assertArrayEquals(blob, readAll(cache.open(d, blob.length, null, source, "test")));
        assertEquals(2, source.opens.get());
    }

    @Test
    void aTruncatedCachedFileIsRefetchedAtOnce() throws Exception {
        BlobCache cache = cache(1 << 20);
        byte[] blob = bytes(100_000, 5);
        Source source = new Source(blob, null);
        Digest d = fillEntry(cache, blob, source);
        Files.write(cache.entryPath(d), java.util.Arrays.copyOf(blob, 1000));
        assertArrayEquals(blob, readAll(cache.open(d, blob.length, null, source, "test")));
        assertEquals(2, source.opens.get());
    }

    @Test
    void theFillFinishesWhenItsClientGoesAway() throws Exception {
        BlobCache cache = cache(1 << 20);
        byte[] blob = bytes(400_000, 6);
        Digest d = digest(blob);
        Source source = new Source(blob, null);
        InputStream in = cache.open(d, blob.length, null, source, "test");
        in.read(new byte[100]);
        in.close();
        awaitEntry(cache, d);
        assertArrayEquals(blob, Files.readAllBytes(cache.entryPath(d)));
    }

    @Test
    void evictionKeepsTheBoundAndDeletesTheLeastRecentlyUsed() throws Exception {
        BlobCache cache = cache(250_000);
        List<Digest> digests = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            byte[] blob = bytes(100_000, 10 + i);
            Digest d = digest(blob);
            digests.add(d);
            readAll(cache.open(d, blob.length, null, new Source(blob, null), "test"));
            awaitEntry(cache, d);
            assertTrue(cache.usedBytes() <= 250_000);
            assertTrue(directoryBytes() <= 250_000, "on disk: " + directoryBytes());
        }
        assertEquals(2, cache.entryCount());
        assertFalse(Files.exists(cache.entryPath(digests.get(2))));
        assertTrue(Files.exists(cache.entryPath(digests.get(4))));
        assertEquals(3, counters.blobEvictions.sum());
    }

    @Test
    void aBlobLargerThanTheCacheIsStreamedUncached() throws Exception {
        BlobCache cache = cache(1000);
        byte[] blob = bytes(5000, 20);
        Digest d = digest(blob);
        assertArrayEquals(blob, readAll(cache.open(d, blob.length, null, new Source(blob, null), "test")));
        assertEquals(0, cache.entryCount());
        assertEquals(1, counters.blobBypasses.sum());
    }

    @Test
    void aRestartKeepsEntriesInAccessOrderAndDropsPartialFiles() throws Exception {
        BlobCache first = cache(250_000);
        byte[] a = bytes(100_000, 30);
        byte[] b = bytes(100_000, 31);
        Digest da = digest(a);
        Digest db = digest(b);
        readAll(first.open(da, a.length, null, new Source(a, null), "test"));
        readAll(first.open(db, b.length, null, new Source(b, null), "test"));
        awaitEntry(first, da);
        awaitEntry(first, db);
        Files.setLastModifiedTime(first.entryPath(da), FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        Files.write(dir.resolve("tmp").resolve(digest(bytes(10, 1)).encoded() + "-1.part"), bytes(10, 1));
        first.close();
        opened.remove(first);

        BlobCache second = cache(250_000);
        assertEquals(2, second.entryCount());
        try (Stream<Path> tmp = Files.list(dir.resolve("tmp"))) {
            assertEquals(0, tmp.count(), "the partial file is deleted");
        }
        byte[] c = bytes(100_000, 32);
        readAll(second.open(digest(c), c.length, null, new Source(c, null), "test"));
        awaitEntry(second, digest(c));
        assertFalse(Files.exists(second.entryPath(db)), "b was used least recently");
        assertTrue(Files.exists(second.entryPath(da)));
        Source none = new Source(a, null);
        assertArrayEquals(a, readAll(second.open(da, a.length, null, none, "test")));
        assertEquals(0, none.opens.get());
    }

    @Test
    void aSecondRegistryCannotShareTheDirectory() throws Exception {
        cache(1000);
        IOException e = assertThrows(IOException.class, () -> BlobCache.open(dir, 1000, 1, Duration.ofSeconds(1),
                counters));
        assertTrue(e.getMessage().contains("in use by another registry"), e.getMessage());
    }

    @Test
    void aRangeOfAnUncachedBlobReadsOnlyThatRange() throws Exception {
        BlobCache cache = cache(1 << 20);
        byte[] blob = bytes(10_000, 40);
        Digest d = digest(blob);
        AtomicInteger asked = new AtomicInteger();
        BlobSource source = (offset, length) -> {
            asked.set((int) length);
            return new ByteArrayInputStream(blob, (int) offset, (int) length);
        };
        byte[] got = readAll(cache.open(d, blob.length, new ByteRange(100, 199), source, "test"));
        assertArrayEquals(java.util.Arrays.copyOfRange(blob, 100, 200), got);
        assertEquals(100, asked.get());
        assertEquals(0, cache.entryCount());
    }

    private long directoryBytes() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    /** Reads {@code blob} once through the cache and waits until its entry is on disk. */
    private static Digest fillEntry(BlobCache cache, byte[] blob, Source source) throws Exception {
        Digest d = digest(blob);
        readAll(cache.open(d, blob.length, null, source, "test"));
        awaitEntry(cache, d);
        return d;
    }

    static void awaitEntry(BlobCache cache, Digest d) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!Files.exists(cache.entryPath(d)) || cache.fillsInProgress() > 0) {
            assertTrue(System.nanoTime() < deadline, "no cache entry for " + d);
            Thread.sleep(5);
        }
    }

    static void awaitNoFill(BlobCache cache) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (cache.fillsInProgress() > 0) {
            assertTrue(System.nanoTime() < deadline, "fill did not end");
            Thread.sleep(5);
        }
    }
}
