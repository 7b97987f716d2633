package com.example.ociregistry;

import io.github.sgtsilvio.oci.registry.DistributionRegistryStorage;
import io.github.sgtsilvio.oci.registry.OciRegistryHandler;
import io.ipfsmiddleware.api.spi.MiddlewareChain;
import io.ipfsmiddleware.servlet.config.RegistryConfig;
import java.io.IOException;
import java.nio.file.Path;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * oci-registry (a Reactor Netty registry with push and pull, storing in distribution's file
 * layout) with the middlewares of a {@code middleware.repository} YAML block in front of it.
 *
 * <pre>
 * java -cp … com.example.ociregistry.OciRegistryWithIpfs &lt;storage-dir&gt; &lt;port&gt; &lt;config.yml&gt;
 * </pre>
 */
public final class OciRegistryWithIpfs {
    private OciRegistryWithIpfs() {
    }

    /**
     * @param storage where oci-registry keeps pushed images
     * @param port the port on 127.0.0.1, or 0 for any free one
     * @param chain the middlewares; the caller closes it after the server
     * @return the running server
     */
    public static DisposableServer start(Path storage, int port, MiddlewareChain chain) {
        OciRegistryHandler registry = new OciRegistryHandler(new DistributionRegistryStorage(storage));
        return HttpServer.create()
                .host("127.0.0.1")
                .port(port)
                .handle(new MiddlewareFirstHandler(chain, registry))
                .bindNow();
    }

    /**
     * @param args storage directory, port, YAML file with the {@code middleware.repository} block
     * @throws IOException when the YAML file cannot be read
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: OciRegistryWithIpfs <storage-dir> <port> <config.yml>");
            System.exit(2);
        }
        RegistryConfig config = RegistryConfig.read(Path.of(args[2]));
        try (MiddlewareChain chain = MiddlewareChain.load(config.middlewares(),
                OciRegistryWithIpfs.class.getClassLoader())) {
            DisposableServer server = start(Path.of(args[0]), Integer.parseInt(args[1]), chain);
            System.out.println("oci-registry with " + chain.names() + " on " + server.host() + ":" + server.port());
            server.onDispose().block();
        }
    }
}
