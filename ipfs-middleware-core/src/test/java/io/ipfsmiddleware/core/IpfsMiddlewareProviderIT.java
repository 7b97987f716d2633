package io.ipfsmiddleware.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipfsmiddleware.api.spi.MiddlewareConfigException;
import io.ipfsmiddleware.api.spi.MiddlewareOptions;
import io.ipfsmiddleware.core.gateway.GatewayNode;
import io.ipfsmiddleware.core.kubo.KuboClient;
import io.ipfsmiddleware.testkit.KuboNode;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Which backend the options select, with a real kubo answering (or not) at ipfsapiaddress. */
class IpfsMiddlewareProviderIT {
    static KuboNode kubo;

    @BeforeAll
    static void start() {
        kubo = KuboNode.start();
    }

    @AfterAll
    static void stop() {
        kubo.close();
    }

    static IpfsMiddleware create(Map<String, ?> options) {
        return (IpfsMiddleware) new IpfsMiddlewareProvider().create(MiddlewareOptions.of("ipfs", options));
    }

    static String deadApi() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return "/ip4/127.0.0.1/tcp/" + s.getLocalPort();
        }
    }

    @Test
    void aNodeThatAnswersIsPreferredToTheGateways() {
        try (IpfsMiddleware m = create(Map.of("ipfsapiaddress", kubo.apiMultiaddr(),
                "gateways", List.of(kubo.gatewayUri().toString())))) {
            assertInstanceOf(KuboClient.class, m.node());
        }
    }

    @Test
    void theGatewaysServeWhenNoNodeAnswers() throws Exception {
        try (IpfsMiddleware m = create(Map.of("ipfsapiaddress", deadApi(),
                "gateways", List.of(kubo.gatewayUri().toString(), "https://trustless-gateway.link")))) {
            assertInstanceOf(GatewayNode.class, m.node());
            assertTrue(m.node().describe().contains("trustless-gateway.link"), m.node().describe());
        }
    }

    @Test
    void gatewaysAloneNeedNoNode() {
        try (IpfsMiddleware m = create(Map.of("gateways", kubo.gatewayUri().toString(), "gatewaytimeout", "3s",
                "blockcachesize", "16"))) {
            assertInstanceOf(GatewayNode.class, m.node());
        }
    }

    @Test
    void withoutGatewaysTheRpcApiIsUsedEvenIfDown() throws Exception {
        try (IpfsMiddleware m = create(Map.of("ipfsapiaddress", deadApi()))) {
            assertInstanceOf(KuboClient.class, m.node());
        }
    }

    @Test
    void badGatewayOptionsStopStartUp() {
        MiddlewareConfigException e = assertThrows(MiddlewareConfigException.class,
                () -> create(Map.of("gateways", List.of("ftp://example.org"))));
        assertTrue(e.getMessage().contains("'gateways'") && e.getMessage().contains("ftp://example.org"), e.getMessage());
        MiddlewareConfigException size = assertThrows(MiddlewareConfigException.class,
                () -> create(Map.of("gateways", "http://127.0.0.1:1", "blockcachesize", "lots")));
        assertTrue(size.getMessage().contains("blockcachesize"), size.getMessage());
        assertEquals(true, assertThrows(MiddlewareConfigException.class, () -> create(Map.of("gateway", "x")))
                .getMessage().contains("gateways"));
    }
}
