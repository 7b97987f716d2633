package io.ipfsmiddleware.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipfsmiddleware.testkit.KuboNode;
import io.ipfsmiddleware.testkit.OciImages;
import io.ipfsmiddleware.testkit.OciLayout;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The node dies and comes back: the example's /healthz (checked in the background) follows it,
 * cached content is still served while it is down, uncached IPFS content gets 503 naming the node,
 * other names are unaffected, and pulls work again by themselves once a node answers at the
 * configured address.
 */
class HealthIT {
    @TempDir
    Path work;

    @Test
    void healthFollowsTheNodeAndServiceRecoversByItself() throws Exception {
        OciLayout layout = OciImages.alpine(work.resolve("images/alpine"));
        int apiPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            apiPort = socket.getLocalPort();
        }
        String api = "/ip4/127.0.0.1/tcp/" + apiPort;
        KuboNode first = KuboNode.builder().config("Addresses.API", "\"" + api + "\"").start();
        String cid = first.addDirectory(work.resolve("images"));
        try (TestRegistry registry = TestRegistry.start(RegistryServer.Container.JETTY, api, "",
                "        healthinterval: 200ms\n")) {
            String manifest = registry.url() + "/v2/ipfs/" + cid + "/alpine/manifests/3.10.1";
            awaitHealth(registry, 200);
            assertTrue(new String(Http.get(registry.url() + "/healthz").body()).contains("\"status\":\"UP\""));
            assertEquals(200, Http.get(manifest).statusCode());

            first.close();
            String down = new String(awaitHealth(registry, 503));
            assertTrue(down.contains("\"status\":\"DOWN\"") && down.contains("127.0.0.1:" + apiPort), down);
            // What was read before is cached and still served; what was not gets 503 naming the node.
            assertEquals(200, Http.get(manifest).statusCode());
            String message = Http.assertError(Http.get(manifest.replace("3.10.1", "3.9")), 503, "UNAVAILABLE");
            assertTrue(message.contains("127.0.0.1:" + apiPort), message);
            assertEquals(200, Http.get(registry.url() + "/v2/").statusCode());

            try (KuboNode second = KuboNode.builder().config("Addresses.API", "\"" + api + "\"").start()) {
                assertEquals(cid, second.addDirectory(work.resolve("images")));
                awaitHealth(registry, 200);
                assertEquals(layout.tag("3.10.1").digest(), Tools.crane("digest", "--insecure",
                        registry.host() + "/ipfs/" + cid + "/alpine:3.10.1").trim());
            }
        } finally {
            first.close();
        }
    }

    private static byte[] awaitHealth(TestRegistry registry, int status) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            var response = Http.get(registry.url() + "/healthz");
            if (response.statusCode() == status) {
                return response.body();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("/healthz did not become " + status);
    }
}
