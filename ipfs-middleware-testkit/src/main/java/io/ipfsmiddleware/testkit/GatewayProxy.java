package io.ipfsmiddleware.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A tiny HTTP proxy (JDK {@code HttpServer}) in front of a real gateway, for the faults a real
 * kubo gateway cannot produce: it can corrupt the block it returns for chosen CIDs (one byte
 * flipped), and it records every path asked for. Everything else passes through unchanged.
 */
public final class GatewayProxy implements AutoCloseable {
    private final URI target;
    private final HttpServer server;
    private final ExecutorService executor;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Set<String> corrupt = ConcurrentHashMap.newKeySet();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> corrupted = new CopyOnWriteArrayList<>();

    private GatewayProxy(URI target) throws IOException {
        this.target = target;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "gateway-proxy");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * @param target the gateway to forward to, e.g. {@link KuboNode#gatewayUri()}
     * @return a started proxy on a free loopback port
     */
    public static GatewayProxy start(URI target) {
        try {
            return new GatewayProxy(target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the proxy's base URI with a trailing slash */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /**
     * Makes every later answer for this CID carry a wrong block.
     *
     * @param cid the CID, as it appears in request paths
     */
    public void corrupt(String cid) {
        corrupt.add(cid);
    }

    /** @return the request paths (with query) seen so far */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    /** @return the CIDs for which a corrupted block was sent */
    public List<String> corrupted() {
        return List.copyOf(corrupted);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI uri = exchange.getRequestURI();
            requests.add(uri.toString());
            HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(uri.getRawPath().substring(1)
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()))).timeout(Duration.ofSeconds(30));
            String accept = exchange.getRequestHeaders().getFirst("Accept");
            if (accept != null) {
                request.header("Accept", accept);
            }
            HttpResponse<byte[]> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            byte[] body = response.body();
            String path = uri.getPath();
            String cid = path.startsWith("/ipfs/") ? path.substring(6) : "";
            if (corrupt.contains(cid) && body.length > 0) {
                body = body.clone();
                body[body.length / 2] ^= 0x01;
                corrupted.add(cid);
            }
            response.headers().firstValue("Content-Type")
                    .ifPresent(type -> exchange.getResponseHeaders().add("Content-Type", type));
            exchange.sendResponseHeaders(response.statusCode(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** Stops the proxy. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

}
