package io.ipfsmiddleware.core;

import io.ipfsmiddleware.api.error.RegistryException;
import io.ipfsmiddleware.api.spi.Repository;
import io.ipfsmiddleware.api.spi.RepositoryMiddleware;
import io.ipfsmiddleware.core.name.IpfsName;
import io.ipfsmiddleware.core.node.IpfsNode;
import io.ipfsmiddleware.core.repository.IpfsRepository;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code ipfs} repository middleware: serves names {@code ipfs/<cid>[/<path>]} from the OCI
 * image layout at {@code /ipfs/<cid>/<path>}, read through an {@link IpfsNode}, and passes every
 * other name through untouched.
 */
public final class IpfsMiddleware implements RepositoryMiddleware {
    private final IpfsNode node;

    /** @param node the node to read IPFS content through; closed with this middleware */
    public IpfsMiddleware(IpfsNode node) {
        this.node = Objects.requireNonNull(node, "node");
    }

    @Override
    public Repository wrap(Repository repository) throws RegistryException {
        Optional<IpfsName> name = IpfsName.of(repository.name());
        if (name.isEmpty()) {
            return repository;
        }
        return new IpfsRepository(name.get(), node);
    }

    @Override
    public Optional<RegistryException> explainInvalidName(String rawName) {
        return IpfsName.explainInvalid(rawName);
    }

    /** @return the node this middleware reads through */
    public IpfsNode node() {
        return node;
    }

    @Override
    public void close() {
        node.close();
    }

    @Override
    public String toString() {
        return "ipfs middleware via " + node.describe();
    }
}
