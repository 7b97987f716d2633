package io.ipfsmiddleware.core.verify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipfsmiddleware.api.model.Digest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Random;
import org.junit.jupiter.api.Test;

class VerifyingInputStreamTest {
    private static final byte[] DATA = new byte[200_000];

    static {
        new Random(42).nextBytes(DATA);
    }

    private static Digest sha256(byte[] bytes) throws Exception {
        return Digest.sha256(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** Copies like the servlet does, returning what reached the "client" before any failure. */
    private static byte[] drain(InputStream in, ByteArrayOutputStream sink) throws IOException {
        byte[] buf = new byte[8192];
        int n;
        while ((n = in.read(buf)) >= 0) {
            sink.write(buf, 0, n);
        }
        return sink.toByteArray();
    }

    @Test
    void passesMatchingContent() throws Exception {
        InputStream in = VerifyingInputStream.ofDigest(new ByteArrayInputStream(DATA), DATA.length, sha256(DATA), "p");
        assertArrayEquals(DATA, drain(in, new ByteArrayOutputStream()));
    }

    @Test
    void tamperedContentNeverArrivesWhole() throws Exception {
        byte[] tampered = DATA.clone();
        tampered[tampered.length - 1] ^= 1;
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        InputStream in = VerifyingInputStream.ofDigest(new ByteArrayInputStream(tampered), DATA.length, sha256(DATA),
                "/ipfs/x/blobs/sha256/y");
        ContentMismatchException e = assertThrows(ContentMismatchException.class, () -> drain(in, sink));
        assertTrue(sink.size() < DATA.length, "received " + sink.size());
        assertTrue(e.getMessage().contains("/ipfs/x/blobs/sha256/y") && e.getMessage().contains("does not match"),
                e.getMessage());
    }

    @Test
    void shortAndLongContentFail() throws Exception {
        Digest d = sha256(DATA);
        byte[] shorter = java.util.Arrays.copyOf(DATA, DATA.length - 10);
        assertTrue(assertThrows(ContentMismatchException.class, () -> drain(VerifyingInputStream.ofDigest(
                new ByteArrayInputStream(shorter), DATA.length, d, "p"), new ByteArrayOutputStream()))
                .getMessage().contains("ended after"));
        byte[] longer = java.util.Arrays.copyOf(DATA, DATA.length + 1);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        assertThrows(ContentMismatchException.class, () -> drain(VerifyingInputStream.ofDigest(
                new ByteArrayInputStream(longer), DATA.length, d, "p"), sink));
        assertTrue(sink.size() < DATA.length);
    }

    @Test
    void lengthOnlyModeChecksTheCount() throws Exception {
        assertEquals(100, drain(VerifyingInputStream.ofLength(new ByteArrayInputStream(DATA, 0, 100), 100, "p"),
                new ByteArrayOutputStream()).length);
        assertThrows(ContentMismatchException.class, () -> drain(VerifyingInputStream.ofLength(
                new ByteArrayInputStream(DATA, 0, 99), 100, "p"), new ByteArrayOutputStream()));
    }

    @Test
    void emptyBlob() throws Exception {
        byte[] empty = new byte[0];
        assertEquals(0, drain(VerifyingInputStream.ofDigest(new ByteArrayInputStream(empty), 0, sha256(empty), "p"),
                new ByteArrayOutputStream()).length);
    }
}
