package io.ipfsmiddleware.core.gateway;

import io.ipfsmiddleware.core.node.IpfsNodeException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.codec.digest.MurmurHash3;

/**
 * HAMT-sharded UnixFS directories (type HAMTShard), as kubo writes large directories.
 *
 * <p>A shard with fanout {@code F} (a power of two) has one link per occupied slot. Link names
 * start with the slot number in uppercase hex, padded to the width of {@code F-1}: a name of just
 * that prefix is a child shard, a longer one is the entry named by the rest. An entry's slot at
 * each level is taken from the bits of the 64-bit murmur3-x64-64 hash of its name (the first half
 * of murmur3 x64-128, seed 0, big-endian), most significant first, log2(F) bits per level.
 */
final class HamtShard {
    /** Multihash code of murmur3-x64-64, the only HAMT hash UnixFS defines. */
    static final long MURMUR3_X64_64 = 0x22;

    private HamtShard() {
    }

    static Optional<DagPb.Link> find(UnixfsDag dag, UnixfsDag.Loaded shard, String name, String path)
            throws IOException {
        int bits = check(shard);
        int pad = padding(shard.unixfs().fanout());
        long hash = MurmurHash3.hash128x64(name.getBytes(StandardCharsets.UTF_8))[0];
        UnixfsDag.Loaded current = shard;
        for (int consumed = 0; ; consumed += bits) {
            if (consumed + bits > Long.SIZE) {
                throw UnixfsData.invalid(current.cid(), "HAMT shards nest deeper than the 64-bit hash of \"" + name
                        + "\" allows", null);
            }
            long slot = (hash >>> (Long.SIZE - consumed - bits)) & ((1L << bits) - 1);
            String prefix = String.format(Locale.ROOT, "%0" + pad + "X", slot);
            DagPb.Link next = null;
            for (DagPb.Link link : current.node().links()) {
                if (link.name().startsWith(prefix)) {
                    if (link.name().length() == pad) {
                        next = link;
                        break;
                    }
                    if (link.name().substring(pad).equals(name)) {
                        return Optional.of(new DagPb.Link(link.cid(), name, link.tsize()));
                    }
                }
            }
            if (next == null) {
                return Optional.empty();
            }
            UnixfsDag.Loaded child = dag.load(next.cid(), path);
            if (child.isRaw() || child.unixfs().type() != UnixfsData.Type.HAMT_SHARD
                    || child.unixfs().fanout() != shard.unixfs().fanout()) {
                throw UnixfsData.invalid(current.cid(), "link " + prefix + " should be a HAMT shard with fanout "
                        + shard.unixfs().fanout() + ", but " + next.cid() + " is not", null);
            }
            current = child;
        }
    }

    static void collect(UnixfsDag dag, UnixfsDag.Loaded shard, String path, List<DagPb.Link> out, int depth)
            throws IOException {
        int bits = check(shard);
        if ((depth + 1) * bits > Long.SIZE) {
            throw UnixfsData.invalid(shard.cid(), "HAMT shards nest deeper than a 64-bit hash allows", null);
        }
        int pad = padding(shard.unixfs().fanout());
        for (DagPb.Link link : shard.node().links()) {
            if (link.name().length() < pad) {
                throw UnixfsData.invalid(shard.cid(), "HAMT link name \"" + link.name() + "\" is shorter than its "
                        + pad + "-digit slot", null);
            }
            if (link.name().length() == pad) {
                UnixfsDag.Loaded child = dag.load(link.cid(), path);
                if (child.isRaw() || child.unixfs().type() != UnixfsData.Type.HAMT_SHARD) {
                    throw UnixfsData.invalid(shard.cid(), "link " + link.name() + " should be a HAMT shard", null);
                }
                collect(dag, child, path, out, depth + 1);
            } else {
                out.add(new DagPb.Link(link.cid(), link.name().substring(pad), link.tsize()));
            }
        }
    }

    /** @return log2 of the fanout, after checking the shard's parameters */
    private static int check(UnixfsDag.Loaded shard) throws IpfsNodeException {
        UnixfsData fs = shard.unixfs();
        if (fs.hashType() != MURMUR3_X64_64) {
            throw UnixfsData.invalid(shard.cid(), "HAMT hash function 0x" + Long.toHexString(fs.hashType())
                    + " is not murmur3-x64-64 (0x22), the only one UnixFS defines", null);
        }
        long fanout = fs.fanout();
        if (fanout < 2 || fanout > 4096 || Long.bitCount(fanout) != 1) {
            throw UnixfsData.invalid(shard.cid(), "HAMT fanout " + fanout + " is not a power of two from 2 to 4096",
                    null);
        }
        return Long.numberOfTrailingZeros(fanout);
    }

    private static int padding(long fanout) {
        return Long.toHexString(fanout - 1).length();
    }
}
