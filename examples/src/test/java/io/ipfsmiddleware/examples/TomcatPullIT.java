package io.ipfsmiddleware.examples;

/** {@link PullSuite} with the filter in embedded Tomcat 11. */
class TomcatPullIT extends PullSuite {
    @Override
    RegistryServer.Container container() {
        return RegistryServer.Container.TOMCAT;
    }
}
