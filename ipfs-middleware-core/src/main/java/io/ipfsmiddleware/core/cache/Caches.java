package io.ipfsmiddleware.core.cache;

import com.github.benmanes.caffeine.cache.Ticker;
import io.ipfsmiddleware.core.node.IpfsNode;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/** The caches one middleware shares among all its repositories, and their counters. */
public final class Caches implements AutoCloseable {
    private final CacheCounters counters;
    private final MetadataCache metadata;
    private final BlobCache blobs;

    private Caches(CacheCounters counters, MetadataCache metadata, BlobCache blobs) {
        this.counters = counters;
        this.metadata = metadata;
        this.blobs = blobs;
    }

    /**
     * @param settings the bounds and the disk cache's directory
     * @param stallTimeout how long a reader waits for a fill that makes no progress (the node deadline)
     * @return the caches, the disk cache opened when configured
     * @throws IOException when the disk cache directory cannot be used
     */
    public static Caches create(CacheSettings settings, Duration stallTimeout) throws IOException {
        CacheCounters counters = new CacheCounters();
        MetadataCache metadata = new MetadataCache(settings.metadataBytes(), settings.ipnsTtl(), Ticker.systemTicker());
        BlobCache blobs = null;
        if (settings.directory().isPresent()) {
            blobs = BlobCache.open(settings.directory().get(), settings.maxBytes(), settings.maxFills(), stallTimeout,
                    counters, settings.verify(), java.time.Clock.systemUTC());
        }
        return new Caches(counters, metadata, blobs);
    }

    /** @return {@code node}, counted in {@link #stats()} */
    public IpfsNode counting(IpfsNode node) {
        return new CountingIpfsNode(node, counters);
    }

    /** @return the metadata cache */
    public MetadataCache metadata() {
        return metadata;
    }

    /** @return the disk blob cache, when configured */
    public Optional<BlobCache> blobs() {
        return Optional.ofNullable(blobs);
    }

    /** @return the counts so far */
    public CacheStats stats() {
        return counters.snapshot(blobs, metadata);
    }

    /** Counts a blob read straight from IPFS when there is no disk cache. */
    public void countUncachedRead() {
        counters.blobBypasses.increment();
        counters.blobReadsFromIpfs.increment();
    }

    @Override
    public void close() {
        if (blobs != null) {
            blobs.close();
        }
    }
}
