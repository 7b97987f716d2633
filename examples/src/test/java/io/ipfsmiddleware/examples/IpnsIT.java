package io.ipfsmiddleware.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipfsmiddleware.testkit.DohServer;
import io.ipfsmiddleware.testkit.KuboNode;
import io.ipfsmiddleware.testkit.OciImages;
import io.ipfsmiddleware.testkit.OciLayout;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names that move: an IPNS key published on another host, a DNSLink domain and an ENS-style
 * {@code .eth} name, all resolved by the registry's own kubo node. DNS answers come from a
 * DNS-over-HTTPS server the test runs on loopback, which kubo is configured to use
 * ({@code DNS.Resolvers}) and to trust ({@code SSL_CERT_FILE}).
 */
class IpnsIT {
    @TempDir
    Path work;

    @Test
    void tagsFollowTheNamesCurrentTarget() throws Exception {
        OciLayout first = OciImages.alpine(work.resolve("v1/alpine"));
        OciLayout second = OciImages.multiPlatform(work.resolve("v2/alpine"));
        try (DohServer dns = DohServer.start();
                KuboNode a = KuboNode.builder().offline(false).host("127.0.0.2").start();
                KuboNode b = KuboNode.builder().offline(false).host("127.0.0.3")
                        .config("DNS.Resolvers", "{\"test.\":\"" + dns.url() + "\",\"eth.\":\"" + dns.url() + "\"}")
                        .environment("SSL_CERT_FILE", dns.certificatePem().toString())
                        .start()) {
            b.peerWith(a);
            String cid1 = a.addDirectory(work.resolve("v1"));
            String cid2 = a.addDirectory(work.resolve("v2"));
            String key = a.run("key", "list", "-l", "--ipns-base", "base36").lines().map(String::strip)
                    .map(l -> l.split("\\s+")).filter(f -> f.length == 2 && f[1].equals("self"))
                    .findFirst().orElseThrow()[0];
            a.run("name", "publish", "--key=self", "--ttl=1s", "/ipfs/" + cid1);
            dns.setTxt("_dnslink.example.test", "dnslink=/ipfs/" + cid1);
            dns.setTxt("_dnslink.example.eth", "dnslink=/ipfs/" + cid1);
            try (TestRegistry r = TestRegistry.start(RegistryServer.Container.JETTY, b.apiMultiaddr(), "",
                    "        ipnsttl: 1s\n")) {
                String byKey = r.host() + "/ipns/" + key + "/alpine:3.10.1";
                String byDomain = r.host() + "/ipns/example.test/alpine:3.10.1";
                String byEth = r.host() + "/example.eth/alpine:3.10.1";
                String oldDigest = first.tag("3.10.1").digest();
                String newDigest = second.tag("3.10.1").digest();
                assertEquals(oldDigest, Tools.crane("digest", "--insecure", byKey).trim());
                assertEquals(oldDigest, Tools.crane("digest", "--insecure", byDomain).trim());
                assertEquals(oldDigest, Tools.crane("digest", "--insecure", byEth).trim());
                Tools.crane("pull", "--insecure", byKey, work.resolve("by-key.tar").toString());

                a.run("name", "publish", "--key=self", "--ttl=1s", "/ipfs/" + cid2);
                dns.setTxt("_dnslink.example.test", "dnslink=/ipfs/" + cid2);
                awaitDigest(byKey, newDigest);
                awaitDigest(byDomain, newDigest);
                // The .eth record was not changed, so its target must not have moved.
                assertEquals(oldDigest, Tools.crane("digest", "--insecure", byEth).trim());

                String missing = Http.assertError(Http.get(r.url() + "/v2/ipns/nothing.test/alpine/tags/list"), 404,
                        "NAME_UNKNOWN");
                assertTrue(missing.contains("/ipns/nothing.test"), missing);
            }
        }
    }

    private static void awaitDigest(String ref, String expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String seen = "";
        while (System.nanoTime() < deadline) {
            seen = Tools.crane("digest", "--insecure", ref).trim();
            if (seen.equals(expected)) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError(ref + " still points at " + seen + ", expected " + expected);
    }
}
