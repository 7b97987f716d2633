package io.ipfsmiddleware.core.kubo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.ipfsmiddleware.core.node.DirectoryEntry;
import io.ipfsmiddleware.core.node.FileStat;
import io.ipfsmiddleware.core.node.IpfsNodeException;
import io.ipfsmiddleware.core.node.IpfsNotFoundException;
import io.ipfsmiddleware.core.node.IpfsTimeoutException;
import io.ipfsmiddleware.core.node.IpfsUnavailableException;
import java.io.File;
import io.ipfsmiddleware.testkit.KuboNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * {@link KuboClient} against a real, offline kubo in a temp repo, plus fake servers for the
 * faults real kubo cannot be made to show on demand (a stall, malformed JSON).
 */
class KuboClientIT {
    private static final Duration DEADLINE = Duration.ofSeconds(10);
    private static KuboNode kubo;
    private static KuboClient client;
    private static Path content;
    private static String root;
    private static byte[] numbers;
    private static byte[] big;

    @BeforeAll
    static void startKubo() throws Exception {
        kubo = KuboNode.start();
        client = KuboClient.builder(Multiaddr.apiBaseUri(kubo.apiMultiaddr())).deadline(DEADLINE).build();
        content = Files.createTempDirectory("kubo-it-content");
        Path dir = Files.createDirectories(content.resolve("d"));
        Files.writeString(dir.resolve("a.txt"), "hello\n");
        numbers = seq(1000).getBytes(StandardCharsets.US_ASCII);
        Files.write(Files.createDirectories(dir.resolve("sub")).resolve("b.txt"), numbers);
        big = new byte[1_000_000];
        new Random(42).nextBytes(big);
        Files.write(dir.resolve("big.bin"), big);
        // 256 KiB chunks, so big.bin spans four leaf blocks
        root = ipfs("add", "-r", "-Q", "--cid-version", "1", "--chunker", "size-262144", dir.toString());
    }

    @AfterAll
    static void stopKubo() throws IOException {
        if (client != null) {
            client.close();
        }
        if (kubo != null) {
            kubo.close();
        }
        deleteTree(content);
    }

    @Test
    void catsWholeFiles() throws IOException {
        assertArrayEquals(numbers, readAll(client.cat("/ipfs/" + root + "/sub/b.txt", 0, -1)));
        assertArrayEquals(big, readAll(client.cat("/ipfs/" + root + "/big.bin", 0, -1)));
    }

    @Test
    void catsByteRanges() throws IOException {
        String b = "/ipfs/" + root + "/sub/b.txt";
        assertArrayEquals(Arrays.copyOfRange(numbers, 10, 30), readAll(client.cat(b, 10, 20)));
        assertArrayEquals(Arrays.copyOfRange(numbers, 100, numbers.length), readAll(client.cat(b, 100, -1)));
        assertArrayEquals(Arrays.copyOfRange(numbers, 3000, numbers.length), readAll(client.cat(b, 3000, 10_000)));
        assertEquals(0, readAll(client.cat(b, numbers.length + 5, 10)).length);
        // across the boundary between the first and second 256 KiB leaf
        assertArrayEquals(Arrays.copyOfRange(big, 262_000, 263_000),
                readAll(client.cat("/ipfs/" + root + "/big.bin", 262_000, 1000)));
    }

    @Test
    void statsFilesAndDirectories() throws IOException {
        String aCid = ipfs("add", "-n", "-Q", "--cid-version", "1", content.resolve("d/a.txt").toString());
        assertEquals(new FileStat(aCid, 6, false), client.stat("/ipfs/" + root + "/a.txt"));
        assertEquals(new FileStat(root, 0, true), client.stat("/ipfs/" + root));
        assertEquals(big.length, client.stat("/ipfs/" + root + "/big.bin").size());
    }

    @Test
    void listsDirectories() throws IOException {
        List<DirectoryEntry> entries = client.ls("/ipfs/" + root);
        assertEquals(List.of("a.txt", "big.bin", "sub"), entries.stream().map(DirectoryEntry::name).toList());
        Map<String, DirectoryEntry> byName = entries.stream()
                .collect(Collectors.toMap(DirectoryEntry::name, e -> e));
        String subCid = ipfs("add", "-r", "-n", "-Q", "--cid-version", "1",
                content.resolve("d/sub").toString());
        assertEquals(subCid, byName.get("sub").cid());
        assertEquals(client.stat("/ipfs/" + root + "/big.bin").cid(), byName.get("big.bin").cid());
        // size=false: kubo knows the size only of a raw leaf (a.txt); big.bin is a dag-pb file
        assertEquals(6, byName.get("a.txt").size());
        assertEquals(-1, byName.get("big.bin").size());
        assertEquals(-1, byName.get("sub").size());
        assertEquals(List.of(new DirectoryEntry("b.txt", client.stat("/ipfs/" + subCid + "/b.txt").cid(),
                numbers.length)), client.ls("/ipfs/" + subCid));
        assertEquals(List.of(), client.ls("/ipfs/" + root + "/a.txt"), "kubo lists a file as empty");
    }

