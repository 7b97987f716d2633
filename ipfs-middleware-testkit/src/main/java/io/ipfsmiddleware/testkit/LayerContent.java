package io.ipfsmiddleware.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The file systems of the layers the builder puts into every image. */
final class LayerContent {

    /** Applets linked to busybox besides {@code sh}, enough for a smoke test inside a container. */
    static final List<String> APPLETS = List.of("sh", "cat", "echo", "ls", "sha256sum", "true");

    private LayerContent() {
    }

    /** {@code bin/busybox} (mode 0755, copied from the host) and {@code bin/<applet> -> busybox}. */
    static TarLayer busybox(Path hostBusybox) {
        if (!Files.isRegularFile(hostBusybox)) {
            throw new IllegalStateException(hostBusybox + " is missing: install the Debian package"
                    + " busybox-static (a statically linked busybox) or pass another path to"
                    + " OciLayoutBuilder.busybox(Path)");
        }
        byte[] binary;
        try {
            binary = Files.readAllBytes(hostBusybox);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + hostBusybox, e);
        }
        TarLayer layer = new TarLayer().file("bin/busybox", binary, 0755);
        for (String applet : APPLETS) {
            layer.symlink("bin/" + applet, "busybox");
        }
        return layer;
    }

    /** {@code etc/hello.txt} naming the image, so each image and platform has its own layer. */
    static TarLayer hello(String reference, Platform platform) {
        String text = "hello from " + reference + " on " + platform + "\n";
        return new TarLayer().file("etc/hello.txt", text.getBytes(StandardCharsets.UTF_8), 0644);
    }

    /** {@code data/random.bin}: {@code size} pseudo-random, incompressible bytes from {@code seed}. */
    static TarLayer random(long seed, int size) {
        return new TarLayer().file("data/random.bin", randomBytes(seed, size), 0644);
    }

    /**
     * SplitMix64, written out here rather than taken from {@code java.util} so the bytes (and so
     * the digests) are pinned by this code, not by a JDK version.
     */
    static byte[] randomBytes(long seed, int size) {
        byte[] out = new byte[size];
        long state = seed;
        for (int i = 0; i < size; i += 8) {
            state += 0x9E3779B97F4A7C15L;
            long z = state;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            z ^= z >>> 31;
            for (int b = 0; b < 8 && i + b < size; b++) {
                out[i + b] = (byte) (z >>> (8 * b));
            }
        }
        return out;
    }
}
