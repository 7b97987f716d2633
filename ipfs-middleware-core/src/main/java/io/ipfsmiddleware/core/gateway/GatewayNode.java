package io.ipfsmiddleware.core.gateway;

import io.ipfsmiddleware.core.node.DirectoryEntry;
import io.ipfsmiddleware.core.node.FileStat;
import io.ipfsmiddleware.core.node.IpfsNode;
import io.ipfsmiddleware.core.node.IpfsNodeException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * {@link IpfsNode} without an IPFS node: blocks come from trustless HTTP gateways ({@code
 * application/vnd.ipld.raw}, one block per request), each verified against its CID before use,
 * and UnixFS (chunked files, directories, HAMT-sharded directories) is decoded here.
 *
 * <p>Deadlines: each request to one gateway has {@code requestTimeout}; waiting for one block
 * (all gateways tried in order) has {@code deadline}. Absent names in a directory are {@link
 * io.ipfsmiddleware.core.node.IpfsNotFoundException} at once, since the directory itself is
 * verified; a block no gateway delivers is {@link
 * io.ipfsmiddleware.core.node.IpfsUnavailableException} (or a timeout). IPNS is refused: {@link
 * #resolve} of an {@code /ipns/} path throws {@link IpfsNodeException} explaining why.
 *
 * <p>Thread-safe; one instance is meant to be shared.
 */
public final class GatewayNode implements IpfsNode {
    private final UnixfsDag dag;
    private final int prefetch;
    private final String description;

    private GatewayNode(Builder b, BlockSource source) {
        this.dag = new UnixfsDag(new BlockStore(source, b.cacheBytes, b.deadline));
        this.prefetch = b.prefetch;
        this.description = source.describe();
    }

    /**
     * @param gateways gateway base URIs, e.g. {@code https://trustless-gateway.link}, tried in order
     * @return a builder with a 5 s connect timeout, 15 s per request, 60 s per block, a 64 MiB
     *     block cache and 8 blocks of prefetch
     */
    public static Builder builder(List<URI> gateways) {
        return new Builder(gateways);
    }

    @Override
    public InputStream cat(String path, long offset, long length) throws IOException {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative: " + offset);
        }
        UnixfsDag.Loaded node = dag.resolve(path);
        if (node.isDirectory()) {
            throw new IpfsNodeException(path + " is a directory, not a file (read over " + description + ")");
        }
        long size = UnixfsDag.fileSize(node, path);
        return new UnixfsFileStream(dag.blocks(), path, node, size, offset, length, prefetch);
    }

    @Override
    public FileStat stat(String path) throws IOException {
        UnixfsDag.Loaded node = dag.resolve(path);
        if (node.isDirectory()) {
            return new FileStat(node.cid().toString(), 0, true);
        }
        if (!node.isRaw() && node.unixfs().type() == UnixfsData.Type.SYMLINK) {
            return new FileStat(node.cid().toString(), node.unixfs().data().length, false, true);
        }
        return new FileStat(node.cid().toString(), UnixfsDag.fileSize(node, path), false);
    }

    @Override
    public List<DirectoryEntry> ls(String path) throws IOException {
        UnixfsDag.Loaded node = dag.resolve(path);
        if (!node.isDirectory()) {
            return List.of();
        }
        return dag.list(node, path);
    }

    /** Resolves an {@code /ipfs/} path to the CID at its end; {@code /ipns/} names are refused. */
    @Override
    public String resolve(String path) throws IOException {
        return "/ipfs/" + dag.resolveCid(path);
    }

    @Override
    public String describe() {
        return description;
    }

    /** Nothing to release: blocks in the cache are dropped with this object. */
    @Override
    public void close() {
        // the HttpClient of Java 17 has no close; its threads are daemons
    }

    @Override
    public String toString() {
        return description;
    }

    /** For tests: a node reading blocks from any source. */
    static GatewayNode over(BlockSource source, Builder settings) {
        return new GatewayNode(settings, source);
    }

    /** Settings of a {@link GatewayNode}. */
    public static final class Builder {
        private final List<URI> gateways;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration requestTimeout = Duration.ofSeconds(15);
        private Duration deadline = Duration.ofSeconds(60);
        private long cacheBytes = 64L << 20;
        private int prefetch = 8;

        private Builder(List<URI> gateways) {
            Objects.requireNonNull(gateways, "gateways");
            List<URI> normalized = new ArrayList<>();
            for (URI gateway : gateways) {
                String scheme = String.valueOf(gateway.getScheme()).toLowerCase(Locale.ROOT);
                if (!scheme.equals("http") && !scheme.equals("https") || gateway.getHost() == null
                        || gateway.getQuery() != null) {
                    throw new IllegalArgumentException("a gateway must be an http(s)://host[:port][/path] URL, not '"
                            + gateway + "'");
                }
                String s = gateway.toString();
                normalized.add(URI.create(s.endsWith("/") ? s : s + "/"));
            }
            this.gateways = List.copyOf(normalized);
        }

        /** @return this, with the TCP connect timeout */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        /** @return this, with the deadline of one request to one gateway */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = positive(timeout, "requestTimeout");
            return this;
        }

        /** @return this, with the deadline for one block, all gateways included */
        public Builder deadline(Duration deadline) {
            this.deadline = positive(deadline, "deadline");
            return this;
        }

        /** @return this, with the most bytes of blocks kept in memory */
        public Builder cacheBytes(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("cacheBytes must not be negative: " + bytes);
            }
            this.cacheBytes = bytes;
            return this;
        }

        /** @return this, with how many blocks a stream fetches ahead (0 for none) */
        public Builder prefetch(int blocks) {
            if (blocks < 0 || blocks > 64) {
                throw new IllegalArgumentException("prefetch must be 0 to 64 blocks, not " + blocks);
            }
            this.prefetch = blocks;
            return this;
        }

        /** @return the node */
        public GatewayNode build() {
            if (gateways.isEmpty()) {
                throw new IllegalArgumentException("at least one gateway is needed");
            }
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(connectTimeout)
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .build();
            return new GatewayNode(this, new GatewayFetcher(gateways, http, requestTimeout));
        }

        private static Duration positive(Duration d, String name) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, not " + d);
            }
            return d;
        }
    }
}
