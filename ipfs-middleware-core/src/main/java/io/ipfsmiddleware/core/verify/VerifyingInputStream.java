package io.ipfsmiddleware.core.verify;

import io.ipfsmiddleware.core.io.Streams;
import io.ipfsmiddleware.api.model.Digest;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Passes bytes through while checking their count and, optionally, their digest. The check
 * happens before the read that would yield the last byte returns, so a consumer never gets a
 * complete stream of wrong content: on a mismatch the last read fails with a {@link
 * ContentMismatchException} instead, and the HTTP adapter aborts the response.
 */
public final class VerifyingInputStream extends FilterInputStream {
    private final long expectedSize;
    private final Digest expectedDigest;
    private final MessageDigest hash;
    private final String source;
    private long position;
    private boolean verified;

    private VerifyingInputStream(InputStream in, long expectedSize, Digest expectedDigest, String source) {
        super(in);
        this.expectedSize = expectedSize;
        this.expectedDigest = expectedDigest;
        this.source = source;
        this.hash = expectedDigest == null ? null : newDigest(expectedDigest);
    }

    /**
     * @param in the content
     * @param expectedSize how many bytes it must have
     * @param expectedDigest the digest they must hash to
     * @param source where the bytes come from (an IPFS path), for messages
     * @return a stream that fails rather than yield wrong content
     */
    public static VerifyingInputStream ofDigest(InputStream in, long expectedSize, Digest expectedDigest, String source) {
        return new VerifyingInputStream(in, expectedSize, expectedDigest, source);
    }

    /**
     * @param in the content
     * @param expectedSize how many bytes it must have
     * @param source where the bytes come from, for messages
     * @return a stream that fails when the content is shorter or longer than expected
     */
    public static VerifyingInputStream ofLength(InputStream in, long expectedSize, String source) {
        return new VerifyingInputStream(in, expectedSize, null, source);
    }

    private static MessageDigest newDigest(Digest digest) {
        try {
            return MessageDigest.getInstance(digest.jdkAlgorithm());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + digest.jdkAlgorithm(), e);
        }
    }

    @Override
    public int read() throws IOException {
        return Streams.readSingleByte(this);
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (verified) {
            return -1;
        }
        if (len == 0) {
            return 0;
        }
        int n = in.read(b, off, (int) Math.min(len, Math.max(1, expectedSize - position)));
        if (n < 0) {
            if (position < expectedSize) {
                throw new ContentMismatchException(source + " ended after " + position + " of " + expectedSize + " bytes");
            }
            finish();
            return -1;
        }
        position += n;
        if (position > expectedSize) {
            throw new ContentMismatchException(source + " is longer than the expected " + expectedSize + " bytes");
        }
        if (hash != null) {
            hash.update(b, off, n);
        }
        if (position == expectedSize) {
            finish();
        }
        return n;
    }

    private void finish() throws IOException {
        if (verified) {
            return;
        }
        if (in.read() >= 0) {
            throw new ContentMismatchException(source + " is longer than the expected " + expectedSize + " bytes");
        }
        if (hash != null) {
            String actual = HexFormat.of().formatHex(hash.digest());
            if (!actual.equals(expectedDigest.encoded())) {
                throw new ContentMismatchException(source + " does not match its digest: expected " + expectedDigest
                        + ", content hashes to " + expectedDigest.algorithm() + ":" + actual
                        + "; the tree is corrupt or was tampered with");
            }
        }
        verified = true;
    }

    /** @return whether all bytes were read and matched */
    public boolean isVerified() {
        return verified;
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("skipping would bypass verification");
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
