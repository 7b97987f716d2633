package io.ipfsmiddleware.core.gateway;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.ipfsmiddleware.core.cid.Cid;
import io.ipfsmiddleware.core.node.IpfsNodeException;
import io.ipfsmiddleware.core.node.IpfsNotFoundException;
import io.ipfsmiddleware.core.node.IpfsTimeoutException;
import io.ipfsmiddleware.core.node.IpfsUnavailableException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Verified blocks by CID: a bounded local cache (Caffeine, weighed by block size) in front of a
 * {@link BlockSource}. Concurrent requests for one block share one fetch; failed fetches are not
 * cached (and, unlike an {@code AsyncCache} loader, do not log a stack trace each). Identity CIDs are answered from the CID itself. Every wait is bounded by the deadline.
 */
final class BlockStore {
    private final BlockSource source;
    private final Cache<Cid, byte[]> cache;
    private final ConcurrentMap<Cid, CompletableFuture<byte[]>> inFlight = new ConcurrentHashMap<>();
    private final Duration deadline;

    /**
     * @param source where blocks come from
     * @param maxBytes the most block bytes kept
     * @param deadline the bound on waiting for one block (all gateways included)
     */
    BlockStore(BlockSource source, long maxBytes, Duration deadline) {
        this.source = source;
        this.deadline = deadline;
        this.cache = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((Cid cid, byte[] block) -> block.length + 64)
                .build();
    }

    /** @return the block, fetched or started fetching in the background */
    CompletableFuture<byte[]> getAsync(Cid cid) {
        try {
            BlockVerifier.checkSupported(cid);
        } catch (IpfsNodeException e) {
            return CompletableFuture.failedFuture(e);
        }
        if (cid.multihashCode() == Cid.IDENTITY) {
            return CompletableFuture.completedFuture(BlockVerifier.identityBlock(cid));
        }
        byte[] cached = cache.getIfPresent(cid);
        if (cached != null) {
            return CompletableFuture.completedFuture(cached);
        }
        CompletableFuture<byte[]> started = new CompletableFuture<>();
        CompletableFuture<byte[]> existing = inFlight.putIfAbsent(cid, started);
        if (existing != null) {
            return existing;
        }
        source.fetch(cid).whenComplete((block, error) -> {
            if (error == null) {
                cache.put(cid, block);
            }
            inFlight.remove(cid, started);
            if (error == null) {
                started.complete(block);
            } else {
                started.completeExceptionally(error);
            }
        });
        return started;
    }

    /**
     * @param cid the block
     * @param path the IPFS path being read, for messages
     * @return the verified block
     */
    byte[] get(Cid cid, String path) throws IOException {
        return await(getAsync(cid), cid, path);
    }

    /** Waits for a block started with {@link #getAsync}, at most the deadline. */
    byte[] await(CompletableFuture<byte[]> block, Cid cid, String path) throws IOException {
        try {
            return block.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IpfsTimeoutException("block " + cid + " of " + path + " did not arrive from "
                    + source.describe() + " within the deadline of " + deadline.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while fetching block " + cid + " of " + path);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            String message = "reading " + path + " from " + source.describe() + ": "
                    + (cause == null ? e.getMessage() : cause.getMessage());
            if (cause instanceof IpfsTimeoutException) {
                throw new IpfsTimeoutException(message, cause);
            }
            if (cause instanceof IpfsNotFoundException) {
                throw new IpfsNotFoundException(message, cause);
            }
            if (cause instanceof IpfsNodeException) {
                throw new IpfsNodeException(message, cause);
            }
            throw new IpfsUnavailableException(message, cause);
        }
    }

    /** @return the number of bytes the cache holds now (for tests and diagnostics) */
    long cachedBytes() {
        return cache.policy().eviction().map(p -> p.weightedSize().orElse(0)).orElse(0L);
    }

    /** @return where blocks come from */
    BlockSource source() {
        return source;
    }
}
