package io.ipfsmiddleware.api.spi;

import io.ipfsmiddleware.api.model.RepositoryName;

/**
 * A repository as the distribution API sees it: manifests, tags and blobs under one name.
 * A registry implements this for its own storage (or lets the HTTP adapter stand for it);
 * a {@link RepositoryMiddleware} may return a repository of its own instead.
 */
public interface Repository {
    /** @return the name of this repository */
    RepositoryName name();

    /** @return the manifests of this repository */
    ManifestStore manifests();

    /** @return the tags of this repository */
    TagStore tags();

    /** @return the blobs of this repository */
    BlobStore blobs();

    /**
     * The message a client gets when it tries to write (push, tag, delete) to a repository that
     * a middleware serves read-only, saying what to do instead.
     *
     * @param method the HTTP method refused
     * @return the message
     */
    default String readOnlyMessage(String method) {
        return name() + " is read-only: " + method + " is not allowed";
    }
}
