package io.ipfsmiddleware.core.gateway;

import io.ipfsmiddleware.core.cid.Cid;
import io.ipfsmiddleware.core.cid.InvalidCidException;
import io.ipfsmiddleware.core.node.DirectoryEntry;
import io.ipfsmiddleware.core.node.IpfsNodeException;
import io.ipfsmiddleware.core.node.IpfsNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * UnixFS over verified blocks: loads and decodes nodes, walks {@code /ipfs/<cid>/a/b} one segment
 * at a time through plain and HAMT-sharded directories, lists directories and sizes files.
 */
final class UnixfsDag {
    /** Deepest file tree or shard nesting followed; real trees are a few levels deep. */
    static final int MAX_DEPTH = 32;

    private final BlockStore blocks;

    UnixfsDag(BlockStore blocks) {
        this.blocks = blocks;
    }

    /** A loaded block: raw bytes, or a dag-pb node with its UnixFS data. */
    record Loaded(Cid cid, byte[] bytes, DagPb.Node node, UnixfsData unixfs) {
        boolean isRaw() {
            return node == null;
        }

        boolean isDirectory() {
            return !isRaw() && unixfs.isDirectory();
        }
    }

    BlockStore blocks() {
        return blocks;
    }

    Loaded load(Cid cid, String path) throws IOException {
        return decode(cid, blocks.get(cid, path));
    }

    static Loaded decode(Cid cid, byte[] bytes) throws IpfsNodeException {
        if (cid.codec() == Cid.RAW) {
            return new Loaded(cid, bytes, null, null);
        }
        DagPb.Node node = DagPb.decode(cid, bytes);
        return new Loaded(cid, bytes, node, UnixfsData.decode(cid, node));
    }

    /** @return the node at {@code path}, loaded ({@link #resolveCid}) */
    Loaded resolve(String path) throws IOException {
        return load(resolveCid(path), path);
    }

    /**
     * Walks the path, loading the directories on the way but not the node at its end.
     *
     * @param path {@code /ipfs/<cid>[/segment…]}
     * @return the CID at the path
     * @throws IpfsNotFoundException if a segment is not in its directory
     */
    Cid resolveCid(String path) throws IOException {
        String[] parts = path.split("/");
        if (path.startsWith("/ipns/")) {
            throw new IpfsNodeException("cannot resolve " + path + " over trustless gateways: IPNS names are not "
                    + "resolved by the gateway backend (unverified records would have to be trusted); use an "
                    + "/ipfs/<cid> name, or configure ipfsapiaddress to read through a node");
        }
        if (parts.length < 3 || !parts[0].isEmpty() || !parts[1].equals("ipfs")) {
            throw new IpfsNotFoundException("'" + path + "' is not an /ipfs/<cid>[/path] path");
        }
        Cid root;
        try {
            root = Cid.parse(parts[2]);
        } catch (InvalidCidException e) {
            throw new IpfsNotFoundException("invalid path " + path + ": " + e.getMessage(), e);
        }
        Cid cid = root;
        StringBuilder walked = new StringBuilder("/ipfs/").append(root);
        for (int i = 3; i < parts.length; i++) {
            String name = parts[i];
            if (name.isEmpty()) {
                continue;
            }
            Loaded current = load(cid, path);
            if (!current.isDirectory()) {
                throw new IpfsNotFoundException("no link named \"" + name + "\" under " + walked + ": it is a file");
            }
            Optional<DagPb.Link> link = child(current, name, path);
            if (link.isEmpty()) {
                throw new IpfsNotFoundException("no link named \"" + name + "\" under " + walked
                        + " (" + current.cid() + ")");
            }
            walked.append('/').append(name);
            cid = link.get().cid();
        }
        return cid;
    }

    /** @return the entry {@code name} of a directory or HAMT shard */
    Optional<DagPb.Link> child(Loaded dir, String name, String path) throws IOException {
        if (dir.unixfs().type() == UnixfsData.Type.HAMT_SHARD) {
            return HamtShard.find(this, dir, name, path);
        }
        for (DagPb.Link link : dir.node().links()) {
            if (link.name().equals(name)) {
                return Optional.of(link);
            }
        }
        return Optional.empty();
    }

    /** @return the entries of a directory, HAMT shards flattened, sizes known for raw leaves only */
    List<DirectoryEntry> list(Loaded dir, String path) throws IOException {
        List<DagPb.Link> links = new ArrayList<>();
        if (dir.unixfs().type() == UnixfsData.Type.HAMT_SHARD) {
            HamtShard.collect(this, dir, path, links, 0);
        } else {
            links.addAll(dir.node().links());
        }
        List<DirectoryEntry> entries = new ArrayList<>(links.size());
        for (DagPb.Link link : links) {
            long size = link.cid().codec() == Cid.RAW ? link.tsize() : -1;
            entries.add(new DirectoryEntry(link.name(), link.cid().toString(), size));
        }
        return List.copyOf(entries);
    }

    /**
     * @return the size of the file at {@code node}, checked against its blocksizes
     * @throws IpfsNodeException if it is not a file or its sizes disagree
     */
    static long fileSize(Loaded node, String path) throws IpfsNodeException {
        if (node.isRaw()) {
            return node.bytes().length;
        }
        UnixfsData fs = node.unixfs();
        if (!fs.isFile()) {
            throw new IpfsNodeException(path + " is a " + fs.type().name().toLowerCase(java.util.Locale.ROOT)
                    + ", not a file");
        }
        if (fs.blocksizes().size() != node.node().links().size()) {
            throw UnixfsData.invalid(node.cid(), "it has " + node.node().links().size() + " links but "
                    + fs.blocksizes().size() + " blocksizes", null);
        }
        long total = fs.data().length;
        try {
            for (long size : fs.blocksizes()) {
                total = Math.addExact(total, size);
            }
        } catch (ArithmeticException e) {
            throw UnixfsData.invalid(node.cid(), "its blocksizes add up to more than any file can hold", e);
        }
        if (fs.filesize() >= 0 && fs.filesize() != total) {
            throw UnixfsData.invalid(node.cid(), "its filesize " + fs.filesize() + " differs from its data plus "
                    + "blocksizes, " + total, null);
        }
        return total;
    }
}
