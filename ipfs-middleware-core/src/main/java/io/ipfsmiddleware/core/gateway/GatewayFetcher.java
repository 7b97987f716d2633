package io.ipfsmiddleware.core.gateway;

import io.ipfsmiddleware.core.cid.Cid;
import io.ipfsmiddleware.core.node.IpfsNodeException;
import io.ipfsmiddleware.core.node.IpfsTimeoutException;
import io.ipfsmiddleware.core.node.IpfsUnavailableException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches single blocks from trustless gateways: {@code GET <gateway>/ipfs/<cid>?format=raw} with
 * {@code Accept: application/vnd.ipld.raw}. Gateways are tried in the order given; each request
 * has its own deadline (headers and body); an error, a timeout, a non-raw answer or a block that
 * fails verification moves on to the next gateway. A block that fails verification is logged and
 * dropped, never returned.
 */
final class GatewayFetcher implements BlockSource {
    static final String RAW_BLOCK = "application/vnd.ipld.raw";

    private static final Logger LOG = LoggerFactory.getLogger(GatewayFetcher.class);
    private static final int MAX_ERROR_TEXT = 512;

    private final List<URI> gateways;
    private final HttpClient http;
    private final Duration requestTimeout;

    /**
     * @param gateways base URIs, each ending in {@code /}
     * @param http the client to send with
     * @param requestTimeout the deadline of one request to one gateway
     */
    GatewayFetcher(List<URI> gateways, HttpClient http, Duration requestTimeout) {
        this.gateways = List.copyOf(gateways);
        this.http = http;
        this.requestTimeout = requestTimeout;
    }

    @Override
    public CompletableFuture<byte[]> fetch(Cid cid) {
        return attempt(cid, 0, new ArrayList<>(), true);
    }

    @Override
    public String describe() {
        return "trustless gateways " + gateways;
    }

    private CompletableFuture<byte[]> attempt(Cid cid, int index, List<String> failures, boolean allTimedOut) {
        if (index == gateways.size()) {
            String message = "no gateway delivered block " + cid + " (" + String.join("; ", failures) + ")";
            return CompletableFuture.failedFuture(allTimedOut ? new IpfsTimeoutException(message)
                    : new IpfsUnavailableException(message));
        }
        URI gateway = gateways.get(index);
        return requestOne(gateway, cid).handle((block, error) -> {
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (cause == null) {
                try {
                    BlockVerifier.verify(cid, block);
                    return CompletableFuture.completedFuture(block);
                } catch (BlockMismatchException e) {
                    LOG.warn("Gateway {} sent a wrong block, discarded: {}", gateway, e.getMessage());
                    cause = e;
                } catch (IpfsNodeException e) {
                    return CompletableFuture.<byte[]>failedFuture(e);
                }
            } else {
                LOG.debug("Gateway {} failed for block {}: {}", gateway, cid, cause.toString());
            }
            boolean timedOut = cause instanceof TimeoutException || cause instanceof HttpTimeoutException;
            failures.add(gateway + ": " + explain(cause));
            return attempt(cid, index + 1, failures, allTimedOut && timedOut);
        }).thenCompose(f -> f);
    }

    private CompletableFuture<byte[]> requestOne(URI gateway, Cid cid) {
        HttpRequest request = HttpRequest.newBuilder(gateway.resolve("ipfs/" + cid + "?format=raw"))
                .header("Accept", RAW_BLOCK)
                .timeout(requestTimeout)
                .GET()
                .build();
        BoundedBody[] body = new BoundedBody[1];
        CompletableFuture<HttpResponse<byte[]>> response = http.sendAsync(request, info -> {
            String type = info.headers().firstValue("Content-Type").orElse("");
            boolean ok = info.statusCode() == 200 && type.toLowerCase(Locale.ROOT).startsWith(RAW_BLOCK);
            body[0] = ok ? new BoundedBody(BlockVerifier.MAX_BLOCK_BYTES, false) : new BoundedBody(MAX_ERROR_TEXT, true);
            return body[0];
        });
        return response.orTimeout(requestTimeout.toMillis(), TimeUnit.MILLISECONDS).handle((r, error) -> {
            if (error != null) {
                if (body[0] != null) {
                    body[0].abort();
                }
                throw error instanceof CompletionException ce ? ce : new CompletionException(error);
            }
            String type = r.headers().firstValue("Content-Type").orElse("");
            if (r.statusCode() != 200) {
                throw new CompletionException(new IpfsUnavailableException("HTTP " + r.statusCode() + " \""
                        + new String(r.body(), StandardCharsets.UTF_8).strip() + "\""));
            }
            if (!type.toLowerCase(Locale.ROOT).startsWith(RAW_BLOCK)) {
                throw new CompletionException(new IpfsUnavailableException("answered with Content-Type '" + type
                        + "', not " + RAW_BLOCK + ": is it a trustless gateway?"));
            }
            return r.body();
        });
    }

    private String explain(Throwable cause) {
        if (cause instanceof TimeoutException || cause instanceof HttpTimeoutException) {
            return "no answer within " + requestTimeout.toMillis() + " ms";
        }
        if (cause instanceof ConnectException) {
            return "connection refused";
        }
        String message = cause.getMessage();
        return message == null ? cause.toString() : message;
    }
}
