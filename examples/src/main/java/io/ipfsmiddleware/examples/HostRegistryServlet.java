package io.ipfsmiddleware.examples;

import io.ipfsmiddleware.api.error.ErrorCode;
import io.ipfsmiddleware.api.error.RegistryException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ipfsmiddleware.api.spi.MiddlewareChain;
import io.ipfsmiddleware.api.spi.MiddlewareHealth;
import io.ipfsmiddleware.servlet.ErrorResponses;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Stands for the registry the filter is installed in: it answers the API base {@code /v2/},
 * proxies every other request to an upstream registry when one is configured, and otherwise
 * says the repository is unknown. Requests for intercepted names never reach it. It also answers
 * {@code GET /debug/ipfs-stats} with the ipfs middleware's counters as JSON.
 */
final class HostRegistryServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final transient UpstreamProxy upstream;
    private final transient MiddlewareChain chain;
    private final transient DebugStats stats;

    /**
     * @param upstream the registry to pass other names to, or {@code null} for none
     * @param chain the middlewares, for the health and stats endpoints
     */
    HostRegistryServlet(UpstreamProxy upstream, MiddlewareChain chain) {
        this.upstream = upstream;
        this.chain = chain;
        this.stats = new DebugStats(chain);
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals("/healthz")) {
            health(response);
            return;
        }
        if (path.equals(PrometheusEndpoint.PATH) && "GET".equals(request.getMethod())) {
            PrometheusEndpoint.write(response);
            return;
        }
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

    /**
     * Answers {@code /healthz} from what the middlewares last saw in the background: 200 when all
     * are up, 503 otherwise, with each one's detail. It never calls the IPFS node itself.
     */
    private void health(HttpServletResponse response) throws IOException {
        Map<String, MiddlewareHealth> all = chain.health();
        boolean up = all.values().stream().allMatch(MiddlewareHealth::up);
        ObjectNode body = JSON.createObjectNode().put("status", up ? "UP" : "DOWN");
        ObjectNode middlewares = body.putObject("middleware");
        all.forEach((name, health) -> {
            ObjectNode entry = middlewares.putObject(name).put("up", health.up()).put("detail", health.detail());
            if (health.checkedAt() != null) {
                entry.put("checkedAt", health.checkedAt().toString());
            }
        });
        byte[] bytes = JSON.writeValueAsBytes(body);
        response.setStatus(up ? 200 : 503);
        response.setContentType("application/json");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
