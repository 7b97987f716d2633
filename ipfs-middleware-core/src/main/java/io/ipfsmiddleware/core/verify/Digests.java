package io.ipfsmiddleware.core.verify;

import io.ipfsmiddleware.api.model.Digest;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Hashing of whole byte arrays. */
public final class Digests {
    private Digests() {
    }

    /** @return the digest of {@code bytes} with the algorithm of {@code like} */
    public static Digest of(byte[] bytes, Digest like) {
        try {
            byte[] hash = MessageDigest.getInstance(like.jdkAlgorithm()).digest(bytes);
            return new Digest(like.algorithm(), HexFormat.of().formatHex(hash));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + like.jdkAlgorithm(), e);
        }
    }
}
