package io.ipfsmiddleware.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipfsmiddleware.testkit.Descriptor;
import io.ipfsmiddleware.testkit.GatewayProxy;
import io.ipfsmiddleware.testkit.KuboNode;
import io.ipfsmiddleware.testkit.OciImages;
import io.ipfsmiddleware.testkit.OciLayout;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Blobs read through the node's own HTTP gateway ({@code ipfsgatewayaddress}), with real kubo and
 * crane: pulls are correct and their blobs came through the gateway (seen by a recording proxy,
 * testkit's GatewayProxy, in front of kubo's gateway); a tampered blob, or a gateway that corrupts
 * the bytes on the way, is never served whole nor cached.
 */
class NodeGatewayIT {
    @TempDir
    Path work;

    @Test
    void pullsReadBlobsThroughTheNodesGatewayAndWrongBytesAreNeverServed() throws Exception {
        OciLayout good = OciImages.alpine(work.resolve("images/alpine"));
        OciLayout tampered = OciImages.alpine(work.resolve("images/tampered"));
        List<Descriptor> layers = tampered.tag("3.10.1").manifests().get(0).layers();
        Descriptor bad = layers.get(layers.size() - 1);
        Path badFile = tampered.blobPath(bad.digest());
        byte[] bytes = Files.readAllBytes(badFile);
        bytes[bytes.length - 1] ^= 1;
        Files.write(badFile, bytes);
        Path cache = work.resolve("cache");
        try (KuboNode kubo = KuboNode.start();
                GatewayProxy proxy = GatewayProxy.start(kubo.gatewayUri())) {
            String cid = kubo.addDirectory(work.resolve("images"));
            try (TestRegistry registry = TestRegistry.start(RegistryServer.Container.JETTY, kubo.apiMultiaddr(), "",
                    Map.of("ipfsgatewayaddress", proxy.uri().toString(), "cachedirectory", cache.toString()))) {
                // a gateway that changes the bytes of a blob on the way (first layer, as reached by the
                // tampered/ path: not yet in the content-addressed cache)
                Descriptor layer = good.tag("3.10.1").manifests().get(0).layers().get(0);
                String corrupted = cid + "/tampered/blobs/sha256/" + layer.hex();
                proxy.corrupt(corrupted);
                assertNotServedWhole(registry.url() + "/v2/ipfs/" + cid + "/tampered/blobs/" + layer.digest(), layer);
                assertEquals(List.of(corrupted), proxy.corrupted());
                assertFalse(Files.exists(cache.resolve("blobs/sha256/" + layer.hex())), "corrupted bytes were cached");

                assertNotServedWhole(registry.url() + "/v2/ipfs/" + cid + "/tampered/blobs/" + bad.digest(), bad);
                assertFalse(Files.exists(cache.resolve("blobs/sha256/" + bad.hex())), "a tampered blob was cached");

                Tools.crane("pull", "--insecure", registry.host() + "/ipfs/" + cid + "/alpine:3.10.1",
                        work.resolve("a.tar").toString());
                String layerPath = "/ipfs/" + cid + "/alpine/blobs/sha256/" + layer.hex();
                assertTrue(proxy.requests().contains(layerPath), "not read through the gateway: " + proxy.requests());
                assertArrayEquals(good.readBlob(layer.digest()), Http.get(registry.url() + "/v2/ipfs/" + cid
                        + "/alpine/blobs/" + layer.digest()).body());
            }
        }
    }

    private static void assertNotServedWhole(String url, Descriptor blob) throws Exception {
        try {
            HttpResponse<byte[]> response = Http.get(url);
            assertTrue(response.body().length < blob.size(), "wrong bytes arrived whole from " + url);
        } catch (IOException aborted) {
            // the registry broke the connection before the last byte: what a client must see
        }
    }
}
