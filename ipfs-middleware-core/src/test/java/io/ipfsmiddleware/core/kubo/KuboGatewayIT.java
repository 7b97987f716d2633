package io.ipfsmiddleware.core.kubo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipfsmiddleware.core.node.IpfsNotFoundException;
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
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link KuboClient#readFile} through the node's own gateway (real kubo), and finding that gateway
 * from the node's config ({@link GatewayDiscovery}).
 */
class KuboGatewayIT {
    @TempDir
    static Path work;
    static KuboNode kubo;
    static int gatewayPort;
    static String root;
    static byte[] big;

    @BeforeAll
    static void start() throws Exception {
        try (ServerSocket free = new ServerSocket(0)) {
            gatewayPort = free.getLocalPort();
        }
        // the gateway on a fixed port, as on a real node: discoverable from the config
        kubo = KuboNode.builder().config("Addresses.Gateway", "\"/ip4/0.0.0.0/tcp/" + gatewayPort + "\"").start();
        Path dir = Files.createDirectories(work.resolve("d"));
        big = new byte[3_000_000];
        new Random(7).nextBytes(big);
        Files.write(dir.resolve("big file+%41.bin"), big);
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/a.txt"), "a");
        root = kubo.addDirectory(dir);
    }

    @AfterAll
    static void stop() {
        if (kubo != null) {
            kubo.close();
        }
    }

    static KuboClient client(URI gateway) {
        return KuboClient.builder(kubo.apiUri()).deadline(Duration.ofSeconds(10)).gateway(gateway).build();
    }

    static byte[] read(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    @Test
    void theGatewayIsFoundFromTheNodesConfigWithTheWildcardMadeDialable() {
        Optional<URI> found = GatewayDiscovery.discover(kubo.apiUri(), Duration.ofSeconds(2));
        assertEquals(Optional.of(URI.create("http://127.0.0.1:" + gatewayPort)), found);
    }

    @Test
    void wholeFilesAndRangesReadThroughTheGatewayAreTheFilesBytes() throws Exception {
        String path = "/ipfs/" + root + "/big file+%41.bin";
        try (GatewayProxy proxy = GatewayProxy.start(URI.create("http://127.0.0.1:" + gatewayPort + "/"));
                KuboClient client = client(URI.create("http://127.0.0.1:" + gatewayPort))) {
            assertArrayEquals(big, read(client.readFile(path, 0, big.length)));
            assertArrayEquals(big, read(client.readFile(path, 0, -1)));
            assertArrayEquals(Arrays.copyOfRange(big, 1_000_000, 1_000_100),
                    read(client.readFile(path, 1_000_000, 100)));
            assertArrayEquals(Arrays.copyOfRange(big, 2_999_990, big.length), read(client.readFile(path, 2_999_990, -1)));
            // the name reached the gateway as it is (percent-encoded, not reinterpreted)
            try (KuboClient proxied = client(proxy.uri())) {
                assertArrayEquals(big, read(proxied.readFile(path, 0, big.length)));
            }
            assertTrue(proxy.requests().contains("/ipfs/" + root + "/big%20file%2B%2541.bin"), proxy.requests().toString());
        }
    }

    @Test
    void whatTheGatewayWillNotServePlainlyFallsBackToRpcAndItsErrors() throws Exception {
        try (KuboClient client = client(URI.create("http://127.0.0.1:" + gatewayPort))) {
            assertThrows(IpfsNotFoundException.class, () -> read(client.readFile("/ipfs/" + root + "/absent", 0, -1)));
            IOException directory = assertThrows(IOException.class,
                    () -> read(client.readFile("/ipfs/" + root + "/sub", 0, -1)));
            IOException viaCat = assertThrows(IOException.class, () -> read(client.cat("/ipfs/" + root + "/sub", 0, -1)));
            assertEquals(viaCat.getClass(), directory.getClass());
        }
        // a gateway that is not there: RPC cat serves
        int dead;
        try (ServerSocket free = new ServerSocket(0)) {
            dead = free.getLocalPort();
        }
        try (KuboClient client = client(URI.create("http://127.0.0.1:" + dead))) {
            assertArrayEquals(big, read(client.readFile("/ipfs/" + root + "/big file+%41.bin", 0, big.length)));
        }
    }
}
