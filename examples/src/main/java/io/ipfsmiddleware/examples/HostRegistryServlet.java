package io.ipfsmiddleware.examples;

import io.ipfsmiddleware.api.error.ErrorCode;
import io.ipfsmiddleware.api.error.RegistryException;
import io.ipfsmiddleware.servlet.ErrorResponses;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Stands for the registry the filter is installed in: it answers the API base {@code /v2/},
 * proxies every other request to an upstream registry when one is configured, and otherwise
 * says the repository is unknown. Requests for intercepted names never reach it. It also answers
 * {@code GET /debug/ipfs-stats} with the ipfs middleware's counters as JSON.
 */
final class HostRegistryServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient UpstreamProxy upstream;
    private final transient DebugStats stats;

    /**
     * @param upstream the registry to pass other names to, or {@code null} for none
     * @param stats answers {@value DebugStats#PATH}
     */
    HostRegistryServlet(UpstreamProxy upstream, DebugStats stats) {
        this.upstream = upstream;
        this.stats = stats;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals(DebugStats.PATH) && "GET".equals(request.getMethod())) {
            stats.write(response);
            return;
        }
        if (upstream != null) {
            upstream.forward(request, response);
            return;
        }
        boolean head = "HEAD".equals(request.getMethod());
        if (path.equals("/v2/") || path.equals("/v2")) {
            response.setHeader("Docker-Distribution-API-Version", "registry/2.0");
            response.setContentType("application/json");
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            response.setContentLength(body.length);
            if (!head) {
                response.getOutputStream().write(body);
            }
            return;
        }
        ErrorResponses.write(response, new RegistryException(ErrorCode.NAME_UNKNOWN, "this registry serves only "
                + "ipfs/<cid>/<path> names; set 'upstream: http://host:port' in its configuration to pass other "
                + "names to another registry", path), !head);
    }
}
