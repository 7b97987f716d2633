package io.ipfsmiddleware.api.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipfsmiddleware.api.error.ErrorCode;
import io.ipfsmiddleware.api.error.RegistryException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DigestTest {
    private static final String HEX = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    @Test
    void parsesSha256() throws RegistryException {
        Digest d = Digest.parse("sha256:" + HEX);
        assertEquals("sha256", d.algorithm());
        assertEquals(HEX, d.encoded());
        assertEquals("sha256:" + HEX, d.toString());
        assertEquals("SHA-256", d.jdkAlgorithm());
    }

    @Test
    void hashesBytes() throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest("".getBytes(StandardCharsets.UTF_8));
        assertEquals("sha256:" + HEX, Digest.sha256(hash).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sha256", "sha256:", "md5:" + HEX, "sha256:" + "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855",
        "sha256:abc", "sha256:" + HEX + "00", "sha512:" + HEX, "sha256:../../etc/passwd"})
    void rejectsWithDigestInvalid(String text) {
        RegistryException e = assertThrows(RegistryException.class, () -> Digest.parse(text));
        assertEquals(ErrorCode.DIGEST_INVALID, e.code());
        assertFalse(Digest.isDigest(text));
    }

    @Test
    void acceptsSha512() {
        assertTrue(Digest.isDigest("sha512:" + "a".repeat(128)));
    }
}
