package io.ipfsmiddleware.core.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import io.ipfsmiddleware.api.error.RegistryException;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;

/**
 * Keeps what was read and checked about layouts, bounded by an estimate of the bytes held:
 * parsed {@code index.json} files, verified manifests and blob sizes. Content under
 * {@code /ipfs/} never changes, so those entries stay until evicted for room; entries of an
 * {@code /ipns/} path expire after a time to live, since the name may move. Failures are not
 * cached. Concurrent look-ups of one key load it once.
 */
public final class MetadataCache {
    private static final int ENTRY_OVERHEAD = 128;

    private final Cache<Key, Sized<?>> cache;

    /**
     * @param maxBytes the bound on the bytes held (an estimate: document sizes plus an overhead per entry)
     * @param ipnsTtl how long entries of {@code /ipns/} paths are kept
     * @param ticker the clock, for tests
     */
    public MetadataCache(long maxBytes, Duration ipnsTtl, Ticker ticker) {
        long ttlNanos = ipnsTtl.toNanos();
        this.cache = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((Key k, Sized<?> v) -> (int) Math.min(Integer.MAX_VALUE, (long) v.bytes() + ENTRY_OVERHEAD))
                .expireAfter(new PathExpiry(ttlNanos))
                .ticker(ticker)
                .recordStats()
                .build();
    }

    /**
     * A key: what is cached ({@code index}, {@code manifest}, {@code size}) about which path.
     *
     * @param kind what is cached
     * @param path the IPFS path it was read from
     */
    public record Key(String kind, String path) {
        /** Validates. */
        public Key {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(path, "path");
        }
    }

    /**
     * A value and its weight.
     *
     * @param value the value
     * @param bytes roughly how many bytes it holds
     * @param <T> its type
     */
    public record Sized<T>(T value, int bytes) {
    }

    /** Loads a value that is not cached. */
    @FunctionalInterface
    public interface Loader<T> {
        /** @return the value and its size */
        Sized<T> load() throws RegistryException, IOException;
    }

    /**
     * @param key what to look up
     * @param loader reads it when absent (once, however many callers wait for it)
     * @return the cached or loaded value
     */
    @SuppressWarnings("unchecked")
    public <T> T get(Key key, Loader<T> loader) throws RegistryException, IOException {
        try {
            return (T) cache.get(key, k -> {
                try {
                    return loader.load();
                } catch (RegistryException | IOException e) {
                    throw new LoadFailure(e);
                }
            }).value();
        } catch (LoadFailure f) {
            if (f.getCause() instanceof RegistryException r) {
                throw r;
            }
            throw (IOException) f.getCause();
        }
    }

    long hits() {
        return cache.stats().hitCount();
    }

    long misses() {
        return cache.stats().missCount();
    }

    /** Runs pending maintenance (eviction) now; Caffeine otherwise does it as it goes. */
    public void cleanUp() {
        cache.cleanUp();
    }

    /** @return the number of entries (approximate, as Caffeine counts) */
    public long size() {
        return cache.estimatedSize();
    }

    /** Immutable content never expires; an IPNS name's content is kept for a TTL. */
    private record PathExpiry(long ipnsTtlNanos) implements Expiry<Key, Sized<?>> {
        @Override
        public long expireAfterCreate(Key key, Sized<?> value, long currentTime) {
            return key.path().startsWith("/ipns/") ? ipnsTtlNanos : Long.MAX_VALUE;
        }

        @Override
        public long expireAfterUpdate(Key key, Sized<?> value, long currentTime, long currentDuration) {
            return expireAfterCreate(key, value, currentTime);
        }

        @Override
        public long expireAfterRead(Key key, Sized<?> value, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }

    /** Carries a checked failure out of Caffeine's mapping function. */
    private static final class LoadFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LoadFailure(Exception cause) {
            super(cause);
        }
    }
}
