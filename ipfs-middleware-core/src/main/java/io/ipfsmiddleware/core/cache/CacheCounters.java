package io.ipfsmiddleware.core.cache;

import java.util.concurrent.atomic.LongAdder;

/** The thread-safe counters behind {@link CacheStats}. */
public final class CacheCounters {
    final LongAdder nodeCalls = new LongAdder();
    final LongAdder nodeCats = new LongAdder();
    final LongAdder blobReadsFromIpfs = new LongAdder();
    final LongAdder blobHits = new LongAdder();
    final LongAdder blobMisses = new LongAdder();
    final LongAdder blobJoins = new LongAdder();
    final LongAdder blobBypasses = new LongAdder();
    final LongAdder blobEvictions = new LongAdder();
    final LongAdder blobCorruptions = new LongAdder();
    final LongAdder blobVerifications = new LongAdder();

    /**
     * @param blobCache the disk cache for its size, or {@code null}
     * @param metadata the metadata cache for its hit counts
     * @return the counts now
     */
    CacheStats snapshot(BlobCache blobCache, MetadataCache metadata) {
        long bytes = blobCache == null ? 0 : blobCache.usedBytes();
        long entries = blobCache == null ? 0 : blobCache.entryCount();
        return new CacheStats(nodeCalls.sum(), nodeCats.sum(), blobReadsFromIpfs.sum(), blobHits.sum(),
                blobMisses.sum(), blobJoins.sum(), blobBypasses.sum(), blobEvictions.sum(), blobCorruptions.sum(),
                blobVerifications.sum(), bytes, entries, metadata.hits(), metadata.misses());
    }
}
