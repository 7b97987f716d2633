package io.ipfsmiddleware.examples;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import java.net.InetSocketAddress;

/**
 * An embedded servlet container running the middleware filter in front of a host registry
 * servlet, the way a servlet-based registry would install it.
 */
public interface RegistryServer extends AutoCloseable {
    /** @return the port it listens on (the actual one when started on port 0) */
    int port();

    /** @return a short name of the container, e.g. {@code jetty} */
    String container();

    @Override
    void close() throws java.io.IOException;

    /** The containers the example can run in. */
    enum Container {
        /** Embedded Jetty 12 (Jakarta EE 11). */
        JETTY,
        /** Embedded Tomcat 11. */
        TOMCAT;

        /**
         * @param address where to listen
         * @param filter the middleware filter
         * @param host the servlet standing for the host registry
         * @return the started server
         * @throws Exception when it cannot start (for example the port is taken)
         */
        public RegistryServer start(InetSocketAddress address, Filter filter, HttpServlet host) throws Exception {
            return start(address, filter, host, null);
        }

        /**
         * @param address where to listen
         * @param filter the middleware filter
         * @param host the servlet standing for the host registry
         * @param auth container-level Basic authentication in front of everything, or {@code null}
         * @return the started server
         * @throws Exception when it cannot start (for example the port is taken)
         */
        public RegistryServer start(InetSocketAddress address, Filter filter, HttpServlet host, BasicAuth auth)
                throws Exception {
            return this == JETTY ? JettyRegistryServer.start(address, filter, host, auth)
                    : TomcatRegistryServer.start(address, filter, host, auth);
        }
    }
}
