package io.ipfsmiddleware.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KuboNodeTest {

    @TempDir
    Path tmp;

    @Test
    void missingBinaryTellsHowToInstallKubo() {
        Path bogus = tmp.resolve("no-such-ipfs");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> KuboNode.builder().ipfsBinary(bogus).start());
        assertTrue(e.getMessage().contains(bogus.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(".ci/install-kubo.sh"), e.getMessage());
    }

    @Test
    void daemonThatExitsEarlyIsReportedWithItsLog() throws Exception {
        Path fake = fakeIpfs("echo 'Error: boom, the repo is broken' >&2; exit 1");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> KuboNode.builder().ipfsBinary(fake).startupTimeout(Duration.ofSeconds(20)).start());
        assertTrue(e.getMessage().contains("exited with code 1"), e.getMessage());
        assertTrue(e.getMessage().contains("boom, the repo is broken"), e.getMessage());
    }

    @Test
    void daemonThatNeverAnswersTimesOut() throws Exception {
        Path fake = fakeIpfs("echo 'Initializing daemon...'; exec sleep 30");
        long start = System.nanoTime();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> KuboNode.builder().ipfsBinary(fake).startupTimeout(Duration.ofSeconds(1)).start());
        assertTrue(e.getMessage().contains("did not become ready within PT1S"), e.getMessage());
        assertTrue(e.getMessage().contains("Initializing daemon..."), e.getMessage());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 15, "bounded wait");
    }

    /** A stand-in for ipfs: {@code init} writes an empty config, {@code daemon} runs the given script. */
    private Path fakeIpfs(String daemonScript) throws Exception {
        Path fake = tmp.resolve("fake-ipfs");
        Files.writeString(fake, "#!/bin/sh\n"
                + "case \"$1\" in\n"
                + "  init) mkdir -p \"$IPFS_PATH\" && echo '{}' > \"$IPFS_PATH/config\" ;;\n"
                + "  daemon) " + daemonScript + " ;;\n"
                + "esac\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        return fake;
    }

    @Test
    void locatesBinaryFromEnvThenPath() throws Exception {
        Path fake = tmp.resolve("bin/ipfs");
        Files.createDirectories(fake.getParent());
        Files.writeString(fake, "#!/bin/sh\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));

        assertEquals(fake, KuboBinary.locate(null, Map.of("IPFS_BIN", fake.toString())));
        assertEquals(fake, KuboBinary.locate(null, Map.of("PATH", "/nonexistent:" + fake.getParent())));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> KuboBinary.locate(null, Map.of("IPFS_BIN", tmp.resolve("missing").toString())));
        assertTrue(e.getMessage().contains("$IPFS_BIN"), e.getMessage());
    }

    @Test
    void multiaddrToUri() {
        assertEquals(URI.create("http://127.0.0.1:5001/"), Multiaddrs.toHttpUri("/ip4/127.0.0.1/tcp/5001"));
        assertEquals(URI.create("http://[::1]:5001/"), Multiaddrs.toHttpUri("/ip6/::1/tcp/5001"));
        assertThrows(IllegalArgumentException.class, () -> Multiaddrs.toHttpUri("/ip4/127.0.0.1/udp/5001"));
    }
}
