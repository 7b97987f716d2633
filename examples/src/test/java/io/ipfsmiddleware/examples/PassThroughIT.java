package io.ipfsmiddleware.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipfsmiddleware.api.spi.MiddlewareChain;
import io.ipfsmiddleware.api.spi.MiddlewareConfig;
import io.ipfsmiddleware.api.spi.MiddlewareOptions;
import io.ipfsmiddleware.servlet.RepositoryMiddlewareFilter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Requests for names the middleware does not intercept reach the host registry exactly as sent:
 * method, path, query, headers and body. The ipfs middleware is loaded from the classpath
 * through ServiceLoader, as in production; its node is never contacted for these names.
 */
class PassThroughIT {
    /** What the host registry's servlet received. */
    record Seen(String method, String uri, String query, Map<String, List<String>> headers, byte[] body) {
    }

    static final class RecordingHost extends HttpServlet {
        private static final long serialVersionUID = 1L;
        final transient AtomicReference<Seen> seen = new AtomicReference<>();

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            Map<String, List<String>> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (String name : Collections.list(request.getHeaderNames())) {
                headers.put(name, Collections.list(request.getHeaders(name)));
            }
            seen.set(new Seen(request.getMethod(), request.getRequestURI(), request.getQueryString(), headers,
                    request.getInputStream().readAllBytes()));
            response.setStatus(202);
            response.setHeader("Location", "/v2/library/alpine/blobs/uploads/abc");
        }
    }

    @ParameterizedTest
    @EnumSource(RegistryServer.Container.class)
    void nonIpfsRequestsReachTheHostUntouched(RegistryServer.Container container) throws Exception {
        RecordingHost host = new RecordingHost();
        MiddlewareChain chain = MiddlewareChain.load(List.of(new MiddlewareConfig("ipfs",
                MiddlewareOptions.of("ipfs", Map.of("ipfsapiaddress", "/ip4/127.0.0.1/tcp/9")), false)),
                getClass().getClassLoader());
        assertEquals(List.of("ipfs"), chain.names());
        try (chain; RegistryServer server = container.start(new InetSocketAddress("127.0.0.1", 0),
                new RepositoryMiddlewareFilter(chain), host)) {
            byte[] body = new byte[100_000];
            new java.util.Random(7).nextBytes(body);
            String base = "http://127.0.0.1:" + server.port();
            HttpRequest request = HttpRequest.newBuilder(URI.create(base
                    + "/v2/library/alpine/blobs/uploads/abc?digest=sha256%3A" + "1".repeat(64) + "&x=1"))
                    .method("PUT", HttpRequest.BodyPublishers.ofByteArray(body))
                    .header("Content-Type", "application/octet-stream")
                    .header("Authorization", "Bearer secret-token")
                    .header("X-Custom", "one")
                    .header("X-Custom", "two")
                    .build();
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            assertEquals(202, response.statusCode());
            Seen seen = host.seen.get();
            assertEquals("PUT", seen.method());
            assertEquals("/v2/library/alpine/blobs/uploads/abc", seen.uri());
            assertEquals("digest=sha256%3A" + "1".repeat(64) + "&x=1", seen.query());
            assertEquals(List.of("Bearer secret-token"), seen.headers().get("Authorization"));
            assertEquals(List.of("application/octet-stream"), seen.headers().get("Content-Type"));
            List<String> custom = seen.headers().get("X-Custom");
            assertTrue(custom.equals(List.of("one", "two")) || custom.equals(List.of("one,two")), custom.toString());
            assertArrayEquals(body, seen.body());

            for (String path : List.of("/v2/", "/v2/_catalog", "/healthz", "/v2/ipfsx/abc/manifests/latest")) {
                host.seen.set(null);
                HttpResponse<String> other = HttpClient.newHttpClient().send(
                        HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(202, other.statusCode(), path);
                assertEquals(path, host.seen.get().uri());
            }
        }
    }
}
