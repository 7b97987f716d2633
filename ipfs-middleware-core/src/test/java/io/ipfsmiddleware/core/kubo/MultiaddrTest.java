package io.ipfsmiddleware.core.kubo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MultiaddrTest {
    @ParameterizedTest
    @CsvSource({
        "/ip4/127.0.0.1/tcp/5001, http://127.0.0.1:5001",
        "/ip4/1.2.3.4/tcp/5001/, http://1.2.3.4:5001",
        "/ip4/255.255.255.255/tcp/65535, http://255.255.255.255:65535",
        "/ip6/::1/tcp/5001, http://[::1]:5001",
        "/ip6/2001:DB8::1/tcp/80, http://[2001:db8::1]:80",
        "/dns/ipfs.example/tcp/5001, http://ipfs.example:5001",
        "/dns4/localhost/tcp/5001/http, http://localhost:5001",
        "/dns6/Kubo.Local./tcp/5001, http://kubo.local:5001",
        "/dns/ipfs.example/tcp/443/https, https://ipfs.example:443",
        "/ip4/10.0.0.1/tcp/8443/tls/http, https://10.0.0.1:8443",
        "'  /ip4/127.0.0.1/tcp/5001  ', http://127.0.0.1:5001",
    })
    void parsesToHttpUri(String multiaddr, String uri) {
        assertEquals(URI.create(uri), Multiaddr.parse(multiaddr).toHttpUri());
    }

    @Test
    void exposesPartsAndRoundTrips() {
        Multiaddr m = Multiaddr.parse("/dns/IPFS.example/tcp/443/tls/http");
        assertEquals("ipfs.example", m.host());
        assertEquals(443, m.port());
        assertTrue(m.isHttps());
        assertEquals("/dns/ipfs.example/tcp/443/https", m.toString());
        assertEquals(m, Multiaddr.parse(m.toString()));
        assertEquals(m.hashCode(), Multiaddr.parse(m.toString()).hashCode());
        assertFalse(Multiaddr.parse("/ip4/127.0.0.1/tcp/5001").isHttps());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '#', value = {
        "'' # it is empty",
        "ip4/127.0.0.1/tcp/5001 # starts with '/'",
        "/ip4/127.0.0.1 # expected /<ip4|ip6|dns|dns4|dns6>/<host>/tcp/<port>",
        "/ip4/127.0.0.1/tcp # expected /<ip4|ip6|dns|dns4|dns6>/<host>/tcp/<port>",
        "/ip4/256.0.0.1/tcp/5001 # not an IPv4 address",
        "/ip4/1.2.3/tcp/5001 # not an IPv4 address",
        "/ip4/01.2.3.4/tcp/5001 # not an IPv4 address",
        "/ip4/::1/tcp/5001 # not an IPv4 address",
        "/ip6/127.0.0.1/tcp/5001 # not an IPv6 address",
        "/ip6/::g/tcp/5001 # not an IPv6 address",
        "/ip6/1:2:3:4:5:6:7:8:9/tcp/5001 # not an IPv6 address",
        "/ip6/fe80::1%eth0/tcp/5001 # not an IPv6 address",
        "/dns/bad_host!/tcp/5001 # not a DNS name",
        "/dns/-x.example/tcp/5001 # not a DNS name",
        "/dns/a..b/tcp/5001 # not a DNS name",
        "/unix/tmp/kubo.sock # unix sockets are not supported",
        "/ipfs/bafy/tcp/1 # unsupported protocol '/ipfs'",
        "//127.0.0.1/tcp/5001 # unsupported protocol '/'",
        "/ip4/127.0.0.1/udp/5001 # expected /tcp/<port> after the host, found '/udp'",
        "/ip4/127.0.0.1/tcp/http # not a TCP port number",
        "/ip4/127.0.0.1/tcp/123456 # not a TCP port number",
        "/ip4/127.0.0.1/tcp/0 # out of range 1-65535",
        "/ip4/127.0.0.1/tcp/70000 # out of range 1-65535",
        "/ip4/127.0.0.1/tcp/5001/ws # unexpected '/ws' after the port",
        "/ip4/127.0.0.1/tcp/5001/http/x # unexpected '/http/x' after the port",
        "/ip4/127.0.0.1/tcp/5001/p2p/12D3KooW # unexpected",
    })
    void rejectsWithReasonAndExample(String text, String reason) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Multiaddr.parse(text));
        assertTrue(e.getMessage().contains(reason), () -> e.getMessage() + " lacks " + reason);
        assertTrue(e.getMessage().contains("/ip4/127.0.0.1/tcp/5001"), e.getMessage());
    }

    @Test
    void rejectsNull() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Multiaddr.parse(null))
                .getMessage().contains("empty"));
    }

    @ParameterizedTest
    @CsvSource({
        "/ip4/127.0.0.1/tcp/5001, http://127.0.0.1:5001",
        "/ip6/::1/tcp/5001/https, https://[::1]:5001",
        "http://127.0.0.1:5001, http://127.0.0.1:5001",
        "http://127.0.0.1:5001/, http://127.0.0.1:5001",
        "HTTP://localhost:5001/api/v0/, http://localhost:5001",
        "https://ipfs.example, https://ipfs.example",
        "https://ipfs.example:8443/kubo/, https://ipfs.example:8443/kubo",
        "http://[::1]:5001, http://[::1]:5001",
    })
    void apiBaseUriAcceptsMultiaddrsAndUrls(String option, String uri) {
        assertEquals(URI.create(uri), Multiaddr.apiBaseUri(option));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "   ", "127.0.0.1:5001", "localhost", "ftp://127.0.0.1:5001", "http://", "http://exa mple:5001",
        "http://user:pw@127.0.0.1:5001", "http://127.0.0.1:5001/?x=1", "http://127.0.0.1:5001/#f", "/ip4/x/tcp/1",
    })
    void apiBaseUriRejectsOtherInput(String option) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Multiaddr.apiBaseUri(option));
        assertTrue(e.getMessage().contains("127.0.0.1"), e.getMessage());
        assertTrue(e.getMessage().contains("ipfsapiaddress") || e.getMessage().contains("multiaddr"), e.getMessage());
    }

    @Test
    void apiBaseUriRejectsNull() {
        assertThrows(IllegalArgumentException.class, () -> Multiaddr.apiBaseUri(null));
    }

    @org.junit.jupiter.api.Test
    void aLoneSlashIsRejectedClearly() {
        for (String text : new String[] {"/", "//", " / "}) {
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> Multiaddr.parse(text), text);
            org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("/ip4/127.0.0.1/tcp/5001"),
                    e.getMessage());
        }
    }
}
