package io.ipfsmiddleware.core.repository;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.ipfsmiddleware.core.node.IpfsNode;
import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pins paths on the node in the background, once each, so pinning never slows a pull. Paths
 * under {@code /ipfs/} are immutable: a path pinned once needs no second call.
 */
public final class Pinner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Pinner.class);

    private final IpfsNode node;
    private final ExecutorService executor;
    private final Cache<String, Boolean> requested = Caffeine.newBuilder().maximumSize(100_000).build();

    /** @param node the node to pin on */
    public Pinner(IpfsNode node) {
        this.node = node;
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "ipfs-pinner");
            t.setDaemon(true);
            return t;
        });
    }

    /** Pins {@code path} soon, unless it was asked already. */
    void pin(String path) {
        if (requested.asMap().putIfAbsent(path, Boolean.TRUE) != null) {
            return;
        }
        try {
            executor.execute(() -> {
                try {
                    node.pin(path);
                    LOG.debug("pinned {}", path);
                } catch (IOException e) {
                    requested.invalidate(path);
                    LOG.warn("could not pin {} on {}: {}", path, node.describe(), e.getMessage());
                }
            });
        } catch (RejectedExecutionException e) {
            requested.invalidate(path);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
