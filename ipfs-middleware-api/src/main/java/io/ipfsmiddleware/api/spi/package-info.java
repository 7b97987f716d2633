/**
 * The repository-middleware SPI. A registry exposes its repositories as {@link
 * io.ipfsmiddleware.api.spi.Repository}; a {@link io.ipfsmiddleware.api.spi.MiddlewareChain}
 * built from the {@code middleware.repository} configuration lets each middleware replace the
 * repositories it intercepts and pass the others through.
 */
package io.ipfsmiddleware.api.spi;
