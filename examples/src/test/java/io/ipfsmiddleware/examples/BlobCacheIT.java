package io.ipfsmiddleware.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ipfsmiddleware.testkit.Descriptor;
import io.ipfsmiddleware.testkit.KuboNode;
import io.ipfsmiddleware.testkit.OciImages;
import io.ipfsmiddleware.testkit.OciLayout;
import io.ipfsmiddleware.testkit.Skopeo;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The disk blob cache and the metadata cache in the example registry (Jetty), with a real kubo
 * node and real clients: a warm pull needs no node, one cold blob is read from IPFS once however
 * many clients ask, a damaged cache file is never served, and the size bound holds.
 */
class BlobCacheIT {
    @TempDir
    Path work;

    private record Setup(KuboNode kubo, TestRegistry registry, String cid, OciLayout layout, Path cache)
            implements AutoCloseable {
        String ref(String tag) {
            return registry.host() + "/ipfs/" + cid + "/alpine:" + tag;
        }

        String blobUrl(String digest) {
            return registry.url() + "/v2/ipfs/" + cid + "/alpine/blobs/" + digest;
        }

        Descriptor largestBlob() {
            return layout.blobs().values().stream().max(Comparator.comparingLong(Descriptor::size)).orElseThrow();
        }

        @Override
        public void close() throws IOException {
            try {
                registry.close();
            } finally {
                kubo.close();
            }
        }
    }

    private Setup start(String maxSize) throws Exception {
        OciLayout layout = OciImages.alpine(work.resolve("images/alpine"));
        KuboNode kubo = KuboNode.start();
        String cid = kubo.addDirectory(work.resolve("images"));
        Path cache = work.resolve("cache");
        TestRegistry registry = TestRegistry.start(RegistryServer.Container.JETTY, kubo.apiMultiaddr(), "",
                Map.of("cachedirectory", cache.toString(), "cachemaxsize", maxSize));
        return new Setup(kubo, registry, cid, layout, cache);
    }

    @Test
    void aWarmPullMakesNoCallToTheNodeAndWorksWithKuboStopped() throws Exception {
        try (Setup s = start("1GiB")) {
            Tools.crane("pull", "--insecure", s.ref("3.10.1"), work.resolve("cold.tar").toString());
            long cold = s.registry.stats().path("nodeCalls").asLong();
            assertTrue(cold > 0);

            Tools.crane("pull", "--insecure", s.ref("3.10.1"), work.resolve("warm.tar").toString());
            JsonNode warm = s.registry.stats();
            assertEquals(cold, warm.path("nodeCalls").asLong(), "a warm pull must not call the node: " + warm);
            assertArrayEquals(Files.readAllBytes(work.resolve("cold.tar")), Files.readAllBytes(work.resolve("warm.tar")));

            s.kubo.stop();
            Tools.crane("pull", "--insecure", s.ref("3.10.1"), work.resolve("nokubo.tar").toString());
            Path out = work.resolve("skopeo-out");
            Skopeo.locate().copy("docker://" + s.ref("3.10.1"), Skopeo.oci(out, "x"));
            assertEquals(s.layout.tag("3.10.1").digest(), OciLayout.read(out).tag("x").digest());
            assertTrue(s.registry.stats().path("blobHits").asLong() >= 8, s.registry.stats().toString());
        }
    }

    @Test
    void twentyParallelGetsOfAColdBlobReadItFromIpfsOnce() throws Exception {
        try (Setup s = start("1GiB")) {
            Descriptor blob = s.largestBlob();
            byte[] expected = s.layout.readBlob(blob.digest());
            Http.get(s.blobUrl(blob.digest()), "Range", "bytes=0-0"); // stat cached; the range reads 1 byte
            long before = s.registry.stats().path("blobReadsFromIpfs").asLong();
            ExecutorService pool = Executors.newFixedThreadPool(20);
            try {
                List<Future<HttpResponse<byte[]>>> gets = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    gets.add(pool.submit(() -> Http.get(s.blobUrl(blob.digest()))));
                }
                for (Future<HttpResponse<byte[]>> get : gets) {
                    HttpResponse<byte[]> response = get.get(60, TimeUnit.SECONDS);
                    assertEquals(200, response.statusCode());
                    assertArrayEquals(expected, response.body());
                }
            } finally {
                pool.shutdownNow();
            }
            JsonNode stats = s.registry.stats();
            assertEquals(before + 1, stats.path("blobReadsFromIpfs").asLong(), stats.toString());
        }
    }

    @Test
    void aCachedBlobDamagedOnDiskIsNeverServedAndIsFetchedAgain() throws Exception {
        try (Setup s = start("1GiB")) {
            Descriptor blob = s.largestBlob();
            byte[] expected = s.layout.readBlob(blob.digest());
            assertArrayEquals(expected, Http.get(s.blobUrl(blob.digest())).body());
            Path entry = s.cache.resolve("blobs/sha256/" + blob.hex());
            awaitFile(entry, blob.size());
            byte[] damaged = Files.readAllBytes(entry);
            damaged[damaged.length / 2] ^= 1;
            Files.write(entry, damaged);

            byte[] served = null;
            try {
                served = Http.get(s.blobUrl(blob.digest())).body();
            } catch (IOException aborted) {
                // the registry aborted the response before its last byte: what we want
            }
            if (served != null) {
                assertNotEquals(Http.sha256(expected), Http.sha256(served), "a damaged blob was served whole");
                assertTrue(served.length < expected.length);
            }
            assertFalse(Files.exists(entry) && Files.size(entry) == blob.size()
                    && java.util.Arrays.equals(Files.readAllBytes(entry), damaged), "the damaged file is deleted");
            assertEquals(1, s.registry.stats().path("blobCorruptions").asLong());

            assertArrayEquals(expected, Http.get(s.blobUrl(blob.digest())).body());
            assertEquals(2, s.registry.stats().path("blobMisses").asLong(), "fetched from IPFS again");
        }
    }

    @Test
    void evictionKeepsTheCacheWithinItsBound() throws Exception {
        long bound = 2_600_000; // the image layers take 3.1 MB: they cannot all stay
        OciImages.multiPlatform(work.resolve("images/multi"));
        try (Setup s = start(Long.toString(bound))) {
            Tools.crane("pull", "--insecure", s.ref("3.10.1"), work.resolve("a.tar").toString());
            assertTrue(directoryBytes(s.cache.resolve("blobs")) <= bound);
            for (String platform : List.of("linux/amd64", "linux/arm64")) {
                Tools.crane("pull", "--insecure", "--platform", platform,
                        s.registry.host() + "/ipfs/" + s.cid + "/multi:3.10.1", work.resolve("m.tar").toString());
                assertTrue(directoryBytes(s.cache.resolve("blobs")) <= bound, "cache over its bound");
            }
            JsonNode stats = s.registry.stats();
            assertTrue(stats.path("blobEvictions").asLong() > 0, stats.toString());
            assertTrue(stats.path("blobCacheBytes").asLong() <= bound, stats.toString());
        }
    }

    static void awaitFile(Path file, long size) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!(Files.exists(file) && Files.size(file) == size)) {
            assertTrue(System.nanoTime() < deadline, "no cache entry " + file);
            Thread.sleep(20);
        }
    }

    static long directoryBytes(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
