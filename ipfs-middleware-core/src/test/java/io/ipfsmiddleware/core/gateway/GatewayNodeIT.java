package io.ipfsmiddleware.core.gateway;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipfsmiddleware.core.kubo.KuboClient;
import io.ipfsmiddleware.core.node.DirectoryEntry;
import io.ipfsmiddleware.core.node.FileStat;
import io.ipfsmiddleware.core.node.IpfsNotFoundException;
import io.ipfsmiddleware.core.node.IpfsTimeoutException;
import io.ipfsmiddleware.core.node.IpfsUnavailableException;
import io.ipfsmiddleware.testkit.GatewayProxy;
import io.ipfsmiddleware.testkit.KuboNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway backend against kubo's own gateway as the trustless gateway (offline node, random
 * port): the same answers as the RPC backend on the same node, range reads, failover past a dead
 * gateway and past one that sends a wrong block (a {@link GatewayProxy} fault: kubo never does).
 */
class GatewayNodeIT {
    @TempDir
    static Path work;
    static KuboNode kubo;
    static KuboClient rpc;
    static String root;
    static byte[] big;

    @BeforeAll
    static void start() throws Exception {
        Path dir = Files.createDirectories(work.resolve("tree/sub"));
        big = new byte[3 * 1024 * 1024 + 12345];
        new Random(7).nextBytes(big);
        Files.write(dir.resolve("big.bin"), big);
        Files.writeString(work.resolve("tree/hello.txt"), "hello\n");
        kubo = KuboNode.start();
        root = kubo.addDirectory(work.resolve("tree"));
        rpc = KuboClient.builder(kubo.apiUri()).deadline(Duration.ofSeconds(20)).build();
    }

    @AfterAll
    static void stop() {
        if (rpc != null) {
            rpc.close();
        }
        if (kubo != null) {
            kubo.close();
        }
    }

    static GatewayNode gateways(URI... uris) {
        return GatewayNode.builder(List.of(uris)).requestTimeout(Duration.ofSeconds(5))
                .deadline(Duration.ofSeconds(20)).build();
    }

    static byte[] read(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    @Test
    void answersAsTheRpcBackendDoes() throws Exception {
        try (GatewayNode node = gateways(kubo.gatewayUri())) {
            for (String p : List.of("", "/sub", "/sub/big.bin", "/hello.txt")) {
                FileStat viaRpc = rpc.stat("/ipfs/" + root + p);
                assertEquals(viaRpc, node.stat("/ipfs/" + root + p), p);
            }
            List<String> names = node.ls("/ipfs/" + root).stream().map(DirectoryEntry::name).toList();
            assertEquals(rpc.ls("/ipfs/" + root).stream().map(DirectoryEntry::name).toList(), names);
            assertEquals(rpc.resolve("/ipfs/" + root + "/sub/big.bin"), node.resolve("/ipfs/" + root + "/sub/big.bin"));
            String path = "/ipfs/" + root + "/sub/big.bin";
            assertArrayEquals(big, read(node.cat(path, 0, -1)));
            for (long[] r : new long[][] {{0, 10}, {262143, 2}, {1_000_000, 500_000}, {big.length - 5, 100}}) {
                assertArrayEquals(read(rpc.cat(path, r[0], r[1])), read(node.cat(path, r[0], r[1])),
                        "range " + Arrays.toString(r));
            }
            assertThrows(IpfsNotFoundException.class, () -> node.stat("/ipfs/" + root + "/nothere"));
        }
    }

    @Test
    void aRangeFetchesOnlyItsBlocks() throws Exception {
        try (GatewayProxy proxy = GatewayProxy.start(kubo.gatewayUri());
                GatewayNode node = GatewayNode.builder(List.of(proxy.uri())).prefetch(0).build()) {
            byte[] part = read(node.cat("/ipfs/" + root + "/sub/big.bin", 2_000_000, 1000));
            assertArrayEquals(Arrays.copyOfRange(big, 2_000_000, 2_001_000), part);
            // root dir, sub, the file's root, one 256 KiB leaf
            assertEquals(4, proxy.requests().size(), proxy.requests().toString());
            assertTrue(proxy.requests().stream().allMatch(r -> r.endsWith("?format=raw")), proxy.requests().toString());
        }
    }

    @Test
    void aWrongBlockIsRejectedAndTheNextGatewayUsed() throws Exception {
        String leafCid = rpc.stat("/ipfs/" + root + "/hello.txt").cid();
        try (GatewayProxy liar = GatewayProxy.start(kubo.gatewayUri());
                GatewayProxy honest = GatewayProxy.start(kubo.gatewayUri())) {
            liar.corrupt(leafCid);
            try (GatewayNode node = gateways(liar.uri(), honest.uri())) {
                assertArrayEquals("hello\n".getBytes(), read(node.cat("/ipfs/" + root + "/hello.txt", 0, -1)));
            }
            assertEquals(List.of(leafCid), liar.corrupted());
            assertEquals(1, honest.requests().size(), honest.requests().toString());
            try (GatewayNode onlyTheLiar = gateways(liar.uri())) {
                IpfsUnavailableException e = assertThrows(IpfsUnavailableException.class,
                        () -> read(onlyTheLiar.cat("/ipfs/" + root + "/hello.txt", 0, -1)));
                assertTrue(e.getMessage().contains("hashes to") && e.getMessage().contains(leafCid), e.getMessage());
            }
        }
    }

    @Test
    void aDeadOrSilentGatewayIsSkipped() throws Exception {
        int deadPort;
        try (ServerSocket s = new ServerSocket(0)) {
            deadPort = s.getLocalPort();
        }
        try (ServerSocket silent = new ServerSocket(0)) { // accepts, never answers
            URI dead = URI.create("http://127.0.0.1:" + deadPort + "/");
            URI mute = URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/");
            try (GatewayNode node = GatewayNode.builder(List.of(dead, mute, kubo.gatewayUri()))
                    .requestTimeout(Duration.ofMillis(500)).build()) {
                assertEquals(6, node.stat("/ipfs/" + root + "/hello.txt").size());
            }
            try (GatewayNode onlyMute = GatewayNode.builder(List.of(mute)).requestTimeout(Duration.ofMillis(300))
                    .build()) {
                IpfsTimeoutException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                        () -> assertThrows(IpfsTimeoutException.class, () -> onlyMute.stat("/ipfs/" + root)));
                assertTrue(e.getMessage().contains("no answer within 300 ms"), e.getMessage());
            }
        }
    }
}
