/**
 * The repository-middleware SPI and the registry model of ipfs-middleware. JDK only.
 *
 * <p>A registry builds a {@link io.ipfsmiddleware.api.spi.MiddlewareChain} from its
 * {@code middleware.repository} configuration; middlewares are found with {@link
 * java.util.ServiceLoader} as {@link io.ipfsmiddleware.api.spi.RepositoryMiddlewareProvider}s
 * (from {@code META-INF/services} on the class path, or {@code provides} of a named module).
 */
module io.ipfsmiddleware.api {
    exports io.ipfsmiddleware.api.error;
    exports io.ipfsmiddleware.api.model;
    exports io.ipfsmiddleware.api.spi;

    uses io.ipfsmiddleware.api.spi.RepositoryMiddlewareProvider;
}
