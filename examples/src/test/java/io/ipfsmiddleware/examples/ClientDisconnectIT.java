package io.ipfsmiddleware.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipfsmiddleware.api.spi.MiddlewareChain;
import io.ipfsmiddleware.core.IpfsMiddleware;
import io.ipfsmiddleware.core.kubo.KuboClient;
import io.ipfsmiddleware.core.kubo.Multiaddr;
import io.ipfsmiddleware.core.node.DirectoryEntry;
import io.ipfsmiddleware.core.node.FileStat;
import io.ipfsmiddleware.core.node.IpfsNode;
import io.ipfsmiddleware.servlet.RepositoryMiddlewareFilter;
import io.ipfsmiddleware.testkit.Descriptor;
import io.ipfsmiddleware.testkit.KuboNode;
import io.ipfsmiddleware.testkit.OciLayout;
import io.ipfsmiddleware.testkit.OciLayoutBuilder;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client that goes away in the middle of a large blob frees what its request held: the stream
 * from the node is closed. The node is the real kubo behind the real Kubo client; a thin
 * decorator of our own {@link IpfsNode} seam counts the streams open.
 */
class ClientDisconnectIT {
    @TempDir
    Path work;

    /** Counts {@code cat} streams that are open. */
    static final class StreamCounter implements IpfsNode {
        final AtomicInteger open = new AtomicInteger();
        final AtomicInteger opened = new AtomicInteger();
        private final IpfsNode node;

        StreamCounter(IpfsNode node) {
            this.node = node;
        }

        @Override
        public InputStream cat(String path, long offset, long length) throws IOException {
            InputStream in = node.cat(path, offset, length);
            open.incrementAndGet();
            opened.incrementAndGet();
            return new FilterInputStream(in) {
                private boolean closed;

                @Override
                public void close() throws IOException {
                    if (!closed) {
                        closed = true;
                        open.decrementAndGet();
                    }
                    super.close();
                }
            };
        }

        @Override
        public FileStat stat(String path) throws IOException {
            return node.stat(path);
        }

        @Override
        public List<DirectoryEntry> ls(String path) throws IOException {
            return node.ls(path);
        }

        @Override
        public String resolve(String path) throws IOException {
            return node.resolve(path);
        }

        @Override
        public String describe() {
            return node.describe();
        }

        @Override
        public void close() {
            node.close();
        }
    }

    @ParameterizedTest
    @EnumSource(RegistryServer.Container.class)
    void aClientThatLeavesMidBlobFreesTheNodeStream(RegistryServer.Container container) throws Exception {
        OciLayout layout = OciLayoutBuilder.at(work.resolve("images/big")).randomLayerSize(48 << 20).image("1").build();
        Descriptor big = layout.tag("1").manifests().get(0).layers().stream()
                .max(Comparator.comparingLong(Descriptor::size)).orElseThrow();
        try (KuboNode kubo = KuboNode.start()) {
            String cid = kubo.addDirectory(work.resolve("images"));
            StreamCounter node = new StreamCounter(KuboClient.builder(Multiaddr.apiBaseUri(kubo.apiMultiaddr()))
                    .deadline(Duration.ofSeconds(20)).build());
            try (MiddlewareChain chain = MiddlewareChain.of(List.of(new IpfsMiddleware(node)));
                    RegistryServer server = container.start(new InetSocketAddress("127.0.0.1", 0),
                            new RepositoryMiddlewareFilter(chain), new HostRegistryServlet(null, chain))) {
                try (Socket socket = new Socket("127.0.0.1", server.port())) {
                    OutputStream out = socket.getOutputStream();
                    out.write(("GET /v2/ipfs/" + cid + "/big/blobs/" + big.digest() + " HTTP/1.1\r\nHost: x\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    byte[] some = socket.getInputStream().readNBytes(256 * 1024);
                    assertEquals(256 * 1024, some.length);
                    assertEquals(1, node.open.get(), "the blob streams from the node while the client reads");
                }
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (node.open.get() > 0 && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertEquals(0, node.open.get(), "the node stream is still open after the client left");
                assertTrue(node.opened.get() >= 1);
            }
        }
    }
}
