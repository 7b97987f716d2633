package io.ipfsmiddleware.core.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.benmanes.caffeine.cache.Ticker;
import io.ipfsmiddleware.api.error.ErrorCode;
import io.ipfsmiddleware.api.error.RegistryException;
import io.ipfsmiddleware.core.node.IpfsUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MetadataCacheTest {
    final AtomicLong nanos = new AtomicLong();
    final Ticker ticker = nanos::get;
    final MetadataCache cache = new MetadataCache(1 << 20, Duration.ofSeconds(30), ticker);

    @Test
    void immutableContentIsLoadedOnceAndKept() throws Exception {
        AtomicInteger loads = new AtomicInteger();
        MetadataCache.Key key = new MetadataCache.Key("index", "/ipfs/bafy/alpine");
        Object value = new Object();
        for (int i = 0; i < 3; i++) {
            assertSame(value, cache.get(key, () -> {
                loads.incrementAndGet();
                return new MetadataCache.Sized<>(value, 10);
            }));
            nanos.addAndGet(TimeUnit.DAYS.toNanos(365));
        }
        assertEquals(1, loads.get());
        assertEquals(2, cache.hits());
    }

    @Test
    void ipnsEntriesExpireAfterTheirTimeToLive() throws Exception {
        AtomicInteger loads = new AtomicInteger();
        MetadataCache.Key key = new MetadataCache.Key("index", "/ipns/k51abc/alpine");
        MetadataCache.Loader<Integer> loader = () -> new MetadataCache.Sized<>(loads.incrementAndGet(), 10);
        assertEquals(1, cache.get(key, loader));
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(29));
        assertEquals(1, cache.get(key, loader));
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(2));
        assertEquals(2, cache.get(key, loader));
    }

    @Test
    void failuresAreRethrownAsTheyCameAndNotCached() throws Exception {
        MetadataCache.Key key = new MetadataCache.Key("size", "/ipfs/bafy/alpine/blobs/sha256/00");
        assertThrows(IpfsUnavailableException.class, () -> cache.get(key, () -> {
            throw new IpfsUnavailableException("node down");
        }));
        RegistryException e = assertThrows(RegistryException.class, () -> cache.get(key, () -> {
            throw new RegistryException(ErrorCode.BLOB_UNKNOWN, "a directory", null);
        }));
        assertEquals(ErrorCode.BLOB_UNKNOWN, e.code());
        assertEquals("ok", cache.get(key, () -> new MetadataCache.Sized<>("ok", 2)));
    }

    @Test
    void concurrentLookUpsOfOneKeyLoadItOnce() throws Exception {
        AtomicInteger loads = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        MetadataCache.Key key = new MetadataCache.Key("manifest", "/ipfs/bafy/x");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return cache.get(key, () -> {
                        loads.incrementAndGet();
                        try {
                            Thread.sleep(100); // long enough for the other threads to ask meanwhile
                        } catch (InterruptedException e) {
                            throw new java.io.InterruptedIOException();
                        }
                        return new MetadataCache.Sized<>("m", 1);
                    });
                }));
            }
            start.countDown();
            for (Future<String> r : results) {
                assertEquals("m", r.get(10, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, loads.get());
    }

    @Test
    void theByteBoundEvicts() throws Exception {
        MetadataCache small = new MetadataCache(10_000, Duration.ofSeconds(1), Ticker.systemTicker());
        for (int i = 0; i < 100; i++) {
            small.get(new MetadataCache.Key("manifest", "/ipfs/bafy/" + i), () -> new MetadataCache.Sized<>(
                    new byte[1000], 1000));
        }
        small.cleanUp();
        assertTrue(small.size() <= 10, "entries: " + small.size());
    }
}
