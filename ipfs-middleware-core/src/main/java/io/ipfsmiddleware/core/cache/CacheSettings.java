package io.ipfsmiddleware.core.cache;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the middleware caches.
 *
 * @param directory the disk blob cache's directory; empty for no disk cache
 * @param maxBytes the bound on the disk cache's bytes
 * @param metadataBytes the bound on the metadata cache's (estimated) bytes
 * @param maxFills how many blobs may be filled from IPFS at once
 * @param ipnsTtl how long metadata of an {@code /ipns/} path is kept
 * @param verify when whole blobs read from the disk cache are hashed again
 */
public record CacheSettings(Optional<Path> directory, long maxBytes, long metadataBytes, int maxFills,
        Duration ipnsTtl, CacheVerify verify) {
    /** The default disk cache bound: 10 GiB. */
    public static final long DEFAULT_MAX_BYTES = 10L << 30;
    /** The default metadata cache bound: 64 MiB. */
    public static final long DEFAULT_METADATA_BYTES = 64L << 20;
    /** The default number of concurrent fills. */
    public static final int DEFAULT_MAX_FILLS = 16;
    /** The default time to live of IPNS metadata. */
    public static final Duration DEFAULT_IPNS_TTL = Duration.ofMinutes(1);

    /** Validates. */
    public CacheSettings {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(ipnsTtl, "ipnsTtl");
        Objects.requireNonNull(verify, "verify");
        if (maxBytes <= 0 || metadataBytes <= 0 || maxFills <= 0 || ipnsTtl.isNegative()) {
            throw new IllegalArgumentException("cache bounds must be positive: " + maxBytes + ", " + metadataBytes
                    + ", " + maxFills + ", " + ipnsTtl);
        }
    }

    /** @return metadata caching only, with the default bounds */
    public static CacheSettings memoryOnly() {
        return new CacheSettings(Optional.empty(), DEFAULT_MAX_BYTES, DEFAULT_METADATA_BYTES, DEFAULT_MAX_FILLS,
                DEFAULT_IPNS_TTL, CacheVerify.CHANGED);
    }

    /** @return these settings with a disk cache in {@code dir} of at most {@code bytes} */
    public CacheSettings withDisk(Path dir, long bytes) {
        return new CacheSettings(Optional.of(dir), bytes, metadataBytes, maxFills, ipnsTtl, verify);
    }

    /** @return these settings with {@code mode} for re-hashing cached blobs */
    public CacheSettings withVerify(CacheVerify mode) {
        return new CacheSettings(directory, maxBytes, metadataBytes, maxFills, ipnsTtl, mode);
    }
}
