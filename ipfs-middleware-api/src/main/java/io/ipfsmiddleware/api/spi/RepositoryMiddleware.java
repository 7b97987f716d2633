package io.ipfsmiddleware.api.spi;

import io.ipfsmiddleware.api.error.RegistryException;
import java.util.Optional;

/**
 * Decorates repositories, as distribution's repository middleware does: for a name it
 * intercepts it returns a repository of its own; for any other it returns the given one,
 * unchanged. Instances are created by a {@link RepositoryMiddlewareProvider}, are shared by
 * all requests and must be thread-safe.
 */
public interface RepositoryMiddleware extends AutoCloseable {
    /**
     * @param repository the repository the registry (or the previous middleware) would serve
     * @return a repository of this middleware's for names it intercepts, else {@code repository}
     * @throws RegistryException when the name is in this middleware's namespace but invalid
     *     there (for example {@code NAME_INVALID} for a malformed content identifier)
     */
    Repository wrap(Repository repository) throws RegistryException;

    /**
     * Explains why a request name that is not a valid repository name fails, when the name is
     * meant for this middleware. Lets a middleware give a better error than the generic one.
     *
     * @param rawName the name as the client sent it
     * @return an error for the client, or empty when the name is not this middleware's concern
     */
    default Optional<RegistryException> explainInvalidName(String rawName) {
        return Optional.empty();
    }

    /**
     * @return the middleware's view of the services it depends on, as last checked in the
     *     background; must not block
     */
    default MiddlewareHealth health() {
        return MiddlewareHealth.NOTHING_TO_CHECK;
    }

    /** Releases what the middleware holds (connections, threads). The default does nothing. */
    @Override
    default void close() {
    }
}
