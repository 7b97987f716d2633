package io.ipfsmiddleware.api.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MiddlewareOptionsTest {
    @Test
    void readsTypedValues() {
        Map<String, Object> raw = new HashMap<>();
        raw.put("addr", "/ip4/127.0.0.1/tcp/5001");
        raw.put("timeout", "30s");
        raw.put("quick", "250ms");
        raw.put("plain", 7);
        raw.put("pin", "yes");
        raw.put("gateways", List.of("http://a", "http://b"));
        raw.put("empty", null);
        MiddlewareOptions o = MiddlewareOptions.of("ipfs", raw);
        assertEquals("/ip4/127.0.0.1/tcp/5001", o.string("addr", null));
        assertEquals(Duration.ofSeconds(30), o.duration("timeout", null));
        assertEquals(Duration.ofMillis(250), o.duration("quick", null));
        assertEquals(Duration.ofSeconds(7), o.duration("plain", null));
        assertTrue(o.bool("pin", false));
        assertEquals(List.of("http://a", "http://b"), o.stringList("gateways"));
        assertEquals("dflt", o.string("empty", "dflt"));
        assertFalse(o.asMap().containsKey("empty"));
    }

    @Test
    void isImmutableAndCopied() {
        List<Object> list = new ArrayList<>(List.of("x"));
        Map<String, Object> raw = new HashMap<>(Map.of("l", list));
        MiddlewareOptions o = MiddlewareOptions.of("m", raw);
        list.add("y");
        raw.put("new", "v");
        assertEquals(List.of("x"), o.stringList("l"));
        assertFalse(o.asMap().containsKey("new"));
        assertThrows(UnsupportedOperationException.class, () -> o.asMap().put("a", "b"));
    }

    @Test
    void rejectsUnknownKeysNamingThem() {
        MiddlewareOptions o = MiddlewareOptions.of("ipfs", Map.of("ipfsapiadress", "x"));
        MiddlewareConfigException e = assertThrows(MiddlewareConfigException.class,
                () -> o.requireKnownKeys(Set.of("ipfsapiaddress")));
        assertTrue(e.getMessage().contains("ipfsapiadress"), e.getMessage());
        assertTrue(e.getMessage().contains("ipfsapiaddress"), e.getMessage());
    }

    @Test
    void badValuesSayWhatWasExpected() {
        MiddlewareOptions o = MiddlewareOptions.of("ipfs", Map.of("timeout", "soon", "pin", "maybe", "n", "-1",
                "m", Map.of("a", 1)));
        assertTrue(assertThrows(MiddlewareConfigException.class, () -> o.duration("timeout", null)).getMessage()
                .contains("30s"));
        assertTrue(assertThrows(MiddlewareConfigException.class, () -> o.bool("pin", false)).getMessage()
                .contains("true or false"));
        assertThrows(MiddlewareConfigException.class, () -> o.positiveLong("n", 1));
        assertThrows(MiddlewareConfigException.class, () -> o.string("m", null));
        assertThrows(MiddlewareConfigException.class,
                () -> MiddlewareOptions.of("ipfs", Map.of("x", "0s")).duration("x", null));
        assertThrows(MiddlewareConfigException.class,
                () -> MiddlewareOptions.of("ipfs", Map.of("x", "99999999999999999999999h")).duration("x", null));
    }
}
