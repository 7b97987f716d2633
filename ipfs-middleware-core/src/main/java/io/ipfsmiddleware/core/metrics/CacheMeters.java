package io.ipfsmiddleware.core.metrics;

import io.ipfsmiddleware.core.cache.CacheStats;
import io.ipfsmiddleware.core.cache.Caches;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Exposes the caches' counters as meters, read from {@link Caches#stats()} when a registry
 * scrapes: {@code ipfs.cache.blob.requests} by {@code result} (hit, miss, join, bypass),
 * {@code ipfs.cache.metadata.requests} by {@code result} (hit, miss), {@code ipfs.cache.blob.evictions},
 * {@code ipfs.cache.blob.corruptions}, and the gauges {@code ipfs.cache.blob.size} (bytes) and
 * {@code ipfs.cache.blob.entries}.
 */
public final class CacheMeters implements AutoCloseable {
    private final MeterRegistry registry;
    private final List<Meter> meters = new ArrayList<>();

    private CacheMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * @param caches the caches to read
     * @param registry where the meters go
     * @return the binding; closing it removes the meters (a later middleware then binds its own)
     */
    public static CacheMeters bind(Caches caches, MeterRegistry registry) {
        CacheMeters bound = new CacheMeters(registry);
        bound.register(caches);
        return bound;
    }

    private void register(Caches caches) {
        counter(registry, "ipfs.cache.blob.requests", "result", "hit", caches, CacheStats::blobHits);
        counter(registry, "ipfs.cache.blob.requests", "result", "miss", caches, CacheStats::blobMisses);
        counter(registry, "ipfs.cache.blob.requests", "result", "join", caches, CacheStats::blobJoins);
        counter(registry, "ipfs.cache.blob.requests", "result", "bypass", caches, CacheStats::blobBypasses);
        counter(registry, "ipfs.cache.metadata.requests", "result", "hit", caches, CacheStats::metadataHits);
        counter(registry, "ipfs.cache.metadata.requests", "result", "miss", caches, CacheStats::metadataMisses);
        counter(registry, "ipfs.cache.blob.evictions", null, null, caches, CacheStats::blobEvictions);
        counter(registry, "ipfs.cache.blob.corruptions", null, null, caches, CacheStats::blobCorruptions);
        meters.add(Gauge.builder("ipfs.cache.blob.size", caches, c -> c.stats().blobCacheBytes()).baseUnit("bytes")
                .description("Bytes held by the disk blob cache").register(registry));
        meters.add(Gauge.builder("ipfs.cache.blob.entries", caches, c -> c.stats().blobCacheEntries())
                .description("Blobs held by the disk blob cache").register(registry));
    }

    @Override
    public void close() {
        meters.forEach(registry::remove);
    }

    private interface Stat {
        long of(CacheStats stats);
    }

    private void counter(MeterRegistry registry, String name, String tag, String value, Caches caches, Stat stat) {
        ToDoubleFunction<Caches> read = c -> stat.of(c.stats());
        FunctionCounter.Builder<Caches> builder = FunctionCounter.builder(name, caches, read);
        if (tag != null) {
            builder.tag(tag, value);
        }
        meters.add(builder.register(registry));
    }
}
