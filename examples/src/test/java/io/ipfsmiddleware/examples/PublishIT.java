package io.ipfsmiddleware.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ipfsmiddleware.testkit.ImageManifest;
import io.ipfsmiddleware.testkit.KuboNode;
import io.ipfsmiddleware.testkit.OciImages;
import io.ipfsmiddleware.testkit.OciLayout;
import io.ipfsmiddleware.testkit.OciLayoutBuilder;
import io.ipfsmiddleware.testkit.Platform;
import io.ipfsmiddleware.testkit.ProcessRunner;
import io.ipfsmiddleware.testkit.Skopeo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar ipfs-registry.jar publish} end to end: every source kind is published to a
 * real kubo node by the jar (run as a process, as a user runs it), then pulled back through the
 * example registry with skopeo and crane.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublishIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path work;

    KuboNode kubo;
    TestRegistry registry;
    OciLayout alpine;
    OciLayout multi;
    int runs;

    @BeforeAll
    void start() throws Exception {
        alpine = OciImages.alpine(work.resolve("src/alpine"));
        multi = OciImages.multiPlatform(work.resolve("src/multi"));
        kubo = KuboNode.start();
        registry = TestRegistry.start(RegistryServer.Container.JETTY, kubo.apiMultiaddr(), "");
    }

    @AfterAll
    void stop() throws Exception {
        if (registry != null) {
            registry.close();
        }
        if (kubo != null) {
            kubo.close();
        }
    }

    PublishJar.Run publish(String... args) throws Exception {
        return publishWithStdin(null, args);
    }

    PublishJar.Run publishWithStdin(Path stdin, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--api", kubo.apiMultiaddr(), "--json"));
        return PublishJar.run(work.resolve("run-" + runs++), stdin, all.toArray(String[]::new));
    }

    String ref(String cid, String nameAndTag) {
        return registry.host() + "/ipfs/" + cid + "/" + nameAndTag;
    }

    /** crane and skopeo both see {@code digest} at {@code ref}, and skopeo copies every platform unchanged. */
    void assertPulled(String ref, String digest) {
        assertEquals(digest, Tools.crane("digest", "--insecure", ref).trim());
        Path out = work.resolve("pulled-" + runs++);
        Skopeo.locate().copy("docker://" + ref, Skopeo.oci(out, "x"), Skopeo.CopyOption.ALL,
                Skopeo.CopyOption.PRESERVE_DIGESTS);
        assertEquals(digest, OciLayout.read(out).tag("x").digest());
    }

    @Test
    void anOciLayoutIsPublishedAndPulledBackWithItsDigests() throws Exception {
        Path tree = work.resolve("tree-oci");
        PublishJar.Run run = publish("oci:" + alpine.directory() + ":3.10.1",
                "--name", "alpine:3.10.1", "oci:" + multi.directory(), "--name", "team/multi", "--tree", tree.toString());
        JsonNode json = run.json();
        String cid = json.path("cid").asText();
        assertTrue(cid.startsWith("bafy"), cid);
        assertPulled(ref(cid, "alpine:3.10.1"), alpine.tag("3.10.1").digest());
        assertPulled(ref(cid, "team/multi:3.10.1"), multi.tag("3.10.1").digest());
        assertPulled(ref(cid, "team/multi:latest"), multi.tag("latest").digest());
        assertEquals(ref(cid, "alpine:3.10.1").replace(registry.host(), "localhost:5000"),
                json.path("images").get(0).path("reference").asText());
        // Deterministic: the same sources give the same CID, which is what `ipfs add -r --cid-version 1` gives.
        assertEquals(cid, publish("oci:" + alpine.directory() + ":3.10.1", "--name", "alpine:3.10.1",
                "oci:" + multi.directory(), "--name", "team/multi").cid());
        assertEquals(cid, kubo.addDirectory(tree));
        assertEquals(cid, kubo.run("add", "-r", "-Q", "--cid-version", "1", "--raw-leaves", tree.toString()).strip());
    }

    @Test
    void textOutputIsTheCidThenPullReferencesFromTheConfig() throws Exception {
        Path config = work.resolve("config.yml");
        Files.writeString(config, "http:\n  addr: :5123\nmiddleware:\n  repository:\n    - name: ipfs\n      options:\n"
                + "        ipfsapiaddress: " + kubo.apiMultiaddr() + "\n");
        PublishJar.Run run = PublishJar.run(work.resolve("run-" + runs++), null, "oci:" + alpine.directory() + ":3.9",
                "--name", "alpine", "--config", config.toString());
        assertEquals(0, run.exit(), run.stderr());
        List<String> lines = run.stdout().lines().toList();
        assertEquals(List.of(lines.get(0), "localhost:5123/ipfs/" + lines.get(0) + "/alpine:3.9"), lines);
        assertEquals("", run.stderr(), "quiet when stdout is not a terminal");
    }

    @Test
    void aPlatformIsPickedFromAnIndex() throws Exception {
        String cid = publish("oci:" + multi.directory() + ":3.10.1", "--name", "arm:3.10.1", "--platform",
                "linux/arm64").cid();
        assertPulled(ref(cid, "arm:3.10.1"), multi.tag("3.10.1").manifest(Platform.LINUX_ARM64).digest());
        String error = publish("oci:" + multi.directory() + ":3.10.1", "--name", "s390:1", "--platform", "linux/s390x")
                .error(1);
        assertTrue(error.contains("no image for platform linux/s390x") && error.contains("linux/arm64/v8"), error);
    }

    @Test
    void anOciArchiveIsPublished() throws Exception {
        Path archive = work.resolve("alpine-oci.tar");
        Skopeo.locate().copy(Skopeo.oci(alpine.directory(), "3.10.1"), "oci-archive:" + archive + ":3.10.1");
        String cid = publish("oci-archive:" + archive, "--name", "alpine:3.10.1").cid();
        assertPulled(ref(cid, "alpine:3.10.1"), alpine.tag("3.10.1").digest());
    }

    @Test
    void aDocker25SaveArchiveIsPublishedWithItsTags() throws Exception {
        OciLayout saved = OciImages.dockerSave(work.resolve("docker25"));
        Path archive = work.resolve("docker25.tar");
        ProcessRunner.runChecked(List.of("tar", "-C", saved.directory().toString(), "-cf", archive.toString(), "."),
                Map.of(), Duration.ofMinutes(1));
        String cid = publish("docker-archive:" + archive, "--name", "alpine").cid();
        assertPulled(ref(cid, "alpine:3.10.1"), saved.tag("3.10.1").digest());
        assertPulled(ref(cid, "alpine:latest"), saved.tag("latest").digest());
    }

    /**
     * The classic {@code docker save} format keeps no manifest, so a converted image cannot have
     * the source's manifest digest. What must survive is the content: the config (its digest is
     * the image ID) and each layer's diff_id; and the image must unpack and its busybox run.
     */
    @Test
    void aClassicDockerSaveArchiveFromStdinKeepsConfigAndDiffIdsAndRuns() throws Exception {
        Path archive = work.resolve("classic.tar");
        Skopeo.locate().copy(Skopeo.oci(alpine.directory(), "3.10.1"), "docker-archive:" + archive + ":alpine:3.10.1");
        PublishJar.Run run = publishWithStdin(archive, "docker-archive:-", "--name", "classic:3.10.1");
        String ref = ref(run.cid(), "classic:3.10.1");
        ImageManifest source = alpine.tag("3.10.1").manifests().get(0);
        JsonNode config = JSON.readTree(Tools.crane("config", "--insecure", ref));
        List<String> diffIds = new ArrayList<>();
        config.path("rootfs").path("diff_ids").forEach(d -> diffIds.add(d.asText()));
        assertEquals(source.diffIds(), diffIds);
        JsonNode manifest = JSON.readTree(Tools.crane("manifest", "--insecure", ref));
        assertEquals(source.config().digest(), manifest.path("config").path("digest").asText());
        assertEquals(run.json().path("images").get(0).path("digest").asText(),
                Tools.crane("digest", "--insecure", ref).trim());
        Path rootfs = work.resolve("classic-rootfs");
        Files.createDirectories(rootfs);
        Path exported = work.resolve("classic-export.tar");
        Tools.crane("export", "--insecure", ref, exported.toString());
        ProcessRunner.runChecked(List.of("tar", "-C", rootfs.toString(), "-xf", exported.toString()), Map.of(),
                Duration.ofMinutes(1));
        String echoed = ProcessRunner.runChecked(List.of(rootfs.resolve("bin/busybox").toString(), "echo", "runs"),
                Map.of(), Duration.ofSeconds(30)).stdoutText();
        assertEquals("runs", echoed.strip());
        // Converting twice gives the same manifest, hence the same CID.
        assertEquals(run.cid(), publishWithStdin(archive, "docker-archive:-", "--name", "classic:3.10.1").cid());
    }

    @Test
    void anImageInARegistryIsPulledAndPublished() throws Exception {
        try (DistributionRegistry source = DistributionRegistry.start(work.resolve("distribution"))) {
            String host = source.url().substring("http://".length());
            Skopeo.locate().copy(Skopeo.oci(multi.directory(), "3.10.1"), "docker://" + host + "/lib/multi:3.10.1",
                    Skopeo.CopyOption.ALL, Skopeo.CopyOption.PRESERVE_DIGESTS);
            String cid = publish("docker://" + host + "/lib/multi:3.10.1", "--name", "multi:3.10.1").cid();
            assertPulled(ref(cid, "multi:3.10.1"), multi.tag("3.10.1").digest());
            String missing = publish("docker://" + host + "/lib/nothing:1", "--name", "x:1").error(1);
            assertTrue(missing.contains("HTTP 404"), missing);
        }
    }

    @Test
    void intoAddsAnImageWithoutResendingWhatTheTreeHas() throws Exception {
        // Two images sharing the busybox layer (about 1 MiB) but not their seeded random layer.
        OciLayout first = OciLayoutBuilder.at(work.resolve("into/first")).seed(1).image("1").build();
        OciLayout second = OciLayoutBuilder.at(work.resolve("into/second")).seed(2).image("2").build();
        JsonNode one = publish("oci:" + first.directory(), "--name", "first").json();
        JsonNode both = publish("oci:" + second.directory(), "--name", "second", "--into", one.path("cid").asText())
                .json();
        String cid = both.path("cid").asText();
        assertNotEquals(one.path("cid").asText(), cid);
        assertPulled(ref(cid, "first:1"), first.tag("1").digest());
        assertPulled(ref(cid, "second:2"), second.tag("2").digest());
        // The second run sent the whole second image: its name is new to the tree.
        // Adding a tag to an existing name sends only the blobs that name does not have yet.
        OciLayout firstAgain = OciLayoutBuilder.at(work.resolve("into/first2")).seed(3).image("2").build();
        JsonNode third = publish("oci:" + firstAgain.directory(), "--name", "first", "--into", cid).json();
        long sharedBusybox = first.tag("1").manifests().get(0).layers().get(0).size();
        assertTrue(third.path("blobsSkipped").asInt() >= 1, third.toString());
        assertTrue(third.path("bytesSent").asLong() < firstAgain.totalBlobSize() - sharedBusybox / 2, third.toString());
        String merged = third.path("cid").asText();
        assertPulled(ref(merged, "first:1"), first.tag("1").digest());
        assertPulled(ref(merged, "first:2"), firstAgain.tag("2").digest());
        assertPulled(ref(merged, "second:2"), second.tag("2").digest());
        // The merged tree is exactly what one run publishing everything gives.
        assertEquals(merged, publish("oci:" + first.directory(), "--name", "first", "oci:" + firstAgain.directory(),
                "--name", "first", "oci:" + second.directory(), "--name", "second").cid());
    }
}
