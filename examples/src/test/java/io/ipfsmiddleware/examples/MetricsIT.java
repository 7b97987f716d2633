package io.ipfsmiddleware.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipfsmiddleware.testkit.KuboNode;
import io.ipfsmiddleware.testkit.OciImages;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example's Prometheus endpoint shows what a pull did: node calls, bytes, cache answers, results. */
class MetricsIT {
    @TempDir
    Path work;

    /** @return the sum of the samples of {@code name} whose labels include all of {@code labels} */
    static double sample(String metrics, String name, String... labels) {
        double sum = 0;
        for (String line : metrics.lines().toList()) {
            if (!line.startsWith(name + "{") && !line.startsWith(name + " ")) {
                continue;
            }
            if (List.of(labels).stream().allMatch(line::contains)) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    @Test
    void aPullShowsUpInTheMetrics() throws Exception {
        OciImages.alpine(work.resolve("images/alpine"));
        try (KuboNode kubo = KuboNode.start();
                TestRegistry registry = TestRegistry.start(RegistryServer.Container.JETTY, kubo.apiMultiaddr(), "")) {
            String cid = kubo.addDirectory(work.resolve("images"));
            String ref = registry.host() + "/ipfs/" + cid + "/alpine:3.10.1";
            Tools.crane("pull", "--insecure", ref, work.resolve("one.tar").toString());
            Tools.crane("pull", "--insecure", ref, work.resolve("two.tar").toString());
            Http.assertError(Http.get(registry.url() + "/v2/ipfs/" + cid + "/alpine/manifests/nope"), 404,
                    "MANIFEST_UNKNOWN");

            var response = Http.get(registry.url() + "/metrics");
            assertEquals(200, response.statusCode());
            String metrics = new String(response.body());
            assertTrue(sample(metrics, "ipfs_node_requests_seconds_count", "operation=\"cat\"", "outcome=\"ok\"") > 0,
                    metrics);
            assertTrue(sample(metrics, "ipfs_node_bytes_total") > 1_000_000, metrics);
            assertTrue(sample(metrics, "registry_middleware_requests_seconds_count", "kind=\"blob\"",
                    "status=\"200\"", "code=\"none\"") >= 6, metrics);
            // Meters are per JVM and other tests share it: at least this test's own 404.
            assertTrue(sample(metrics, "registry_middleware_requests_seconds_count", "kind=\"manifest\"",
                    "status=\"404\"", "code=\"MANIFEST_UNKNOWN\"") >= 1, metrics);
            assertTrue(sample(metrics, "registry_middleware_blob_bytes_total") > 2_000_000, metrics);
            assertTrue(sample(metrics, "ipfs_cache_metadata_requests_total", "result=\"hit\"") > 0, metrics);
            assertTrue(metrics.contains("jvm_memory_used_bytes"), "JVM memory is exported too");
        }
    }
}
