package io.ipfsmiddleware.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
