package io.ipfsmiddleware.api.spi;

/**
 * Creates a {@link RepositoryMiddleware} from its configuration. Providers are discovered with
 * {@link java.util.ServiceLoader}: list the implementing class in
 * {@code META-INF/services/io.ipfsmiddleware.api.spi.RepositoryMiddlewareProvider}. The
 * {@link #name()} is what a registry's configuration names under {@code middleware.repository}.
 */
public interface RepositoryMiddlewareProvider {
    /** @return the name used in configuration, e.g. {@code ipfs}; lowercase, unique */
    String name();

    /**
     * @param options the {@code options} block of this middleware's configuration entry
     * @return a ready middleware
     * @throws MiddlewareConfigException when an option is unknown or invalid
     */
    RepositoryMiddleware create(MiddlewareOptions options);
}
