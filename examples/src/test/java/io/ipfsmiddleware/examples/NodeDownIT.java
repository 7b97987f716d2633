package io.ipfsmiddleware.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** With no IPFS node at the configured address, IPFS names get 503 naming it; others still work. */
class NodeDownIT {
    @ParameterizedTest
    @EnumSource(RegistryServer.Container.class)
    void unreachableNodeIsUnavailableNamingTheAddress(RegistryServer.Container container) throws Exception {
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            deadPort = socket.getLocalPort();
        }
        String cid = "bafybeih5njpiyyu376v37c2ywi2zp4c7ako6dkb6qw4oi3vtqer7hojjiu";
        try (TestRegistry registry = TestRegistry.start(container, "/ip4/127.0.0.1/tcp/" + deadPort, "")) {
            long start = System.nanoTime();
            var response = Http.get(registry.url() + "/v2/ipfs/" + cid + "/alpine/manifests/latest");
            String message = Http.assertError(response, 503, "UNAVAILABLE");
            assertTrue(message.contains("127.0.0.1:" + deadPort), message);
            assertTrue(response.headers().firstValue("Retry-After").isPresent());
            assertTrue(System.nanoTime() - start < 10_000_000_000L, "a refused connection must fail fast");
            Http.assertError(Http.get(registry.url() + "/v2/ipfs/" + cid + "/alpine/blobs/sha256:" + "a".repeat(64)),
                    503, "UNAVAILABLE");
            assertEquals(200, Http.get(registry.url() + "/v2/").statusCode());
        }
    }
}
