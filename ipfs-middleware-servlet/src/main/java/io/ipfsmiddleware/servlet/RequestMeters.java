package io.ipfsmiddleware.servlet;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * Meters of the requests the filter answers itself (those a middleware intercepted), in
 * Micrometer's global registry: {@code registry.middleware.requests} (a timer by {@code kind},
 * {@code method} (GET, HEAD or OTHER), {@code status} and OCI error {@code code}, {@code none} when the answer was not an
 * error, {@code aborted} status when the response had to be broken off) and
 * {@code registry.middleware.blob.bytes} (blob bytes sent).
 */
final class RequestMeters {
    private final MeterRegistry registry;
    private final Counter blobBytes;

    RequestMeters(MeterRegistry registry) {
        this.registry = registry;
        this.blobBytes = Counter.builder("registry.middleware.blob.bytes").baseUnit("bytes")
                .description("Blob bytes sent for intercepted repositories").register(registry);
    }

    static RequestMeters global() {
        return new RequestMeters(Metrics.globalRegistry);
    }

    void record(DistributionRoute.Kind kind, String method, String status, String code, long startNanos) {
        Timer.builder("registry.middleware.requests").description("Requests answered for intercepted repositories")
                .tag("kind", kind.name().toLowerCase(java.util.Locale.ROOT)).tag("method", methodTag(method))
                .tag("status", status).tag("code", code).register(registry)
                .record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
    }

    /** Clients choose the method token: only GET and HEAD are kept, so the tag stays bounded. */
    static String methodTag(String method) {
        return "GET".equals(method) || "HEAD".equals(method) ? method : "OTHER";
    }

    Counter blobBytes() {
        return blobBytes;
    }
}
