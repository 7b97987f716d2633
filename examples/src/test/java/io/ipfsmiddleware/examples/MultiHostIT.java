package io.ipfsmiddleware.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipfsmiddleware.testkit.KuboNode;
import io.ipfsmiddleware.testkit.OciImages;
import io.ipfsmiddleware.testkit.OciLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "One person adds, the world pulls", across hosts on this machine: three online kubo nodes,
 * each on its own loopback address (127.0.0.2-4), that know each other only through the swarm.
 * The middleware is configured with nothing but its own node's API address.
 */
class MultiHostIT {
    @TempDir
    Path work;

    @Test
    void publisherAddsRegistriesPullEvenAfterThePublisherLeaves() throws Exception {
        OciLayout layout = OciImages.alpine(work.resolve("images/alpine"));
        String digest = layout.tag("3.10.1").digest();
        try (KuboNode b = KuboNode.builder().offline(false).host("127.0.0.3").start();
                KuboNode c = KuboNode.builder().offline(false).host("127.0.0.4").start()) {
            String cid;
            try (KuboNode a = KuboNode.builder().offline(false).host("127.0.0.2").start()) {
                cid = a.addDirectory(work.resolve("images"));
                b.peerWith(a);
                assertTrue(b.run("refs", "local").lines().noneMatch(cid::equals), "B must not have the content yet");
                try (TestRegistry r = TestRegistry.start(RegistryServer.Container.JETTY, b.apiMultiaddr(),
                        "", "        pin: true\n")) {
                    String ref = r.host() + "/ipfs/" + cid + "/alpine:3.10.1";
                    assertEquals(digest, Tools.crane("digest", "--insecure", ref).trim());
                    Tools.crane("pull", "--insecure", ref, work.resolve("via-b.tar").toString());
                    awaitPins(b, layout);
                }
            }
            // The publisher is gone: B still serves what it pulled and pinned.
            try (TestRegistry r = TestRegistry.start(RegistryServer.Container.JETTY, b.apiMultiaddr(), "", "")) {
                String ref = r.host() + "/ipfs/" + cid + "/alpine:3.10.1";
                Tools.crane("pull", "--insecure", ref, work.resolve("via-b-again.tar").toString());
                assertEquals(Files.size(work.resolve("via-b.tar")), Files.size(work.resolve("via-b-again.tar")));
            }
            // A registry on C, which knows only B, pulls the same image from B.
            c.peerWith(b);
            try (TestRegistry r = TestRegistry.start(RegistryServer.Container.TOMCAT, c.apiMultiaddr(), "", "")) {
                String ref = r.host() + "/ipfs/" + cid + "/alpine:3.10.1";
                assertEquals(digest, Tools.crane("digest", "--insecure", ref).trim());
                Tools.crane("pull", "--insecure", ref, work.resolve("via-c.tar").toString());
                assertEquals(Files.size(work.resolve("via-b.tar")), Files.size(work.resolve("via-c.tar")));
            }
        }
    }

    /** Pinning runs in the background; wait (bounded) until every layer of the image is pinned on B. */
    private static void awaitPins(KuboNode node, OciLayout layout) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        var layers = layout.tag("3.10.1").manifests().get(0).layers();
        String pins = "";
        while (System.nanoTime() < deadline) {
            pins = node.run("pin", "ls", "--type=recursive", "--quiet");
            long pinned = pins.lines().count();
            if (pinned >= layers.size() + 3) { // layers, config, manifest, index.json (+ oci-layout)
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the pulled content was not pinned on the registry's node; pins:\n" + pins);
    }
}
