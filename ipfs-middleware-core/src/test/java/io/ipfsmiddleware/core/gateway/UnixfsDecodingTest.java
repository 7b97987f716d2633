package io.ipfsmiddleware.core.gateway;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipfsmiddleware.core.cid.Cid;
import io.ipfsmiddleware.core.node.DirectoryEntry;
import io.ipfsmiddleware.core.node.FileStat;
import io.ipfsmiddleware.core.node.IpfsNodeException;
import io.ipfsmiddleware.core.node.IpfsNotFoundException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Reading UnixFS from blocks the real kubo wrote (see resources/gateway/make-blocks.sh). */
class UnixfsDecodingTest {
    private static final Properties ROOTS = FixtureBlocks.properties("roots.properties");
    private final FixtureBlocks fixtures = FixtureBlocks.fromResources();
    private final GatewayNode node = fixtures.node(4);

    private static String root(String name) {
        return "/ipfs/" + ROOTS.getProperty(name);
    }

    private static byte[] seq(int last) {
        return IntStream.rangeClosed(1, last).mapToObj(i -> i + "\n").collect(Collectors.joining())
                .getBytes(StandardCharsets.US_ASCII);
    }

    private byte[] cat(String path, long offset, long length) throws Exception {
        try (InputStream in = node.cat(path, offset, length)) {
            return in.readAllBytes();
        }
    }

    @Test
    void everyBlockKuboWroteVerifiesAgainstItsCid() throws Exception {
        assertTrue(fixtures.blocks.size() > 400);
        for (var e : fixtures.blocks.entrySet()) {
            BlockVerifier.verify(e.getKey(), e.getValue());
        }
    }

    @Test
    void smallFileInADirectory() throws Exception {
        assertArrayEquals("hello\n".getBytes(StandardCharsets.US_ASCII), cat(root("tree") + "/hello.txt", 0, -1));
        FileStat stat = node.stat(root("tree") + "/hello.txt");
        assertEquals(6, stat.size());
        assertFalse(stat.directory());
        assertTrue(node.stat(root("tree") + "/sub").directory());
    }

    @Test
    void chunkedFileWithRawLeavesTwoLevelsDeep() throws Exception {
        byte[] expected = seq(5000);
        String path = root("tree") + "/sub/numbers.txt";
        assertEquals(expected.length, node.stat(path).size());
        assertArrayEquals(expected, cat(path, 0, -1));
        for (long[] r : new long[][] {{0, 1}, {99, 2}, {100, 100}, {12345, 5000}, {expected.length - 7, 100},
            {17400, 300}}) {
            int to = (int) Math.min(expected.length, r[0] + r[1]);
            assertArrayEquals(Arrays.copyOfRange(expected, (int) r[0], to), cat(path, r[0], r[1]),
                    "range " + r[0] + "+" + r[1]);
        }
        assertEquals(0, cat(path, expected.length + 10, 5).length);
    }

    @Test
    void rangeReadsFetchOnlyTheBlocksUnderTheRange() throws Exception {
        FixtureBlocks counted = FixtureBlocks.fromResources();
        GatewayNode unprefetched = counted.node(0);
        String path = root("tree") + "/sub/numbers.txt";
        try (InputStream in = unprefetched.cat(path, 20000, 50)) {
            assertEquals(50, in.readAllBytes().length);
        }
        // directory, sub, file root, one inner node, one leaf (the 100-byte chunk holding 20000-20049)
        assertEquals(5, counted.fetches.get());
        try (InputStream in = unprefetched.cat(path, 0, -1)) {
            in.readAllBytes();
        }
        assertTrue(counted.fetches.get() > 200, "whole file fetched " + counted.fetches.get());
    }

    @Test
    void chunkedFileWithDagPbLeaves() throws Exception {
        assertArrayEquals(seq(1000), cat(root("pbleaves"), 0, -1));
        assertArrayEquals(Arrays.copyOfRange(seq(1000), 990, 2010), cat(root("pbleaves"), 990, 1020));
    }

    @Test
    void directoryWithCidV0Links() throws Exception {
        List<DirectoryEntry> entries = node.ls(root("v0dir"));
        assertEquals(1, entries.size());
        assertEquals("hello.txt", entries.get(0).name());
        assertTrue(entries.get(0).cid().startsWith("bafybei"), entries.get(0).cid()); // v0 link printed as v1
        assertArrayEquals("hello\n".getBytes(StandardCharsets.US_ASCII), cat(root("v0dir") + "/hello.txt", 0, -1));
    }

    @Test
    void hamtShardedDirectoryLookupAndListing() throws Exception {
        Properties expected = FixtureBlocks.properties("hamt-entries.properties");
        assertEquals(1000, expected.size());
        UnixfsDag.Loaded dir = new UnixfsDag(new BlockStore(fixtures, 1 << 20, java.time.Duration.ofSeconds(5)))
                .resolve(root("hamt"));
        assertEquals(UnixfsData.Type.HAMT_SHARD, dir.unixfs().type());
        for (String name : expected.stringPropertyNames()) {
            assertEquals("/ipfs/" + expected.getProperty(name), node.resolve(root("hamt") + "/" + name), name);
        }
        Map<String, String> listed = new TreeMap<>();
        for (DirectoryEntry e : node.ls(root("hamt"))) {
            listed.put(e.name(), e.cid());
        }
        assertEquals(new TreeMap<>(expected), listed);
        IpfsNotFoundException absent = assertThrows(IpfsNotFoundException.class,
                () -> node.stat(root("hamt") + "/f1000"));
        assertTrue(absent.getMessage().contains("no link named \"f1000\""), absent.getMessage());
    }

    @Test
    void absentNamesAndFilesUsedAsDirectoriesAreNotFound() {
        assertThrows(IpfsNotFoundException.class, () -> node.stat(root("tree") + "/nothere"));
        IpfsNotFoundException below = assertThrows(IpfsNotFoundException.class,
                () -> node.stat(root("tree") + "/hello.txt/x"));
        assertTrue(below.getMessage().contains("it is a file"), below.getMessage());
        IpfsNodeException dir = assertThrows(IpfsNodeException.class, () -> node.cat(root("tree"), 0, -1));
        assertTrue(dir.getMessage().contains("is a directory"), dir.getMessage());
    }

    @Test
    void ipnsIsRefusedWithTheReason() {
        IpfsNodeException e = assertThrows(IpfsNodeException.class,
                () -> node.resolve("/ipns/k51qzi5uqu5dlvj2baxnqndepeb86cbk3ng7n3i46uzyxzyqj2xjonzllnv0v8"));
        assertTrue(e.getMessage().contains("IPNS") && e.getMessage().contains("ipfsapiaddress"), e.getMessage());
    }

    @Test
    void identityCidsNeedNoFetch() throws Exception {
        byte[] content = "hi".getBytes(StandardCharsets.US_ASCII);
        Cid identity = Cid.decode(new byte[] {1, 0x55, 0, 2, 'h', 'i'});
        assertArrayEquals(content, cat("/ipfs/" + identity, 0, -1));
        assertEquals(0, fixtures.fetches.get());
    }
}
