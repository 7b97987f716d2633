package io.ipfsmiddleware.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipfsmiddleware.testkit.KuboNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CID that no peer has: an online node searches for it indefinitely, so the middleware's
 * deadline decides. The client gets 503 UNAVAILABLE (the content may appear later, so a
 * retryable status, with Retry-After) within the configured time, never a hang.
 */
class DeadlineIT {
    @TempDir
    Path work;

    @Test
    void contentNoPeerHasFailsWithinTheDeadline() throws Exception {
        byte[] random = new byte[64];
        new Random().nextBytes(random);
        Files.write(work.resolve("nobody-has-this"), random);
        try (KuboNode kubo = KuboNode.builder().offline(false).start()) {
            String missing = kubo.run("add", "-n", "-Q", "--cid-version", "1", work.resolve("nobody-has-this").toString())
                    .strip();
            try (TestRegistry registry = TestRegistry.start(RegistryServer.Container.JETTY, kubo.apiMultiaddr(), "",
                    "        timeout: 2s\n")) {
                long start = System.nanoTime();
                String message = Http.assertError(Http.get(registry.url() + "/v2/ipfs/" + missing + "/tags/list"), 503,
                        "UNAVAILABLE");
                long seconds = (System.nanoTime() - start) / 1_000_000_000L;
                assertTrue(seconds < 15, "took " + seconds + " s");
                assertTrue(message.contains("in time") && message.contains(missing), message);
            }
        }
    }
}
