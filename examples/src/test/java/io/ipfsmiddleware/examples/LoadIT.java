package io.ipfsmiddleware.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipfsmiddleware.testkit.Descriptor;
import io.ipfsmiddleware.testkit.KuboNode;
import io.ipfsmiddleware.testkit.OciImages;
import io.ipfsmiddleware.testkit.OciLayout;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bounded load test on loopback: many concurrent clients for a fixed time, mixing tag lists,
 * manifests by tag and digest, whole blobs, ranges, and requests for absent content. Every
 * answer is checked against the source layout; the test fails on any wrong answer and prints
 * the figures. CI runs a short version ({@code -Dload.clients=50 -Dload.seconds=10} by default);
 * {@code bench/load.sh} runs the full one (200 clients, 60 s).
 */
class LoadIT {
    private static final int CLIENTS = Integer.getInteger("load.clients", 50);
    private static final int SECONDS = Integer.getInteger("load.seconds", 10);

    @TempDir
    Path work;

    @Test
    void concurrentMixedRequestsGetOnlyRightAnswers() throws Exception {
        OciLayout layout = OciImages.alpine(work.resolve("images/alpine"));
        try (KuboNode kubo = KuboNode.start();
                TestRegistry registry = TestRegistry.start(RegistryServer.Container.JETTY, kubo.apiMultiaddr(), "")) {
            String cid = kubo.addDirectory(work.resolve("images"));
            String base = registry.url() + "/v2/ipfs/" + cid + "/alpine";
            String manifestDigest = layout.tag("3.10.1").digest();
            List<Descriptor> layers = layout.tag("3.10.1").manifests().get(0).layers();
            Map<String, byte[]> blobs = new ConcurrentHashMap<>();
            for (Descriptor layer : layers) {
                blobs.put(layer.digest(), layout.readBlob(layer.digest()));
            }
            byte[] manifest = layout.readBlob(manifestDigest);

            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(8)).build();
            LongAdder requests = new LongAdder();
            LongAdder wrong = new LongAdder();
            LongAdder bytes = new LongAdder();
            AtomicLong maxHeap = new AtomicLong();
            List<String> firstWrong = new java.util.concurrent.CopyOnWriteArrayList<>();
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            List<java.util.concurrent.Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                clients.add(pool.submit(() -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    while (System.nanoTime() < end) {
                        String check;
                        try {
                            check = oneRequest(client, random, base, manifestDigest, manifest, blobs, bytes);
                        } catch (Exception e) {
                            check = "exception " + e;
                        }
                        requests.increment();
                        if (check != null) {
                            wrong.increment();
                            if (firstWrong.size() < 5) {
                                firstWrong.add(check);
                            }
                        }
                        maxHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    }
                    return null;
                }));
            }
            for (var future : clients) {
                future.get(SECONDS + 120L, TimeUnit.SECONDS);
            }
            pool.shutdown();
            System.gc();
            long heapAfter = memory.getHeapMemoryUsage().getUsed();
            System.out.printf("load: %d clients, %d s: %d requests (%.0f/s), %d MiB transferred, %d wrong; "
                    + "max heap used %d MiB, after GC %d MiB%n", CLIENTS, SECONDS, requests.sum(),
                    requests.sum() / (double) SECONDS, bytes.sum() >> 20, wrong.sum(), maxHeap.get() >> 20,
                    heapAfter >> 20);
            assertEquals(0, wrong.sum(), () -> "wrong answers, e.g. " + firstWrong);
            assertTrue(requests.sum() > CLIENTS, "the load test made too few requests: " + requests.sum());
            assertTrue(heapAfter < 512L << 20, "heap after the run: " + (heapAfter >> 20) + " MiB");
        }
    }

    /** Makes one random request; returns null when the answer is right, else what was wrong. */
    private static String oneRequest(HttpClient client, ThreadLocalRandom random, String base, String manifestDigest,
            byte[] manifest, Map<String, byte[]> blobs, LongAdder bytes) throws Exception {
        List<String> digests = new ArrayList<>(blobs.keySet());
        String blobDigest = digests.get(random.nextInt(digests.size()));
        byte[] blob = blobs.get(blobDigest);
        switch (random.nextInt(7)) {
            case 0: {
                HttpResponse<byte[]> r = get(client, base + "/tags/list", null);
                return r.statusCode() == 200 && new String(r.body()).contains("\"3.10.1\"") ? null : "tags " + r.statusCode();
            }
            case 1: {
                HttpResponse<byte[]> r = get(client, base + "/manifests/3.10.1", null);
                return r.statusCode() == 200 && Arrays.equals(manifest, r.body()) ? null : "manifest by tag " + r.statusCode();
            }
            case 2: {
                HttpResponse<byte[]> r = get(client, base + "/manifests/" + manifestDigest, null);
                return r.statusCode() == 200 && Arrays.equals(manifest, r.body()) ? null : "manifest by digest";
            }
            case 3: {
                HttpResponse<byte[]> r = get(client, base + "/blobs/" + blobDigest, null);
                bytes.add(r.body().length);
                return r.statusCode() == 200 && Arrays.equals(blob, r.body()) ? null : "blob " + r.statusCode();
            }
            case 4: {
                int first = random.nextInt(blob.length);
                int last = Math.min(blob.length - 1, first + random.nextInt(64 * 1024));
                HttpResponse<byte[]> r = get(client, base + "/blobs/" + blobDigest, "bytes=" + first + "-" + last);
                bytes.add(r.body().length);
                return r.statusCode() == 206 && Arrays.equals(Arrays.copyOfRange(blob, first, last + 1), r.body())
                        ? null : "range " + r.statusCode();
            }
            case 5: {
                HttpResponse<byte[]> r = get(client, base + "/manifests/no-such-tag", null);
                return r.statusCode() == 404 && new String(r.body()).contains("MANIFEST_UNKNOWN") ? null
                        : "absent manifest " + r.statusCode();
            }
            default: {
                HttpResponse<byte[]> r = get(client, base + "/blobs/sha256:" + "0".repeat(64), null);
                return r.statusCode() == 404 && new String(r.body()).contains("BLOB_UNKNOWN") ? null
                        : "absent blob " + r.statusCode();
            }
        }
    }

    private static HttpResponse<byte[]> get(HttpClient client, String url, String range) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
        if (range != null) {
            request.header("Range", range);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
