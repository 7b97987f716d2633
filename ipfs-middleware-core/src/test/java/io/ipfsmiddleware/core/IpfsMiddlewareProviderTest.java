package io.ipfsmiddleware.core;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipfsmiddleware.api.spi.MiddlewareConfigException;
import io.ipfsmiddleware.api.spi.MiddlewareOptions;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bad options stop start-up with a message naming the option and what is expected. */
class IpfsMiddlewareProviderTest {
    private static String failure(Map<String, Object> options) {
        return assertThrows(MiddlewareConfigException.class,
                () -> new IpfsMiddlewareProvider().create(MiddlewareOptions.of("ipfs", options))).getMessage();
    }

    @Test
    void badOptionsAreStartUpErrors() {
        String address = failure(Map.of("ipfsapiaddress", "/ip4/999.0.0.1/tcp/5001"));
        assertTrue(address.contains("ipfsapiaddress") && address.contains("/ip4/127.0.0.1/tcp/5001"), address);
        String noPort = failure(Map.of("ipfsapiaddress", "/ip4/127.0.0.1"));
        assertTrue(noPort.contains("ipfsapiaddress"), noPort);
        String unknown = failure(Map.of("ipfsapiadress", "/ip4/127.0.0.1/tcp/5001"));
        assertTrue(unknown.contains("unknown option") && unknown.contains("ipfsapiaddress"), unknown);
        String duration = failure(Map.of("timeout", "soon"));
        assertTrue(duration.contains("timeout") && duration.contains("30s"), duration);
        String pin = failure(Map.of("pin", "maybe"));
        assertTrue(pin.contains("pin") && pin.contains("true or false"), pin);
    }
}
