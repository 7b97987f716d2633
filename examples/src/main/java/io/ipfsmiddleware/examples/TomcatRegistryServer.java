package io.ipfsmiddleware.examples;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.authenticator.BasicAuthenticator;
import org.apache.catalina.realm.GenericPrincipal;
import org.apache.catalina.realm.RealmBase;
import org.apache.tomcat.util.descriptor.web.LoginConfig;
import org.apache.tomcat.util.descriptor.web.SecurityCollection;
import org.apache.tomcat.util.descriptor.web.SecurityConstraint;
import java.security.Principal;
import java.util.List;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

/** The filter in embedded Tomcat 11. */
final class TomcatRegistryServer implements RegistryServer {
    private final Tomcat tomcat;
    private final Connector connector;
    private final Path baseDir;

    private TomcatRegistryServer(Tomcat tomcat, Connector connector, Path baseDir) {
        this.tomcat = tomcat;
        this.connector = connector;
        this.baseDir = baseDir;
    }

    static TomcatRegistryServer start(InetSocketAddress address, Filter filter, HttpServlet host, BasicAuth auth)
            throws Exception {
        Path baseDir = Files.createTempDirectory("ipfs-registry-tomcat");
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(baseDir.toString());
        Connector connector = new Connector();
        connector.setPort(address.getPort());
        connector.setProperty("address", address.getHostString());
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", null);
        Tomcat.addServlet(context, "host-registry", host).addMapping("/*");
        FilterDef def = new FilterDef();
        def.setFilterName("repository-middleware");
        def.setFilter(filter);
        context.addFilterDef(def);
        FilterMap map = new FilterMap();
        map.setFilterName("repository-middleware");
        map.addURLPattern("/*");
        context.addFilterMap(map);
        if (auth != null) {
            secure(context, auth);
        }
        tomcat.start();
        return new TomcatRegistryServer(tomcat, connector, baseDir);
    }

    private static void secure(Context context, BasicAuth auth) {
        LoginConfig login = new LoginConfig();
        login.setAuthMethod("BASIC");
        login.setRealmName(auth.realm());
        context.setLoginConfig(login);
        SecurityCollection everything = new SecurityCollection();
        everything.addPattern("/*");
        SecurityConstraint constraint = new SecurityConstraint();
        constraint.addAuthRole(BasicAuth.ROLE);
        constraint.addCollection(everything);
        context.addConstraint(constraint);
        context.addSecurityRole(BasicAuth.ROLE);
        context.setRealm(new UsersRealm(auth));
        context.getPipeline().addValve(new BasicAuthenticator());
    }

    /** The configured users, each with the one role. */
    private static final class UsersRealm extends RealmBase {
        private final BasicAuth auth;

        UsersRealm(BasicAuth auth) {
            this.auth = auth;
        }

        @Override
        protected String getPassword(String username) {
            return auth.users().get(username);
        }

        @Override
        protected Principal getPrincipal(String username) {
            return auth.users().containsKey(username)
                    ? new GenericPrincipal(username, List.of(BasicAuth.ROLE)) : null;
        }
    }

    @Override
    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public String container() {
        return "tomcat";
    }

    @Override
    public void close() throws IOException {
        try {
            tomcat.stop();
            tomcat.destroy();
        } catch (LifecycleException e) {
            throw new IOException("stopping Tomcat failed", e);
        } finally {
            deleteTree(baseDir);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
