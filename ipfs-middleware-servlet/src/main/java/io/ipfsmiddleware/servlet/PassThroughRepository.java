package io.ipfsmiddleware.servlet;

import io.ipfsmiddleware.api.model.RepositoryName;
import io.ipfsmiddleware.api.spi.BlobStore;
import io.ipfsmiddleware.api.spi.ManifestStore;
import io.ipfsmiddleware.api.spi.Repository;
import io.ipfsmiddleware.api.spi.TagStore;

/**
 * Stands for the host registry's own repository. When the middleware chain returns this very
 * object, no middleware intercepted the name and the request goes on down the filter chain; its
 * stores are never read.
 */
final class PassThroughRepository implements Repository {
    private final RepositoryName name;

    PassThroughRepository(RepositoryName name) {
        this.name = name;
    }

    @Override
    public RepositoryName name() {
        return name;
    }

    @Override
    public ManifestStore manifests() {
        throw new UnsupportedOperationException("the host registry serves " + name);
    }

    @Override
    public TagStore tags() {
        throw new UnsupportedOperationException("the host registry serves " + name);
    }

    @Override
    public BlobStore blobs() {
        throw new UnsupportedOperationException("the host registry serves " + name);
    }
}
