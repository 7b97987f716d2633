package io.ipfsmiddleware.core.cid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Fixtures were made with kubo 0.43.1 ({@code ipfs add -n --cid-version 1}, {@code ipfs cid
 * format}, {@code ipfs key list}); each test checks a property that a wrong decoder would break
 * (digest = SHA-256 of the content, base32 and base36 forms equal, bytes = kubo's base16 form).
 */
class CidTest {
    /** {@code printf 'hello\n' | ipfs add -n -Q --cid-version 1} (raw leaf). */
    private static final String HELLO_B32 = "bafkreicysg23kiwv34eg2d7qweipxwosdo2py4ldv42nbauguluen5v6am";
    /** {@code ipfs cid format -b base36} of the above. */
    private static final String HELLO_B36 = "k2cwueauvgmc6rw8ig81z29umtmqnpp03zegve90cilqk5kod5v00g77";
    /** {@code ipfs cid format -b base16} of the above (multibase prefix 'f'). */
    private static final String HELLO_HEX = "015512205891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03";
    private static final String DIR_B32 = "bafybeianf3ktcm5spgdcaowvoiad7noovm3fw2mcuicjdwx26rbjrrmc4a";
    private static final String DIR_B36 = "k2jmtxroxt266c88bd1epywbl6wxkskvabse0yx8qo33d9ewfdi2o3q8";
    /** An IPNS key from {@code ipfs key list -l --ipns-base base36} and {@code --ipns-base base32}. */
    private static final String KEY_B36 = "k51qzi5uqu5dibban8z2is7jk41jt58pn2voqqegc1guiedaf4cojf0ukdcsep";
    private static final String KEY_B32 = "bafzaajaiaejcavmcoor2vkpkn3u5skbzzhcrmqrytxpdexiwzntelyk5zdqmt56r";
    /** {@code printf 'hi\n' | ipfs add -n -Q --cid-version 1 --hash blake2b-256}. */
    private static final String BLAKE2B = "bafk2bzacedpjkq5svynsxb2djjzqoj63c722zc4maifyjjolrrp3zqkcgrb3u";
    private static final String CID_V0 = "QmZLRFWaz9Kypt2ACNMDzA5uzACDRiCqwdkNSP1UZsu56D";

    @Test
    void parsesBase32RawLeafAndItsDigestIsTheContentHash() throws Exception {
        Cid cid = Cid.parse(HELLO_B32);
        assertEquals(1, cid.version());
        assertEquals(0x55, cid.codec());
        assertEquals(Cid.SHA2_256, cid.multihashCode());
        byte[] sha = MessageDigest.getInstance("SHA-256").digest("hello\n".getBytes(StandardCharsets.UTF_8));
        assertArrayEquals(sha, cid.digest());
        assertArrayEquals(HexFormat.of().parseHex(HELLO_HEX), cid.toBytes());
        assertEquals(HELLO_B32, cid.toString());
    }

    @Test
    void base36AndBase32FormsDecodeToTheSameCid() {
        assertEquals(Cid.parse(HELLO_B32), Cid.parse(HELLO_B36));
        assertEquals(Cid.parse(HELLO_B32).hashCode(), Cid.parse(HELLO_B36).hashCode());
        assertEquals(HELLO_B36, Cid.parse(HELLO_B36).toString());
        assertEquals(Cid.parse(DIR_B32), Cid.parse(DIR_B36));
        assertEquals(0x70, Cid.parse(DIR_B36).codec());
        assertNotEquals(Cid.parse(HELLO_B32), Cid.parse(DIR_B32));
    }

    @Test
    void parsesIpnsKeyWithIdentityMultihash() {
        Cid key = Cid.parse(KEY_B36);
        assertEquals(Cid.parse(KEY_B32), key);
        assertEquals(0x72, key.codec());
        assertEquals(0x00, key.multihashCode());
        assertEquals(36, key.digest().length);
    }

    @Test
    void parsesMultiByteMultihashCode() {
        Cid cid = Cid.parse(BLAKE2B);
        assertEquals(0xb220, cid.multihashCode());
        assertEquals(32, cid.digest().length);
    }

    @Test
    void rejectsCidV0WithHowToGetACidV1() {
        assertTrue(Cid.looksLikeCidV0(CID_V0));
        InvalidCidException e = assertThrows(InvalidCidException.class, () -> Cid.parse(CID_V0));
        assertTrue(e.getMessage().contains("CIDv0"), e.getMessage());
        assertTrue(e.getMessage().contains("lowercase"), e.getMessage());
        assertTrue(e.getMessage().contains("ipfs cid base32"), e.getMessage());
        assertTrue(e.getMessage().contains("ipfs add --cid-version 1"), e.getMessage());
        String lowered = CID_V0.toLowerCase(Locale.ROOT);
        assertTrue(assertThrows(InvalidCidException.class, () -> Cid.parse(lowered)).getMessage().contains("CIDv0"));
    }

    @Test
    void looksLikeCidV0IsStrict() {
        assertFalse(Cid.looksLikeCidV0(null));
        assertFalse(Cid.looksLikeCidV0(HELLO_B32));
        assertFalse(Cid.looksLikeCidV0(CID_V0.substring(1)));
        assertFalse(Cid.looksLikeCidV0(CID_V0.replace('z', '0'))); // '0' is not base58
        assertFalse(Cid.looksLikeCidV0("Qm" + CID_V0.substring(3)));
    }

    @Test
    void rejectsEmptyNullAndTooLong() {
        assertRejected(null, "empty");
        assertRejected("", "empty");
        assertRejected("b" + "a".repeat(300), "too long");
    }

    @Test
    void rejectsOtherMultibases() {
        assertRejected("zb2rhcc1wJn2GHDLT2YkmPq5b69cXc2xfRZZmyufbjFUfBkxr", "multibase prefix 'z'");
        assertRejected("f" + HELLO_HEX, "multibase prefix 'f'");
        assertRejected(HELLO_B32.toUpperCase(Locale.ROOT), "lowercase");
        assertRejected("K" + HELLO_B36.substring(1), "lowercase");
        assertRejected("my-repo", "multibase prefix 'm'");
    }

    @Test
    void rejectsBadCharacters() {
        assertRejected("bafkrei1ysg", "character '1' at position 8 is not base32");
        assertRejected(HELLO_B32.replace('c', 'C'), "is not base32");
        assertRejected("k2cwueau-gmc", "character '-' at position 9 is not base36");
    }

    @Test
    void rejectsBadLengthsAndTruncation() {
        assertRejected("b", "too short");
        assertRejected("k", "too short");
        byte[] hello = HexFormat.of().parseHex(HELLO_HEX);
        assertRejected(base32(Arrays.copyOf(hello, hello.length - 1)), "announces 32 digest bytes but 31");
        assertRejected(HELLO_B32.substring(0, HELLO_B32.length() - 1), "wrong length");
        assertRejected(HELLO_B32 + "a", "wrong length or trailing bits");
        assertRejected(HELLO_B32.substring(0, HELLO_B32.length() - 1) + "b", "trailing bits");
        assertRejected(base32(0x01), "truncated: it ends inside the codec");
        assertRejected(base32(0x01, 0x55, 0x12), "truncated: it ends inside the multihash length");
    }

    @Test
    void rejectsWrongVersionsAndCorruptMultihashes() {
        assertRejected(base32(0x00, 0x55, 0x12, 0x01, 0x00), "CID version 0");
        assertRejected(base32(0x02, 0x55, 0x12, 0x01, 0x00), "CID version 2");
        assertRejected(base32(0x01, 0x55, 0x12, 0x01, 0xaa, 0xbb), "announces 1 digest bytes but 2 follow");
        assertRejected(base32(0x01, 0x55, 0x12, 0x02, 0xaa, 0xbb), "sha2-256 digest has 32 bytes, not 2");
        assertRejected(base32(0x81, 0x00, 0x55, 0x00, 0x00), "version varint is not minimally encoded");
        assertRejected(base32(0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01),
                "codec varint is longer than 9 bytes");
        Cid identity = Cid.parse(base32(0x01, 0x55, 0x00, 0x02, 0xaa, 0xbb));
        assertArrayEquals(new byte[] {(byte) 0xaa, (byte) 0xbb}, identity.digest());
    }

    private static void assertRejected(String text, String expected) {
        InvalidCidException e = assertThrows(InvalidCidException.class, () -> Cid.parse(text));
        assertTrue(e.getMessage().contains(expected), () -> "message '" + e.getMessage() + "' lacks '" + expected + "'");
        assertTrue(e instanceof IllegalArgumentException);
    }

    /** RFC 4648 base32, lowercase, no padding, with the multibase prefix 'b'. */
    private static String base32(int... bytes) {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        for (int b : bytes) {
            raw.write(b);
        }
        return base32(raw.toByteArray());
    }

    private static String base32(byte[] raw) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        StringBuilder out = new StringBuilder("b");
        int buffer = 0;
        int bits = 0;
        for (byte b : raw) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                bits -= 5;
                out.append(alphabet.charAt((buffer >> bits) & 31));
            }
        }
        if (bits > 0) {
            out.append(alphabet.charAt((buffer << (5 - bits)) & 31));
        }
        return out.toString();
    }
}
