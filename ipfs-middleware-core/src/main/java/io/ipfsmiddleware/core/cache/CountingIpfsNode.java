package io.ipfsmiddleware.core.cache;

import io.ipfsmiddleware.core.node.DirectoryEntry;
import io.ipfsmiddleware.core.node.FileStat;
import io.ipfsmiddleware.core.node.IpfsNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** Counts the calls made to a node, so the caches' effect can be seen ({@link CacheStats#nodeCalls()}). */
public final class CountingIpfsNode implements IpfsNode {
    private final IpfsNode node;
    private final CacheCounters counters;

    /**
     * @param node the node to call
     * @param counters where to count
     */
    public CountingIpfsNode(IpfsNode node, CacheCounters counters) {
        this.node = node;
        this.counters = counters;
    }

    @Override
    public InputStream cat(String path, long offset, long length) throws IOException {
        counters.nodeCalls.increment();
        counters.nodeCats.increment();
        return node.cat(path, offset, length);
    }

    @Override
    public InputStream readFile(String path, long offset, long length) throws IOException {
        counters.nodeCalls.increment();
        counters.nodeCats.increment();
        return node.readFile(path, offset, length);
    }

    @Override
    public FileStat stat(String path) throws IOException {
        counters.nodeCalls.increment();
        return node.stat(path);
    }

    @Override
    public List<DirectoryEntry> ls(String path) throws IOException {
        counters.nodeCalls.increment();
        return node.ls(path);
    }

    @Override
    public String resolve(String path) throws IOException {
        counters.nodeCalls.increment();
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
