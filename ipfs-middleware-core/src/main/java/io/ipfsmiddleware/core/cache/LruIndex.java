package io.ipfsmiddleware.core.cache;

import io.ipfsmiddleware.api.model.Digest;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The disk cache's index, in memory: which blobs are stored and how large they are, in order
 * of last access, and the bytes reserved by fills in progress. Entries plus reservations never
 * exceed the bound: room is made by evicting the least recently used entries, whose digests
 * are returned so the caller deletes their files (outside this lock). Thread-safe.
 */
final class LruIndex {
    private final long maxBytes;
    private final LinkedHashMap<Digest, Long> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long entryBytes;
    private long reservedBytes;

    LruIndex(long maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    /** @return the size of the entry, marking it as just used; empty when absent */
    synchronized OptionalLong touch(Digest digest) {
        Long size = entries.get(digest);
        return size == null ? OptionalLong.empty() : OptionalLong.of(size);
    }

    /**
     * Reserves room for a fill, evicting least recently used entries as needed.
     *
     * @return the digests evicted, or empty when the room cannot be made (larger than the
     *     bound, or the rest is reserved by other fills); nothing is evicted then
     */
    synchronized Optional<List<Digest>> reserve(long bytes) {
        if (bytes < 0 || bytes > maxBytes - reservedBytes) {
            return Optional.empty();
        }
        reservedBytes += bytes;
        return Optional.of(evictAbove(maxBytes));
    }

    /** Gives back a reservation whose fill failed. */
    synchronized void release(long bytes) {
        reservedBytes -= bytes;
    }

    /** Turns a reservation into an entry, as the most recently used. */
    synchronized void commit(Digest digest, long bytes) {
        reservedBytes -= bytes;
        Long previous = entries.put(digest, bytes);
        entryBytes += bytes - (previous == null ? 0 : previous);
    }

    /**
     * Adds an entry found on disk at start-up; add oldest first.
     *
     * @return the digests evicted to stay within the bound (possibly this one)
     */
    synchronized List<Digest> add(Digest digest, long bytes) {
        Long previous = entries.put(digest, bytes);
        entryBytes += bytes - (previous == null ? 0 : previous);
        return evictAbove(maxBytes);
    }

    /** @return whether the entry was there */
    synchronized boolean remove(Digest digest) {
        Long size = entries.remove(digest);
        if (size != null) {
            entryBytes -= size;
        }
        return size != null;
    }

    /** @return the bytes of entries and reservations */
    synchronized long usedBytes() {
        return entryBytes + reservedBytes;
    }

    /** @return the number of entries */
    synchronized int size() {
        return entries.size();
    }

    /** @return the entries' digests, least recently used first */
    synchronized List<Digest> digests() {
        return List.copyOf(entries.keySet());
    }

    private List<Digest> evictAbove(long bound) {
        List<Digest> evicted = new ArrayList<>();
        Iterator<Map.Entry<Digest, Long>> it = entries.entrySet().iterator();
        while (entryBytes + reservedBytes > bound && it.hasNext()) {
            Map.Entry<Digest, Long> eldest = it.next();
            entryBytes -= eldest.getValue();
            evicted.add(eldest.getKey());
            it.remove();
        }
        return evicted;
    }
}
