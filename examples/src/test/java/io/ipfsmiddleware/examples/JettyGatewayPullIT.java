package io.ipfsmiddleware.examples;

import io.ipfsmiddleware.testkit.KuboNode;

/**
 * {@link PullSuite} on the gateway backend: no RPC API configured, kubo's own gateway (offline,
 * random port) serves as the trustless gateway, and every block is verified and decoded by the
 * middleware.
 */
class JettyGatewayPullIT extends PullSuite {
    @Override
    RegistryServer.Container container() {
        return RegistryServer.Container.JETTY;
    }

    @Override
    String middlewareOptions(KuboNode node) {
        return "gateways: [" + node.gatewayUri() + "]";
    }
}
