package io.ipfsmiddleware.examples;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /metrics} of the example registry: the middleware's and the filter's Micrometer meters
 * (which go to Micrometer's global registry) in the Prometheus text format, plus JVM memory.
 */
final class PrometheusEndpoint {
    /** The path it answers. */
    static final String PATH = "/metrics";

    private static final PrometheusMeterRegistry REGISTRY = create();

    private PrometheusEndpoint() {
    }

    private static PrometheusMeterRegistry create() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        Metrics.addRegistry(registry);
        return registry;
    }

    /** Makes sure the Prometheus registry is part of the global one before meters are created. */
    static void install() {
        REGISTRY.config();
    }

    static void write(HttpServletResponse response) throws IOException {
        byte[] body = REGISTRY.scrape().getBytes(StandardCharsets.UTF_8);
        response.setStatus(200);
        response.setContentType("text/plain; version=0.0.4; charset=utf-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
