package io.ipfsmiddleware.examples;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ipfsmiddleware.api.spi.MiddlewareChain;
import io.ipfsmiddleware.core.IpfsMiddleware;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * {@code GET /debug/ipfs-stats}: the ipfs middleware's {@link io.ipfsmiddleware.core.cache.CacheStats}
 * as JSON (calls to the node, cache hits and misses), for the benchmark and for operators.
 */
final class DebugStats {
    /** Where the example registry serves the counters. */
    static final String PATH = "/debug/ipfs-stats";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Optional<IpfsMiddleware> middleware;

    DebugStats(MiddlewareChain chain) {
        this.middleware = chain.middlewares().stream().filter(IpfsMiddleware.class::isInstance)
                .map(IpfsMiddleware.class::cast).findFirst();
    }

    void write(HttpServletResponse response) throws IOException {
        if (middleware.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "no ipfs middleware configured");
            return;
        }
        byte[] body = JSON.writeValueAsBytes(middleware.get().stats());
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