    @Test
    void resolvesIpfsAndIpnsPaths() throws IOException {
        String bCid = client.stat("/ipfs/" + root + "/sub/b.txt").cid();
        assertEquals("/ipfs/" + bCid, client.resolve("/ipfs/" + root + "/sub/b.txt"));
        assertEquals("/ipfs/" + root, client.resolve("/ipfs/" + root));
        String key = ipfs("name", "publish", "--allow-offline", "-Q", "/ipfs/" + root);
        assertEquals("/ipfs/" + bCid, client.resolve("/ipns/" + key + "/sub/b.txt"));
    }

    @Test
    void missingPathIsNotFoundAtOnce() {
        String path = "/ipfs/" + root + "/nope.txt";
        long start = System.nanoTime();
        for (Executable call : List.<Executable>of(() -> client.cat(path, 0, -1), () -> client.stat(path),
                () -> client.ls(path), () -> client.resolve(path))) {
            IpfsNotFoundException e = assertThrows(IpfsNotFoundException.class, call);
            assertTrue(e.getMessage().contains(path), e.getMessage());
            // kubo 0.43.1: HTTP 500 {"Message":"no link named \"nope.txt\" under bafy…","Code":0,"Type":"error"}
            assertTrue(e.getMessage().contains("no link named \"nope.txt\" under " + root), e.getMessage());
        }
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(2));
        assertThrows(IpfsNotFoundException.class, () -> client.cat("/ipfs/" + root + "/a.txt/deeper", 0, -1));
        assertThrows(IpfsNotFoundException.class, () -> client.stat("/ipfs/not-a-cid"));
        assertThrows(IpfsNotFoundException.class, () -> client.resolve("/ipns/k51qzi5uqu5dlvj2baxnqndepeb86cbk3ng7n3i46uzyxzyqj2xjonzllnv0v8"));
    }

    /** An offline kubo says at once that it lacks the block; an online one would search until our deadline. */
    @Test
    void absentCidOnOfflineNodeIsNotFound() throws IOException {
        Path other = content.resolve("never-added.txt");
        Files.writeString(other, "never added " + System.nanoTime());
        String cid = ipfs("add", "-n", "-Q", "--cid-version", "1", other.toString());
        IpfsNotFoundException e = assertThrows(IpfsNotFoundException.class, () -> client.cat("/ipfs/" + cid, 0, -1));
        assertTrue(e.getMessage().contains("block was not found locally (offline)"), e.getMessage());
        assertThrows(IpfsNotFoundException.class, () -> client.stat("/ipfs/" + cid));
    }

    @Test
    void catOfDirectoryQuotesKubo() {
        IpfsNodeException e = assertThrows(IpfsNodeException.class, () -> client.cat("/ipfs/" + root, 0, -1));
        assertTrue(e.getMessage().contains("this dag node is a directory"), e.getMessage());
    }

    /** Kubo answers 200, streams the first leaf, then hits the removed block and only sets a trailer. */
    @Test
    void streamEndedEarlyByKuboIsAnError() throws IOException {
        Path file = content.resolve("broken.bin");
        byte[] unique = new byte[600_000]; // shares no leaf with pinned content, so a leaf can be removed
        new Random(7).nextBytes(unique);
        Files.write(file, unique);
        String cid = ipfs("add", "-Q", "--pin=false", "--cid-version", "1", "--chunker", "size-262144",
                file.toString());
        String secondLeaf = ipfs("refs", cid).lines().skip(1).findFirst().orElseThrow();
        ipfs("block", "rm", secondLeaf);
        try (InputStream in = client.cat("/ipfs/" + cid, 0, -1)) {
            IpfsNodeException e = assertThrows(IpfsNodeException.class, in::readAllBytes);
            assertTrue(e.getMessage().contains("after 262144 of 600000 bytes"), e.getMessage());
        }
    }

    @Test
    void nodeDownIsUnavailable() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        try (KuboClient down = KuboClient.builder(Multiaddr.apiBaseUri("/ip4/127.0.0.1/tcp/" + port)).build()) {
            IpfsUnavailableException e = assertThrows(IpfsUnavailableException.class, () -> down.stat("/ipfs/" + root));
            assertTrue(e.getMessage().contains("127.0.0.1:" + port), e.getMessage());
            assertTrue(e.getMessage().contains("ipfs daemon"), e.getMessage());
            assertEquals("kubo RPC at http://127.0.0.1:" + port, down.describe());
        }
    }

    /**
     * Real kubo cannot be made to stall on demand, so a fake server does: once before sending
     * headers, once after sending part of a body. Both must end in IpfsTimeoutException soon after
     * the deadline, never hang.
     */
    @Test
    void deadlineIsEnforcedBeforeHeadersAndBetweenReads() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (FakeServer fake = new FakeServer(exchange -> {
            if (exchange.getRequestURI().getPath().endsWith("/stat")) {
                await(release); // never answers
                return;
            }
            exchange.getResponseHeaders().add("X-Content-Length", "100");
            exchange.sendResponseHeaders(200, 0);
            exchange.getResponseBody().write(new byte[10]);
            exchange.getResponseBody().flush();
            await(release); // stalls mid-body
        }); KuboClient slow = KuboClient.builder(fake.uri()).deadline(Duration.ofMillis(300)).build()) {
            assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
                IpfsTimeoutException e = assertThrows(IpfsTimeoutException.class, () -> slow.stat("/ipfs/x/y"));
                assertTrue(e.getMessage().contains("/ipfs/x/y") && e.getMessage().contains("300 ms"), e.getMessage());
                try (InputStream in = slow.cat("/ipfs/x/z", 0, -1)) {
                    assertEquals(10, in.readNBytes(10).length);
                    long start = System.nanoTime();
                    e = assertThrows(IpfsTimeoutException.class, in::read);
                    assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(250));
                    assertTrue(e.getMessage().contains("/ipfs/x/z"), e.getMessage());
                }
            });
        } finally {
            release.countDown();
        }
    }

    @Test
    void unexpectedAnswersAreClearErrors() throws Exception {
        try (FakeServer fake = new FakeServer(exchange -> {
            String cmd = exchange.getRequestURI().getPath().replace("/api/v0/", "");
            switch (cmd) {
                case "files/stat" -> respond(exchange, 200, "application/json", "{\"Hash\": \"bafy\", \"Size\":");
                case "ls" -> respond(exchange, 200, "application/json", "{\"Nothing\": []}");
                case "resolve" -> respond(exchange, 200, "text/html", "<html>hello</html>");
                default -> respond(exchange, 404, "text/plain", "404 page not found");
            }
        }); KuboClient odd = KuboClient.builder(fake.uri()).build()) {
            IpfsUnavailableException e = assertThrows(IpfsUnavailableException.class, () -> odd.stat("/ipfs/x"));
            assertTrue(e.getMessage().contains("malformed JSON"), e.getMessage());
            e = assertThrows(IpfsUnavailableException.class, () -> odd.ls("/ipfs/x"));
            assertTrue(e.getMessage().contains("no \"Objects\" array"), e.getMessage());
            e = assertThrows(IpfsUnavailableException.class, () -> odd.resolve("/ipfs/x"));
            assertTrue(e.getMessage().contains("malformed JSON"), e.getMessage());
            e = assertThrows(IpfsUnavailableException.class, () -> odd.cat("/ipfs/x", 0, -1));
            assertTrue(e.getMessage().contains("HTTP 404") && e.getMessage().contains("404 page not found")
                    && e.getMessage().contains("ipfs daemon"), e.getMessage());
        }
    }

    @Test
    void otherKuboErrorsAreNodeExceptionsAndQueryIsEncoded() throws Exception {
        List<String> queries = new CopyOnWriteArrayList<>();
        try (FakeServer fake = new FakeServer(exchange -> {
            queries.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawQuery());
            respond(exchange, 500, "application/json", "{\"Message\":\"something odd\",\"Code\":0,\"Type\":\"error\"}");
        }); KuboClient odd = KuboClient.builder(fake.uri()).build()) {
            IpfsNodeException e = assertThrows(IpfsNodeException.class, () -> odd.cat("/ipfs/x/a b&c=d", 5, 7));
            assertTrue(e.getMessage().contains("\"something odd\""), e.getMessage());
        }
        assertEquals(List.of("POST arg=%2Fipfs%2Fx%2Fa%20b%26c%3Dd&offset=5&length=7"), queries);
    }

    // ---------------------------------------------------------------- helpers

    private static byte[] readAll(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Like {@code seq 1 n}. */
    private static String seq(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            sb.append(i).append('\n');
        }
        return sb.toString();
    }

    /** A JDK HttpServer on a random loopback port. */
    private static final class FakeServer implements AutoCloseable {
        interface Handler {
            void handle(HttpExchange exchange) throws IOException;
        }

        private final HttpServer server;
        private final ExecutorService threads = Executors.newCachedThreadPool();

        FakeServer(Handler handler) throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                try {
                    handler.handle(exchange);
                } finally {
                    exchange.close();
                }
            });
            server.setExecutor(threads);
            server.start();
        }

        URI uri() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        }

        @Override
        public void close() {
            server.stop(0);
            threads.shutdownNow();
        }
    }

    /**
     * A minimal offline kubo in a temp repo (the testkit's KuboNode will replace this). Ports are
     * chosen by the OS: with {@code Addresses.API = /ip4/127.0.0.1/tcp/0} kubo 0.43.1 writes the
     * port it really bound to {@code $IPFS_PATH/api}.
     */

    /** Runs the ipfs CLI against the node; its output without the trailing newline. */
    private static String ipfs(String... args) {
        return kubo.run(args).strip();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
