package io.ipfsmiddleware.core.metrics;

import io.ipfsmiddleware.core.node.DirectoryEntry;
import io.ipfsmiddleware.core.node.FileStat;
import io.ipfsmiddleware.core.node.IpfsNode;
import io.ipfsmiddleware.core.node.IpfsNotFoundException;
import io.ipfsmiddleware.core.node.IpfsTimeoutException;
import io.ipfsmiddleware.core.node.IpfsUnavailableException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Times every call to the node ({@code ipfs.node.requests}, by {@code operation} —
 * cat, readFile (blob content, possibly through the node's gateway), stat, ls, resolve, pin — and
 * {@code outcome}: ok, not_found, timeout, unavailable, error) and counts the bytes read from it
 * ({@code ipfs.node.bytes}). For {@code cat} the time is to the first byte; a failure while
 * streaming is counted in {@code ipfs.node.stream.failures} by {@code outcome}.
 */
public final class MeteredIpfsNode implements IpfsNode {
    private final IpfsNode node;
    private final MeterRegistry registry;
    private final Counter bytes;

    /**
     * @param node the node to measure
     * @param registry where the meters go
     */
    public MeteredIpfsNode(IpfsNode node, MeterRegistry registry) {
        this.node = node;
        this.registry = registry;
        this.bytes = Counter.builder("ipfs.node.bytes").description("Bytes read from the IPFS node")
                .baseUnit("bytes").register(registry);
    }

    private interface Call<T> {
        T run() throws IOException;
    }

    private <T> T timed(String operation, Call<T> call) throws IOException {
        long start = System.nanoTime();
        try {
            T result = call.run();
            record(operation, "ok", start);
            return result;
        } catch (IOException | RuntimeException e) {
            record(operation, outcome(e), start);
            throw e;
        }
    }

    private void record(String operation, String outcome, long start) {
        Timer.builder("ipfs.node.requests").description("Calls to the IPFS node")
                .tag("operation", operation).tag("outcome", outcome).register(registry)
                .record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    static String outcome(Exception e) {
        if (e instanceof IpfsNotFoundException) {
            return "not_found";
        }
        if (e instanceof IpfsTimeoutException) {
            return "timeout";
        }
        if (e instanceof IpfsUnavailableException) {
            return "unavailable";
        }
        return "error";
    }

    @Override
    public InputStream cat(String path, long offset, long length) throws IOException {
        return counted(timed("cat", () -> node.cat(path, offset, length)));
    }

    @Override
    public InputStream readFile(String path, long offset, long length) throws IOException {
        return counted(timed("readFile", () -> node.readFile(path, offset, length)));
    }

    private InputStream counted(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = guarded(super::read);
                if (b >= 0) {
                    bytes.increment();
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int off, int len) throws IOException {
                int n = guarded(() -> super.read(buffer, off, len));
                if (n > 0) {
                    bytes.increment(n);
                }
                return n;
            }

            private int guarded(Call<Integer> read) throws IOException {
                try {
                    return read.run();
                } catch (IOException | RuntimeException e) {
                    Counter.builder("ipfs.node.stream.failures").description("cat streams that failed while read")
                            .tag("outcome", outcome(e)).register(registry).increment();
                    throw e;
                }
            }
        };
    }

    @Override
    public FileStat stat(String path) throws IOException {
        return timed("stat", () -> node.stat(path));
    }

    @Override
    public List<DirectoryEntry> ls(String path) throws IOException {
        return timed("ls", () -> node.ls(path));
    }

    @Override
    public String resolve(String path) throws IOException {
        return timed("resolve", () -> node.resolve(path));
    }

    @Override
    public void pin(String path) throws IOException {
        timed("pin", () -> {
            node.pin(path);
            return null;
        });
    }

    @Override
    public void ping() throws IOException {
        node.ping();
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
