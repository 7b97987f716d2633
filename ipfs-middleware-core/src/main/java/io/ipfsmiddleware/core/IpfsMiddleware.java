package io.ipfsmiddleware.core;

import io.ipfsmiddleware.api.error.RegistryException;
import io.ipfsmiddleware.api.spi.Repository;
import io.ipfsmiddleware.api.spi.RepositoryMiddleware;
import io.ipfsmiddleware.core.cache.CacheSettings;
import io.ipfsmiddleware.core.cache.CacheStats;
import io.ipfsmiddleware.core.cache.Caches;
import io.ipfsmiddleware.core.name.IpfsName;
import io.ipfsmiddleware.core.node.IpfsNode;
import io.ipfsmiddleware.core.repository.IpfsRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code ipfs} repository middleware: serves names {@code ipfs/<cid>[/<path>]} from the OCI
 * image layout at {@code /ipfs/<cid>/<path>}, read through an {@link IpfsNode}, and passes every
 * other name through untouched. All its repositories share one set of {@link Caches}.
 */
public final class IpfsMiddleware implements RepositoryMiddleware {
    private final IpfsNode node;
    private final IpfsNode countedNode;
    private final Caches caches;

    /**
     * A middleware with the metadata cache only.
     *
     * @param node the node to read IPFS content through; closed with this middleware
     */
    public IpfsMiddleware(IpfsNode node) {
        this(node, createMemoryOnly());
    }

    /**
     * @param node the node to read IPFS content through; closed with this middleware
     * @param caches the caches to keep what was read in; closed with this middleware
     */
    public IpfsMiddleware(IpfsNode node, Caches caches) {
        this.node = Objects.requireNonNull(node, "node");
        this.caches = Objects.requireNonNull(caches, "caches");
        this.countedNode = caches.counting(node);
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
        Optional<IpfsName> name = IpfsName.of(repository.name());
        if (name.isEmpty()) {
            return repository;
        }
        return new IpfsRepository(name.get(), countedNode, caches);
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
    public void close() {
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
