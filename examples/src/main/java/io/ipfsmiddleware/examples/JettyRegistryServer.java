package io.ipfsmiddleware.examples;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.EnumSet;
import org.eclipse.jetty.ee11.servlet.FilterHolder;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.ee11.servlet.security.ConstraintMapping;
import org.eclipse.jetty.ee11.servlet.security.ConstraintSecurityHandler;
import org.eclipse.jetty.security.Constraint;
import org.eclipse.jetty.security.HashLoginService;
import org.eclipse.jetty.security.UserStore;
import org.eclipse.jetty.security.authentication.BasicAuthenticator;
import org.eclipse.jetty.util.security.Credential;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** The filter in embedded Jetty 12. */
final class JettyRegistryServer implements RegistryServer {
    private final Server server;
    private final ServerConnector connector;

    private JettyRegistryServer(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    static JettyRegistryServer start(InetSocketAddress address, Filter filter, HttpServlet host, BasicAuth auth)
            throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost(address.getHostString());
        connector.setPort(address.getPort());
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        context.addFilter(new FilterHolder(filter), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder("host-registry", host), "/*");
        if (auth != null) {
            context.setSecurityHandler(security(auth));
        }
        server.setHandler(context);
        server.setStopTimeout(5_000);
        try {
            server.start();
        } catch (Exception e) {
            server.stop();
            throw e;
        }
        return new JettyRegistryServer(server, connector);
    }

    private static ConstraintSecurityHandler security(BasicAuth auth) {
        UserStore users = new UserStore();
        auth.users().forEach((user, password) ->
                users.addUser(user, Credential.getCredential(password), new String[] {BasicAuth.ROLE}));
        HashLoginService login = new HashLoginService(auth.realm());
        login.setUserStore(users);
        ConstraintMapping everything = new ConstraintMapping();
        everything.setPathSpec("/*");
        everything.setConstraint(Constraint.from(BasicAuth.ROLE));
        ConstraintSecurityHandler security = new ConstraintSecurityHandler();
        security.setRealmName(auth.realm());
        security.setLoginService(login);
        security.setAuthenticator(new BasicAuthenticator());
        security.addConstraintMapping(everything);
        return security;
    }

    @Override
    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public String container() {
        return "jetty";
    }

    @Override
    public void close() throws IOException {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IOException("stopping Jetty failed", e);
        }
    }
}
