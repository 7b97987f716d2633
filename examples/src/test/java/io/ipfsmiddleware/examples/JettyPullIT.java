package io.ipfsmiddleware.examples;

/** {@link PullSuite} with the filter in embedded Jetty 12. */
class JettyPullIT extends PullSuite {
    @Override
    RegistryServer.Container container() {
        return RegistryServer.Container.JETTY;
    }
}
