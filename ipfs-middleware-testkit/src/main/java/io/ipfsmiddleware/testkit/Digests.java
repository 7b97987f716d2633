package io.ipfsmiddleware.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** sha256 helpers producing OCI digest strings ({@code sha256:<hex>}). */
public final class Digests {

    private Digests() {
    }

    /**
     * @param bytes content
     * @return {@code sha256:<64 lowercase hex>}
     */
    public static String sha256(byte[] bytes) {
        return "sha256:" + HexFormat.of().formatHex(newDigest().digest(bytes));
    }

    /**
     * @param file a file to hash, streamed
     * @return {@code sha256:<64 lowercase hex>}
     */
    public static String sha256(Path file) {
        MessageDigest md = newDigest();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                md.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return "sha256:" + HexFormat.of().formatHex(md.digest());
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
