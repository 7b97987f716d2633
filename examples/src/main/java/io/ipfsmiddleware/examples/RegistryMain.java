package io.ipfsmiddleware.examples;

import io.ipfsmiddleware.api.spi.MiddlewareChain;
import io.ipfsmiddleware.api.spi.MiddlewareConfigException;
import io.ipfsmiddleware.examples.publish.PublishCommand;
import io.ipfsmiddleware.servlet.RepositoryMiddlewareFilter;
import io.ipfsmiddleware.servlet.config.RegistryConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The example registry's command line:
 * {@code java -jar ipfs-registry.jar serve config.yml [--container jetty|tomcat]}, and {@code publish}
 * ({@link PublishCommand}).
 */
public final class RegistryMain {
    private static final Logger LOG = LoggerFactory.getLogger(RegistryMain.class);
    private static final String USAGE = "usage: java -jar ipfs-registry.jar serve CONFIG.yml [--container jetty|tomcat]\n"
            + "       java -jar ipfs-registry.jar publish SOURCE --name NAME[:TAG] ... (see README)";

    private RegistryMain() {
    }

    /**
     * Runs a command.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        try {
            System.exit(run(args));
        } catch (MiddlewareConfigException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
        } catch (Exception e) {
            System.err.println("error: " + e);
            System.exit(1);
        }
    }

    static int run(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("publish")) {
            return new PublishCommand(System.out, System.err, System.in, System.console() != null)
                    .run(java.util.List.of(args).subList(1, args.length));
        }
        if (args.length < 2 || !args[0].equals("serve")) {
            System.err.println(USAGE);
            return 2;
        }
        RegistryServer.Container container = RegistryServer.Container.JETTY;
        for (int i = 2; i < args.length; i++) {
            if (args[i].equals("--container") && i + 1 < args.length) {
                container = RegistryServer.Container.valueOf(args[++i].toUpperCase(Locale.ROOT));
            } else {
                System.err.println("unknown argument '" + args[i] + "'\n" + USAGE);
                return 2;
            }
        }
        Path configFile = Path.of(args[1]);
        RegistryConfig config = RegistryConfig.read(configFile);
        try (ExampleRegistry registry = ExampleRegistry.start(config, container)) {
            LOG.info("{} registry listening on http://{}:{} with repository middleware {}{}", registry.server().container(),
                    registry.address().getHostString(), registry.server().port(), registry.chain().names(),
                    registry.upstream() == null ? "" : "; other names go to " + registry.upstream());
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
            stopped.await();
        }
        return 0;
    }

    /** A started example registry: the chain from the configuration, the filter, the container. */
    record ExampleRegistry(MiddlewareChain chain, RegistryServer server, InetSocketAddress address, URI upstream)
            implements AutoCloseable {
        static ExampleRegistry start(RegistryConfig config, RegistryServer.Container container) throws Exception {
            InetSocketAddress address = parseAddress(config.string("http.addr").orElse("127.0.0.1:5000"));
            URI upstream = config.string("upstream").map(URI::create).orElse(null);
            BasicAuth auth = BasicAuth.from(config).orElse(null);
            PrometheusEndpoint.install();
            MiddlewareChain chain = MiddlewareChain.load(config.middlewares(), RegistryMain.class.getClassLoader());
            if (chain.isEmpty()) {
                LOG.warn("No repository middleware configured: add a middleware.repository entry with name: ipfs");
            }
            try {
                RegistryServer server = container.start(address, new RepositoryMiddlewareFilter(chain),
                        new HostRegistryServlet(upstream == null ? null : new UpstreamProxy(upstream), chain), auth);
                return new ExampleRegistry(chain, server, address, upstream);
            } catch (Exception e) {
                chain.close();
                throw e;
            }
        }

        @Override
        public void close() throws IOException {
            try {
                server.close();
            } finally {
                chain.close();
            }
        }
    }

    static InetSocketAddress parseAddress(String addr) throws IOException {
        int colon = addr.lastIndexOf(':');
        if (colon < 0) {
            throw new MiddlewareConfigException("http.addr '" + addr + "' must be host:port or :port");
        }
        String host = addr.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(addr.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new MiddlewareConfigException("http.addr '" + addr + "' has no valid port");
        }
        return new InetSocketAddress(host.isEmpty() ? "0.0.0.0" : host, port);
    }
}
