package io.ipfsmiddleware.core.kubo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GatewayDiscoveryTest {
    static final URI LOCAL_API = URI.create("http://127.0.0.1:5001");
    static final URI REMOTE_API = URI.create("http://10.1.2.3:5001");

    @Test
    void addressesBecomeWhatAClientDials() {
        assertEquals(Optional.of(URI.create("http://127.0.0.1:8080")),
                GatewayDiscovery.dialable("/ip4/127.0.0.1/tcp/8080", LOCAL_API));
        assertEquals(Optional.of(URI.create("http://10.1.2.3:8080")),
                GatewayDiscovery.dialable("/ip4/0.0.0.0/tcp/8080", REMOTE_API));
        assertEquals(Optional.of(URI.create("http://127.0.0.1:8080")),
                GatewayDiscovery.dialable("/ip4/0.0.0.0/tcp/8080", LOCAL_API));
        assertEquals(Optional.of(URI.create("http://[::1]:8080")),
                GatewayDiscovery.dialable("/ip6/::1/tcp/8080", URI.create("http://[::1]:5001")));
        assertEquals(Optional.of(URI.create("http://10.9.9.9:8080")),
                GatewayDiscovery.dialable("/ip4/10.9.9.9/tcp/8080", REMOTE_API));
    }

    @Test
    void addressesOutOfReachAreSkipped() {
        assertEquals(Optional.empty(), GatewayDiscovery.dialable("/ip4/127.0.0.1/tcp/0", LOCAL_API));
        assertEquals(Optional.empty(), GatewayDiscovery.dialable("/ip4/127.0.0.1/tcp/8080", REMOTE_API));
        assertEquals(Optional.empty(), GatewayDiscovery.dialable("/unix/run/gw.sock", LOCAL_API));
    }

    @Test
    void pathsAreEncodedSegmentBySegment() {
        assertEquals("/ipfs/bafy/a%20b/%25%3F%23/x", KuboGateway.encodePath("/ipfs/bafy/a b/%?#/x"));
    }
}
