package io.ipfsmiddleware.core.node;

import io.ipfsmiddleware.api.spi.MiddlewareHealth;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pings the node in the background and keeps the answer, so a health endpoint reads the node's
 * state without calling it per request. Logs each change between up and down once.
 */
public final class NodeHealthMonitor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NodeHealthMonitor.class);

    private final IpfsNode node;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private volatile MiddlewareHealth health;

    /**
     * Starts checking at once and then every {@code interval}.
     *
     * @param node the node to ping
     * @param interval time between checks
     * @param clock the clock for the check times
     */
    public NodeHealthMonitor(IpfsNode node, Duration interval, Clock clock) {
        this.node = node;
        this.clock = clock;
        this.health = new MiddlewareHealth(false, node.describe() + " not checked yet", null);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ipfs-node-health");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::check, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Checks now, in the caller's thread. */
    void check() {
        Instant now = clock.instant();
        MiddlewareHealth next;
        try {
            node.ping();
            next = new MiddlewareHealth(true, node.describe() + " answers", now);
        } catch (IOException | RuntimeException e) {
            next = new MiddlewareHealth(false, node.describe() + " does not answer: " + e.getMessage(), now);
        }
        MiddlewareHealth previous = health;
        health = next;
        if (previous.up() != next.up() || previous.checkedAt() == null) {
            if (next.up()) {
                LOG.info("IPFS node is up: {}", next.detail());
            } else {
                LOG.warn("IPFS node is down: {}", next.detail());
            }
        }
    }

    /** @return the last result */
    public MiddlewareHealth health() {
        return health;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
