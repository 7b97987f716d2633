package io.ipfsmiddleware.examples;

import io.ipfsmiddleware.api.error.ErrorCode;
import io.ipfsmiddleware.api.error.RegistryException;
import io.ipfsmiddleware.servlet.ErrorResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Passes requests for names the middleware does not serve to an upstream registry, streaming
 * bodies both ways, so the example behaves like a registry that also hosts ordinary images.
 */
final class UpstreamProxy {
    /** Headers that describe one hop, or that the JDK client sets itself. */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host", "content-length", "expect",
            "http2-settings");

    private final URI base;
    private final HttpClient client;

    UpstreamProxy(URI base) {
        String text = base.toString();
        this.base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        this.client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    URI base() {
        return base;
    }

    void forward(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String query = request.getQueryString();
        URI target = URI.create(base + request.getRequestURI() + (query == null ? "" : "?" + query));
        HttpRequest.Builder out = HttpRequest.newBuilder(target).method(request.getMethod(), body(request));
        for (String name : Collections.list(request.getHeaderNames())) {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                for (String value : Collections.list(request.getHeaders(name))) {
                    out.header(name, value);
                }
            }
        }
        HttpResponse<InputStream> answer;
        try {
            answer = client.send(out.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the upstream registry", e);
        } catch (IOException e) {
            ErrorResponses.write(response, new RegistryException(ErrorCode.UNAVAILABLE, "the upstream registry "
                    + base + " is unreachable: " + e.getMessage(), base.toString()), !"HEAD".equals(request.getMethod()));
            return;
        }
        response.setStatus(answer.statusCode());
        String self = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort();
        for (Map.Entry<String, List<String>> header : answer.headers().map().entrySet()) {
            String name = header.getKey();
            if (NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) || name.startsWith(":")) {
                continue;
            }
            for (String value : header.getValue()) {
                response.addHeader(name, "location".equalsIgnoreCase(name) ? value.replace(base.toString(), self) : value);
            }
        }
        answer.headers().firstValueAsLong("content-length").ifPresent(response::setContentLengthLong);
        try (InputStream in = answer.body()) {
            if (!"HEAD".equals(request.getMethod())) {
                in.transferTo(response.getOutputStream());
            }
        }
    }

    private static HttpRequest.BodyPublisher body(HttpServletRequest request) {
        long length = request.getContentLengthLong();
        boolean chunked = request.getHeader("Transfer-Encoding") != null;
        if (length <= 0 && !chunked) {
            return HttpRequest.BodyPublishers.noBody();
        }
        HttpRequest.BodyPublisher stream = HttpRequest.BodyPublishers.ofInputStream(() -> {
            try {
                return request.getInputStream();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        return length > 0 ? HttpRequest.BodyPublishers.fromPublisher(stream, length) : stream;
    }
}
