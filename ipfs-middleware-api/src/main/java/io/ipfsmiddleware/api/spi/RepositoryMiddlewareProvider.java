package io.ipfsmiddleware.api.spi;

/**
 * Creates a {@link RepositoryMiddleware} from its configuration. Providers are discovered with
 * {@link java.util.ServiceLoader}: list the implementing class in
 * {@code META-INF/services/io.ipfsmiddleware.api.spi.RepositoryMiddlewareProvider}. The
 * {@link #name()} is what a registry's configuration names under {@code middleware.repository}.
 *
 * <p>Version handshake: {@link #apiVersion()} tells the API which major version of this SPI
 * the provider was compiled against; {@link MiddlewareChain} refuses a provider whose version
 * differs from {@link #API_VERSION} of the API jar it runs with. Implement it as
 * {@code return API_VERSION;}: the compiler copies the constant into the provider's class, so
 * the provider keeps reporting the version it was built for whatever API jar it later meets.
 */
public interface RepositoryMiddlewareProvider {
    /**
     * The major version of this SPI. It changes only when the SPI changes incompatibly; a
     * provider built for another major version is refused at start-up.
     */
    int API_VERSION = 1;

    /** @return the name used in configuration, e.g. {@code ipfs}; lowercase, unique */
    String name();

    /**
     * @param options the {@code options} block of this middleware's configuration entry
     * @return a ready middleware
     * @throws MiddlewareConfigException when an option is unknown or invalid
     */
    RepositoryMiddleware create(MiddlewareOptions options);

    /**
     * The SPI major version this provider was compiled against. Not a default method on
     * purpose: a default body lives in the API jar and would report the version of the API at
     * run time, which is what the handshake must compare against.
     *
     * @return {@link #API_VERSION} as the provider's compiler saw it: write {@code return API_VERSION;}
     */
    int apiVersion();
}
