package io.ipfsmiddleware.servlet;

import io.ipfsmiddleware.api.error.ErrorCode;
import io.ipfsmiddleware.api.error.RegistryException;
import io.ipfsmiddleware.api.spi.MiddlewareChain;
import io.ipfsmiddleware.api.spi.Repository;
import io.ipfsmiddleware.servlet.config.RegistryConfig;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A servlet filter that serves the OCI distribution API for repository names a middleware
 * intercepts (such as {@code ipfs/<cid>/…}) and passes every other request down the filter
 * chain untouched, to the registry it is installed in.
 *
 * <p>Configure it with a ready {@link MiddlewareChain} ({@link #RepositoryMiddlewareFilter(MiddlewareChain)}),
 * or with the init parameter {@value #CONFIG_PARAMETER} naming the registry's YAML file, whose
 * {@code middleware.repository} list is loaded through {@link java.util.ServiceLoader}.
 */
public final class RepositoryMiddlewareFilter implements Filter {
    /** The init parameter that names the registry's YAML configuration file. */
    public static final String CONFIG_PARAMETER = "config";

    private static final Logger LOG = LoggerFactory.getLogger(RepositoryMiddlewareFilter.class);

    private final RequestMeters meters = RequestMeters.global();
    private volatile MiddlewareChain chain;
    private volatile boolean ownsChain;

    /** For containers that instantiate filters themselves; configure with {@value #CONFIG_PARAMETER}. */
    public RepositoryMiddlewareFilter() {
    }

    /** @param chain the middlewares to apply; the caller keeps ownership and closes it */
    public RepositoryMiddlewareFilter(MiddlewareChain chain) {
        this.chain = chain;
    }

    @Override
    public void init(FilterConfig config) throws ServletException {
        if (chain != null) {
            return;
        }
        String file = config.getInitParameter(CONFIG_PARAMETER);
        if (file == null) {
            throw new ServletException("RepositoryMiddlewareFilter needs the init parameter '" + CONFIG_PARAMETER
                    + "' naming the registry's YAML file, or a MiddlewareChain passed to its constructor");
        }
        try {
            RegistryConfig registry = RegistryConfig.read(Path.of(file));
            chain = MiddlewareChain.load(registry.middlewares(), Thread.currentThread().getContextClassLoader());
            ownsChain = true;
            LOG.info("Repository middleware {} loaded from {}", chain.names(), file);
        } catch (IOException | RuntimeException e) {
            throw new ServletException("cannot configure repository middleware from " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain next) throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response)) {
            next.doFilter(req, res);
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Optional<DistributionRoute> route = DistributionRoute.parse(path);
        if (route.isEmpty() || chain.isEmpty()) {
            next.doFilter(request, response);
            return;
        }
        boolean head = "HEAD".equals(request.getMethod());
        Optional<Repository> repository;
        try {
            repository = chain.intercept(route.get().name());
        } catch (RegistryException e) {
            ErrorResponses.write(response, e, !head);
            return;
        }
        if (repository.isEmpty()) {
            next.doFilter(request, response);
            return;
        }
        serve(repository.get(), route.get(), request, response, head);
    }

    private void serve(Repository repository, DistributionRoute route, HttpServletRequest request,
            HttpServletResponse response, boolean head) throws IOException, ServletException {
        long start = System.nanoTime();
        String code = "none";
        String status = null;
        try {
            String method = request.getMethod();
            if (!head && !"GET".equals(method)) {
                throw readOnly(repository, method);
            }
            switch (route.kind()) {
                case MANIFEST -> RepositoryResponder.manifest(repository, route.reference(), request, response, head);
                case BLOB -> RepositoryResponder.blob(repository, route.reference(), request, response, head,
                        meters.blobBytes());
                case TAGS -> RepositoryResponder.tags(repository, request, response, head);
                case BLOB_UPLOAD -> throw readOnly(repository, method);
                case REFERRERS -> throw new RegistryException(ErrorCode.UNSUPPORTED,
                        "the referrers API is not served for " + repository.name(), repository.name().value());
            }
        } catch (RegistryException e) {
            code = e.code().name();
            status = respondOrAbort(response, e, head, repository);
        } catch (IOException e) {
            if (response.isCommitted()) {
                // The status line is out: the only honest signal left is to break the response.
                LOG.warn("Aborting response for {}: {}", request.getRequestURI(), e.getMessage());
                status = "aborted";
                throw e;
            }
            RegistryException error = ErrorResponses.fromIOException(e);
            code = error.code().name();
            status = respondOrAbort(response, error, head, repository);
        } finally {
            // A committed response that failed is "aborted"; an unmapped failure is left to the caller.
            if (status != null || code.equals("none")) {
                meters.record(route.kind(), request.getMethod(),
                        status != null ? status : String.valueOf(response.getStatus()), code, start);
            }
        }
    }

    /** @return the status sent */
    private static String respondOrAbort(HttpServletResponse response, RegistryException e, boolean head,
            Repository repository) throws IOException {
        if (response.isCommitted()) {
            throw new IOException(e.getMessage(), e);
        }
        if (e.code().httpStatus() >= 500) {
            LOG.warn("{} for {}: {}", e.code(), repository.name(), e.getMessage());
        } else {
            LOG.debug("{} for {}: {}", e.code(), repository.name(), e.getMessage());
        }
        if (e.code() == ErrorCode.UNSUPPORTED) {
            ErrorResponses.write(response, e, !head, "Allow", "GET, HEAD");
        } else {
            ErrorResponses.write(response, e, !head);
        }
        return String.valueOf(e.code().httpStatus());
    }

    private static RegistryException readOnly(Repository repository, String method) {
        return new RegistryException(ErrorCode.UNSUPPORTED, repository.readOnlyMessage(method), repository.name().value());
    }

    @Override
    public void destroy() {
        MiddlewareChain owned = chain;
        if (ownsChain && owned != null) {
            owned.close();
        }
    }
}
