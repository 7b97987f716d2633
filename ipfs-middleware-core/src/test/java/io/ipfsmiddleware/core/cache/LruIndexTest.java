package io.ipfsmiddleware.core.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipfsmiddleware.api.model.Digest;
import java.util.List;
import org.junit.jupiter.api.Test;

class LruIndexTest {
    static Digest d(int n) {
        return new Digest("sha256", String.format("%064x", n));
    }

    @Test
    void evictsTheLeastRecentlyUsedToMakeRoom() {
        LruIndex index = new LruIndex(100);
        for (int i = 1; i <= 3; i++) {
            assertEquals(List.of(), index.reserve(30).orElseThrow());
            index.commit(d(i), 30);
        }
        index.touch(d(1)); // 2 is now the oldest
        assertEquals(List.of(d(2), d(3)), index.reserve(50).orElseThrow());
        index.commit(d(4), 50);
        assertEquals(80, index.usedBytes());
        assertEquals(List.of(d(1), d(4)), index.digests());
    }

    @Test
    void reservationsCountAgainstTheBoundAndCanBeReleased() {
        LruIndex index = new LruIndex(100);
        index.reserve(60).orElseThrow();
        assertTrue(index.reserve(50).isEmpty(), "the other 60 bytes are reserved by a fill in progress");
        index.release(60);
        assertEquals(0, index.usedBytes());
        assertEquals(List.of(), index.reserve(100).orElseThrow());
    }

    @Test
    void aBlobLargerThanTheBoundIsNotCachedAndEvictsNothing() {
        LruIndex index = new LruIndex(100);
        index.reserve(40).orElseThrow();
        index.commit(d(1), 40);
        assertTrue(index.reserve(101).isEmpty());
        assertEquals(List.of(d(1)), index.digests());
    }

    @Test
    void startUpEntriesBeyondTheBoundAreEvictedOldestFirst() {
        LruIndex index = new LruIndex(100);
        assertEquals(List.of(), index.add(d(1), 50));
        assertEquals(List.of(), index.add(d(2), 50));
        assertEquals(List.of(d(1)), index.add(d(3), 10));
        assertEquals(60, index.usedBytes());
        assertTrue(index.remove(d(2)));
        assertEquals(10, index.usedBytes());
        assertEquals(1, index.size());
    }

    @Test
    void usedBytesNeverExceedTheBoundUnderAnyMix() {
        LruIndex index = new LruIndex(1000);
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 10_000; i++) {
            long size = random.nextInt(400);
            if (index.reserve(size).isPresent()) {
                if (random.nextInt(5) == 0) {
                    index.release(size);
                } else {
                    index.commit(d(random.nextInt(50)), size);
                }
            }
            if (random.nextInt(10) == 0) {
                index.remove(d(random.nextInt(50)));
            }
            assertTrue(index.usedBytes() <= 1000 && index.usedBytes() >= 0, "used " + index.usedBytes());
        }
    }
}
