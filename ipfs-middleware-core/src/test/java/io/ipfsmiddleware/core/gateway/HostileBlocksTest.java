package io.ipfsmiddleware.core.gateway;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipfsmiddleware.core.cid.Cid;
import io.ipfsmiddleware.core.node.IpfsNodeException;
import io.ipfsmiddleware.core.node.IpfsUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Blocks a gateway or a hostile author could send: each gives an error naming the block and what
 * is wrong, never wrong bytes. Cycles cannot be built (a block cannot hold its own hash, and every
 * block is verified), so the depth limit is what bounds a walk.
 */
class HostileBlocksTest {
    private static final int FILE = 2;
    private final FixtureBlocks fixtures = new FixtureBlocks();
    private final GatewayNode node = fixtures.node(2);

    private static void assertMessage(Exception e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "'" + part + "' not in: " + e.getMessage());
        }
    }

    private byte[] cat(Cid cid) throws IOException {
        try (InputStream in = node.cat("/ipfs/" + cid, 0, -1)) {
            return in.readAllBytes();
        }
    }

    @Test
    void wrongBytesForACidAreRejected() throws Exception {
        FixtureBlocks kubo = FixtureBlocks.fromResources();
        Cid dir = Cid.parse(FixtureBlocks.properties("roots.properties").getProperty("tree"));
        byte[] block = kubo.blocks.get(dir).clone();
        block[block.length - 1] ^= 1;
        BlockMismatchException e = assertThrows(BlockMismatchException.class, () -> BlockVerifier.verify(dir, block));
        assertMessage(e, dir.toString(), "hashes to");
    }

    @Test
    void unknownHashFunctionsAreRefused() {
        byte[] blake2b = new byte[4 + 32 + 2];
        blake2b[0] = 1;
        blake2b[1] = 0x55;
        blake2b[2] = (byte) 0xa0; // varint 0xb220, blake2b-256
        blake2b[3] = (byte) 0xe4;
        blake2b[4] = 0x02;
        blake2b[5] = 32;
        Cid cid = Cid.decode(Arrays.copyOf(blake2b, 6 + 32));
        IpfsNodeException e = assertThrows(IpfsNodeException.class, () -> cat(cid));
        assertMessage(e, "multihash function 0xb220", "never used");
        assertTrue(fixtures.fetches.get() == 0, "an unverifiable block was fetched");
    }

    @Test
    void nonUnixfsCodecsAreRefused() {
        Cid cbor = Cid.decode(withCodec(FixtureBlocks.cidOf(0x55, new byte[1]).toBytes(), 0x71));
        assertMessage(assertThrows(IpfsNodeException.class, () -> cat(cbor)), "codec 0x71", "not UnixFS");
    }

    @Test
    void truncatedProtobufIsAnError() throws Exception {
        FixtureBlocks kubo = FixtureBlocks.fromResources();
        Cid dir = Cid.parse(FixtureBlocks.properties("roots.properties").getProperty("tree"));
        byte[] whole = kubo.blocks.get(dir);
        byte[] truncated = Arrays.copyOf(whole, whole.length - 10);
        IpfsNodeException e = assertThrows(IpfsNodeException.class, () -> DagPb.decode(dir, truncated));
        assertMessage(e, dir.toString(), "not valid dag-pb");
        Cid stored = fixtures.put(Cid.DAG_PB, truncated);
        assertMessage(assertThrows(IpfsNodeException.class, () -> node.stat("/ipfs/" + stored)), "not valid dag-pb");
    }

    @Test
    void unknownDagPbFieldsAndMissingUnixfsDataAreErrors() {
        byte[] field3 = FixtureBlocks.write(out -> out.writeUInt64(3, 7));
        Cid odd = fixtures.put(Cid.DAG_PB, field3);
        assertMessage(assertThrows(IpfsNodeException.class, () -> node.stat("/ipfs/" + odd)), "unexpected field 3");
        Cid bare = fixtures.put(Cid.DAG_PB, FixtureBlocks.dagPb(null, List.of()));
        assertMessage(assertThrows(IpfsNodeException.class, () -> node.stat("/ipfs/" + bare)), "no Data");
    }

    @Test
    void hugeDeclaredSizesAreErrors() {
        Cid leaf = fixtures.put(Cid.RAW, "abc".getBytes(StandardCharsets.US_ASCII));
        long huge = Long.MAX_VALUE / 2 + 1;
        byte[] data = FixtureBlocks.unixfs(FILE, null, -1, huge, huge);
        Cid overflow = fixtures.put(Cid.DAG_PB, FixtureBlocks.dagPb(data, List.of(link(leaf), link(leaf))));
        assertMessage(assertThrows(IpfsNodeException.class, () -> node.stat("/ipfs/" + overflow)),
                "more than any file");

        byte[] lying = FixtureBlocks.unixfs(FILE, null, 1L << 40, 1L << 40);
        Cid big = fixtures.put(Cid.DAG_PB, FixtureBlocks.dagPb(lying, List.of(link(leaf))));
        IpfsNodeException e = assertThrows(IpfsNodeException.class, () -> cat(big));
        assertMessage(e, leaf.toString(), "gives it 1099511627776 bytes but it holds 3");

        byte[] unsigned = FixtureBlocks.unixfs(FILE, null, -1, -5L);
        Cid negative = fixtures.put(Cid.DAG_PB, FixtureBlocks.dagPb(unsigned, List.of(link(leaf))));
        assertMessage(assertThrows(IpfsNodeException.class, () -> node.stat("/ipfs/" + negative)),
                "beyond any real file size");
    }

    @Test
    void blocksizesThatDisagreeWithLinksAreErrors() {
        Cid leaf = fixtures.put(Cid.RAW, "abc".getBytes(StandardCharsets.US_ASCII));
        byte[] data = FixtureBlocks.unixfs(FILE, null, 3, 3, 3);
        Cid root = fixtures.put(Cid.DAG_PB, FixtureBlocks.dagPb(data, List.of(link(leaf))));
        assertMessage(assertThrows(IpfsNodeException.class, () -> node.stat("/ipfs/" + root)),
                "1 links but 2 blocksizes");
    }

    @Test
    void treesDeeperThanTheLimitStop() {
        Cid current = fixtures.put(Cid.RAW, "x".getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < UnixfsDag.MAX_DEPTH + 2; i++) {
            byte[] data = FixtureBlocks.unixfs(FILE, null, 1, 1);
            current = fixtures.put(Cid.DAG_PB, FixtureBlocks.dagPb(data, List.of(link(current))));
        }
        Cid top = current;
        assertMessage(assertThrows(IpfsNodeException.class, () -> cat(top)), "deeper than " + UnixfsDag.MAX_DEPTH);
    }

    @Test
    void missingBlocksAreUnavailableNamingThePath() {
        Cid absent = FixtureBlocks.cidOf(Cid.RAW, new byte[] {42});
        IpfsUnavailableException e = assertThrows(IpfsUnavailableException.class, () -> cat(absent));
        assertMessage(e, "/ipfs/" + absent, "fixture lacks block");
    }

    @Test
    void hamtWithAnUnknownHashIsAnError() {
        byte[] data = FixtureBlocks.write(out -> {
            out.writeEnum(1, 5);
            out.writeUInt64(5, 0x11);
            out.writeUInt64(6, 256);
        });
        Cid shard = fixtures.put(Cid.DAG_PB, FixtureBlocks.dagPb(data, List.of()));
        assertMessage(assertThrows(IpfsNodeException.class, () -> node.stat("/ipfs/" + shard + "/x")),
                "HAMT hash function 0x11");
    }

    private static DagPb.Link link(Cid cid) {
        return new DagPb.Link(cid, "", 0);
    }

    private static byte[] withCodec(byte[] cid, int codec) {
        byte[] copy = cid.clone();
        copy[1] = (byte) codec;
        return copy;
    }

}
