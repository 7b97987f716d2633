package io.ipfsmiddleware.core;

import com.github.benmanes.caffeine.cache.Ticker;
import io.ipfsmiddleware.api.error.RegistryException;
import io.ipfsmiddleware.api.spi.MiddlewareHealth;
import io.ipfsmiddleware.api.spi.Repository;
import io.ipfsmiddleware.api.spi.RepositoryMiddleware;
import io.ipfsmiddleware.core.cache.CacheSettings;
import io.ipfsmiddleware.core.cache.CacheStats;
import io.ipfsmiddleware.core.cache.Caches;
import io.ipfsmiddleware.core.metrics.CacheMeters;
import io.ipfsmiddleware.core.metrics.MeteredIpfsNode;
import io.ipfsmiddleware.core.name.IpfsName;
import io.ipfsmiddleware.core.name.IpnsName;
import io.ipfsmiddleware.core.node.IpfsNode;
import io.ipfsmiddleware.core.node.NodeHealthMonitor;
import io.ipfsmiddleware.core.repository.IpfsRepository;
import io.ipfsmiddleware.core.repository.IpnsResolver;
import io.ipfsmiddleware.core.repository.Pinner;
import io.micrometer.core.instrument.Metrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code ipfs} repository middleware: serves names {@code ipfs/<cid>[/<path>]} from the OCI
 * image layout at {@code /ipfs/<cid>/<path>}, and {@code ipns/<name>[/<path>]} from wherever the
 * name currently points, read through an {@link IpfsNode}. Every other name passes through
 * untouched. All its repositories share one set of {@link Caches}.
 */
public final class IpfsMiddleware implements RepositoryMiddleware {
    /** How long an IPNS or DNSLink resolution is kept unless configured otherwise. */
    public static final Duration DEFAULT_IPNS_TTL = Duration.ofMinutes(1);
    /** How often the node is checked in the background unless configured otherwise. */
    public static final Duration DEFAULT_HEALTH_INTERVAL = Duration.ofSeconds(10);

    private final IpfsNode node;
    private final IpfsNode countedNode;
    private final Caches caches;
    private final IpnsResolver ipns;
    private final Pinner pinner;
    private final NodeHealthMonitor monitor;
    private final CacheMeters cacheMeters;

    /**
     * A middleware with the metadata cache only and default settings.
     *
     * @param node the node to read IPFS content through; closed with this middleware
     */
    public IpfsMiddleware(IpfsNode node) {
        this(node, createMemoryOnly(), DEFAULT_IPNS_TTL, false, Ticker.systemTicker(), DEFAULT_HEALTH_INTERVAL);
    }

    /**
     * @param node the node to read through; closed with this middleware
     * @param caches the caches to keep what was read in; closed with this middleware
     * @param ipnsTtl how long a name resolution is kept
     * @param pin whether to pin what clients pull on the node
     * @param ticker the clock for the resolution cache
     * @param healthInterval time between background checks that the node answers
     */
    public IpfsMiddleware(IpfsNode node, Caches caches, Duration ipnsTtl, boolean pin, Ticker ticker,
            Duration healthInterval) {
        this.node = Objects.requireNonNull(node, "node");
        this.caches = Objects.requireNonNull(caches, "caches");
        IpfsNode metered = new MeteredIpfsNode(node, Metrics.globalRegistry);
        this.countedNode = caches.counting(metered);
        this.cacheMeters = CacheMeters.bind(caches, Metrics.globalRegistry);
        this.ipns = new IpnsResolver(countedNode, ipnsTtl, ticker);
        // Pins are metered but not counted as reads a pull makes; the monitor's pings are neither.
        this.pinner = pin ? new Pinner(metered) : null;
        this.monitor = new NodeHealthMonitor(node, healthInterval, Clock.systemUTC());
    }

    private static Caches createMemoryOnly() {
        try {
            return Caches.create(CacheSettings.memoryOnly(), Duration.ofSeconds(60));
        } catch (IOException e) {
            throw new UncheckedIOException("a memory-only cache cannot fail to open", e);
        }
    }

    @Override
    public Repository wrap(Repository repository) throws RegistryException {
        Optional<IpfsName> ipfsName = IpfsName.of(repository.name());
        if (ipfsName.isPresent()) {
            return pinned(new IpfsRepository(ipfsName.get(), countedNode, caches));
        }
        Optional<IpnsName> ipnsName = IpnsName.of(repository.name());
        if (ipnsName.isPresent()) {
            String root = ipns.resolve(ipnsName.get());
            return pinned(new IpfsRepository(repository.name(), ipnsName.get().layoutPath(root), countedNode, caches));
        }
        return repository;
    }

    private Repository pinned(IpfsRepository repository) {
        return pinner == null ? repository : repository.pinnedBy(pinner);
    }

    @Override
    public Optional<RegistryException> explainInvalidName(String rawName) {
        return IpfsName.explainInvalid(rawName);
    }

    /** @return the node this middleware reads through */
    public IpfsNode node() {
        return node;
    }

    /** @return how often the node was read and what the caches answered, since start-up */
    public CacheStats stats() {
        return caches.stats();
    }

    /** @return the caches */
    public Caches caches() {
        return caches;
    }

    @Override
    public MiddlewareHealth health() {
        return monitor.health();
    }

    @Override
    public void close() {
        cacheMeters.close();
        monitor.close();
        if (pinner != null) {
            pinner.close();
        }
        try {
            caches.close();
        } finally {
            node.close();
        }
    }

    @Override
    public String toString() {
        return "ipfs middleware via " + node.describe();
    }
}
