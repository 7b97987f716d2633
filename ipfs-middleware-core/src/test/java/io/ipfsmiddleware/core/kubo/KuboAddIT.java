package io.ipfsmiddleware.core.kubo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipfsmiddleware.core.node.IpfsUnavailableException;
import io.ipfsmiddleware.testkit.KuboNode;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link KuboClient#add} and the MFS calls against a real offline kubo 0.43. */
class KuboAddIT {
    private static KuboNode kubo;
    private static KuboClient client;

    @TempDir
    Path work;

    @BeforeAll
    static void start() {
        kubo = KuboNode.start();
        client = KuboClient.builder(kubo.apiUri()).build();
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.close();
        }
        if (kubo != null) {
            kubo.close();
        }
    }

    private Path tree() throws Exception {
        Path tree = work.resolve("tree");
        Files.createDirectories(tree.resolve("alpine/blobs/sha256"));
        Files.createDirectories(tree.resolve("empty dir"));
        Files.writeString(tree.resolve("alpine/oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
        byte[] big = new byte[3 * 1024 * 1024 + 17];
        new Random(7).nextBytes(big);
        Files.write(tree.resolve("alpine/blobs/sha256/big"), big);
        Files.writeString(tree.resolve("alpine/odd name+%*ü.txt"), "odd");
        Files.write(tree.resolve("alpine/empty"), new byte[0]);
        return tree;
    }

    @Test
    void addGivesTheCidOfIpfsAddRecursiveCidV1RawLeaves() throws Exception {
        Path tree = tree();
        List<Long> progress = new CopyOnWriteArrayList<>();
        AddResult result = client.add(tree, AddOptions.pinned().withProgress(progress::add));
        String expected = kubo.run("add", "-r", "-Q", "--cid-version", "1", "--raw-leaves", tree.toString()).strip();
        assertEquals(expected, result.root());
        assertEquals("tree", result.entries().get(result.entries().size() - 1).name());
        assertTrue(result.entries().stream().anyMatch(e -> e.name().equals("tree/alpine/odd name+%*ü.txt")),
                result.entries().toString());
        assertTrue(result.bytesSent() > 3 * 1024 * 1024, "bytes sent " + result.bytesSent());
        assertEquals(result.bytesSent(), progress.get(progress.size() - 1));
        assertTrue(kubo.run("pin", "ls", "--type", "recursive").contains(result.root()));
    }

    @Test
    void wrappedAddReturnsTheWrappingDirectory() throws Exception {
        Path tree = tree();
        AddResult result = client.add(tree, new AddOptions(false, true, n -> { }));
        assertEquals("", result.entries().get(result.entries().size() - 1).name());
        assertEquals(client.stat("/ipfs/" + result.root() + "/tree").cid(),
                client.add(tree, AddOptions.unpinned()).root());
    }

    @Test
    void mfsCopyOfATreeAndOneMoreFileGivesTheCidOfAddingTheWholeTree() throws Exception {
        Path tree = tree();
        String before = client.add(tree, AddOptions.unpinned()).root();
        Path extra = work.resolve("extra");
        Files.createDirectories(extra);
        Files.writeString(extra.resolve("new"), "new blob");
        String extraCid = client.add(extra, AddOptions.unpinned()).root();
        String mfs = "/kubo-add-it";
        client.filesCopy("/ipfs/" + before, mfs);
        client.filesCopy("/ipfs/" + extraCid + "/new", mfs + "/alpine/blobs/sha256/new");
        String after = client.stat(mfs).cid();
        client.filesRemove(mfs);
        Files.writeString(tree.resolve("alpine/blobs/sha256/new"), "new blob");
        assertEquals(client.add(tree, AddOptions.unpinned()).root(), after);
        client.pin(after);
        client.unpin(after);
        client.unpin(after);
    }

    @Test
    void aNodeThatIsDownIsReportedAsUnavailable() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (KuboClient down = KuboClient.builder(URI.create("http://127.0.0.1:" + port)).build()) {
            Path tree = tree();
            IpfsUnavailableException e = assertThrows(IpfsUnavailableException.class,
                    () -> down.add(tree, AddOptions.pinned()));
            assertTrue(e.getMessage().contains("cannot connect") || e.getMessage().contains("connection"),
                    e.getMessage());
        }
    }
}
