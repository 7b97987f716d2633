package io.ipfsmiddleware.core.cid;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * A content identifier as it may appear in a repository name: a CIDv1 in lowercase multibase
 * base32 ({@code b…}) or base36 ({@code k…}).
 *
 * <p>{@link #parse} decodes the multibase and checks the whole binary form: varint version (must
 * be 1), varint codec, then the multihash (varint code, varint digest length, exactly that many
 * digest bytes and nothing after). Varints must be minimally encoded and at most 9 bytes, as the
 * multiformats spec says. A CIDv0 ({@code Qm…}) is recognised and rejected with a message on how
 * to get a CIDv1, since repository names are lowercase and base58btc is case-sensitive.
 *
 * <p>{@link #decode} reads the binary form that dag-pb links carry, CIDv0 included.
 *
 * <p>Two {@code Cid}s are equal when their binary forms are equal, whatever the multibase.
 */
public final class Cid {
    /** Multihash code of sha2-256, whose digest is always 32 bytes. */
    public static final long SHA2_256 = 0x12;
    /** Multihash code of the identity function: the digest is the content itself. */
    public static final long IDENTITY = 0x00;
    /** Multicodec of raw bytes (a raw leaf). */
    public static final long RAW = 0x55;
    /** Multicodec of dag-pb (UnixFS files and directories). */
    public static final long DAG_PB = 0x70;
    private static final int MAX_LENGTH = 256;
    private static final String BASE32 = "abcdefghijklmnopqrstuvwxyz234567";
    private static final String BASE36 = "0123456789abcdefghijklmnopqrstuvwxyz";
    private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final String HOW_TO_V1 = "convert it with `ipfs cid base32 <cid>`, or add the content with "
            + "`ipfs add --cid-version 1`";

    private final String text;
    private final byte[] bytes;
    private final long version;
    private final long codec;
    private final long multihashCode;
    private final int digestOffset;

    private Cid(String text, byte[] bytes, long version, long codec, long multihashCode, int digestOffset) {
        this.text = text;
        this.bytes = bytes;
        this.version = version;
        this.codec = codec;
        this.multihashCode = multihashCode;
        this.digestOffset = digestOffset;
    }

    /**
     * Parses and validates a CIDv1 string.
     *
     * @param text a CIDv1 such as {@code bafkrei…} or {@code k51qzi5uqu5d…}
     * @return the CID
     * @throws InvalidCidException if {@code text} is not a valid lowercase base32/base36 CIDv1
     */
    public static Cid parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new InvalidCidException("empty CID; expected a CIDv1 such as bafkrei… (base32) or k51… (base36)");
        }
        if (text.length() > MAX_LENGTH) {
            throw new InvalidCidException("'" + abbreviate(text) + "' is too long to be a CID (" + text.length()
                    + " characters, at most " + MAX_LENGTH + ")");
        }
        if (looksLikeCidV0(text) || looksLikeLowercasedCidV0(text)) {
            throw new InvalidCidException("'" + text + "' is a CIDv0 (base58btc, case-sensitive). Repository names "
                    + "are lowercase, so only CIDv1 works here: " + HOW_TO_V1);
        }
        char prefix = text.charAt(0);
        byte[] bytes = switch (prefix) {
            case 'b' -> decodeBase32(text);
            case 'k' -> decodeBase36(text);
            case 'B', 'K' -> throw new InvalidCidException("'" + text + "' uses uppercase multibase; repository names "
                    + "are lowercase: write the CID in lowercase base32 (b…) with `ipfs cid base32 <cid>`");
            default -> throw new InvalidCidException("'" + text + "' is not a CIDv1 in lowercase base32 (b…) or "
                    + "base36 (k…) (multibase prefix '" + prefix + "'); " + HOW_TO_V1);
        };
        return fromBinary(text, bytes);
    }

    /**
     * Decodes a binary CID as dag-pb links carry it: a CIDv1 ({@code 0x01}, codec, multihash),
     * or a CIDv0, which in binary is a bare sha2-256 multihash ({@code 0x12 0x20} and 32
     * bytes). A CIDv0 becomes the CIDv1 of the same block (codec dag-pb, same multihash), so
     * every {@code Cid} is version 1 and prints in base32.
     *
     * @param binary the binary CID
     * @return the CID, its text in lowercase base32
     * @throws InvalidCidException if {@code binary} is not a valid CID
     */
    public static Cid decode(byte[] binary) {
        if (binary == null || binary.length == 0) {
            throw new InvalidCidException("empty binary CID");
        }
        if (binary.length > MAX_LENGTH) {
            throw new InvalidCidException("binary CID of " + binary.length + " bytes is too long (at most "
                    + MAX_LENGTH + ")");
        }
        byte[] v1 = binary;
        if (binary.length == 34 && binary[0] == SHA2_256 && binary[1] == 32) {
            v1 = new byte[36];
            v1[0] = 1;
            v1[1] = (byte) DAG_PB;
            System.arraycopy(binary, 0, v1, 2, 34);
        }
        String text = encodeBase32(v1);
        return fromBinary(text, v1);
    }

    private static Cid fromBinary(String text, byte[] bytes) {
        int[] pos = {0};
        long version = readVarint(text, bytes, pos, "version");
        if (version != 1) {
            throw new InvalidCidException("'" + text + "' has CID version " + version + "; only CIDv1 is supported");
        }
        long codec = readVarint(text, bytes, pos, "codec");
        long mhCode = readVarint(text, bytes, pos, "multihash code");
        long digestLength = readVarint(text, bytes, pos, "multihash length");
        long remaining = bytes.length - pos[0];
        if (digestLength != remaining) {
            throw new InvalidCidException("'" + text + "' is corrupt: its multihash announces " + digestLength
                    + " digest bytes but " + remaining + " follow");
        }
        if (mhCode == SHA2_256 && digestLength != 32) {
            throw new InvalidCidException("'" + text + "' is corrupt: a sha2-256 digest has 32 bytes, not "
                    + digestLength);
        }
        return new Cid(text, bytes, version, codec, mhCode, pos[0]);
    }

    /**
     * Whether {@code text} has the shape of a CIDv0: 46 base58btc characters starting with
     * {@code Qm} (a base58btc sha2-256 multihash).
     *
     * @param text any string, may be null
     * @return true for a CIDv0-shaped string
     */
    public static boolean looksLikeCidV0(String text) {
        if (text == null || text.length() != 46 || !text.startsWith("Qm")) {
            return false;
        }
        return text.chars().allMatch(c -> BASE58.indexOf(c) >= 0);
    }

    /** @return the CID version, always 1 */
    public long version() {
        return version;
    }

    /** @return the multicodec of the content, e.g. 0x55 raw, 0x70 dag-pb, 0x72 libp2p-key */
    public long codec() {
        return codec;
    }

    /** @return the multihash function code, e.g. 0x12 for sha2-256 */
    public long multihashCode() {
        return multihashCode;
    }

    /** @return a copy of the multihash digest */
    public byte[] digest() {
        return Arrays.copyOfRange(bytes, digestOffset, bytes.length);
    }

    /** @return a copy of the binary CID */
    public byte[] toBytes() {
        return bytes.clone();
    }

    /** @return the string this CID was parsed from */
    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cid c && Arrays.equals(c.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** A CIDv0 someone lowercased to fit a repository name; the information lost cannot be recovered. */
    private static boolean looksLikeLowercasedCidV0(String text) {
        return text.length() == 46 && text.startsWith("qm")
                && text.chars().allMatch(c -> BASE58.indexOf(c) >= 0 || c == 'l' || c == 'o');
    }

    private static long readVarint(String text, byte[] b, int[] pos, String what) {
        long value = 0;
        for (int i = 0; i < 9; i++) {
            if (pos[0] >= b.length) {
                throw new InvalidCidException("'" + text + "' is truncated: it ends inside the " + what);
            }
            int x = b[pos[0]++] & 0xff;
            value |= (long) (x & 0x7f) << (7 * i);
            if ((x & 0x80) == 0) {
                if (x == 0 && i > 0) {
                    throw new InvalidCidException("'" + text + "' is corrupt: the " + what
                            + " varint is not minimally encoded");
                }
                return value;
            }
        }
        throw new InvalidCidException("'" + text + "' is corrupt: the " + what + " varint is longer than 9 bytes");
    }

    /** RFC 4648 base32, lowercase, no padding, with the multibase prefix 'b'. */
    private static String encodeBase32(byte[] bytes) {
        StringBuilder out = new StringBuilder(1 + (bytes.length * 8 + 4) / 5).append('b');
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                bits -= 5;
                out.append(BASE32.charAt((buffer >> bits) & 31));
            }
        }
        if (bits > 0) {
            out.append(BASE32.charAt((buffer << (5 - bits)) & 31));
        }
        return out.toString();
    }

    /** RFC 4648 base32, lowercase, no padding; the leading multibase 'b' is skipped. */
    private static byte[] decodeBase32(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (int i = 1; i < text.length(); i++) {
            int v = BASE32.indexOf(text.charAt(i));
            if (v < 0) {
                throw badChar(text, i, "base32 (a-z, 2-7)");
            }
            buffer = (buffer << 5) | v;
            bits += 5;
            if (bits >= 8) {
                bits -= 8;
                out.write((buffer >> bits) & 0xff);
            }
        }
        // Leftover bits must be fewer than 5 (else a whole character is surplus) and all zero.
        if (bits >= 5 || (buffer & ((1 << bits) - 1)) != 0) {
            throw new InvalidCidException("'" + text + "' is not valid base32: it has a wrong length or trailing bits");
        }
        return checkNotEmpty(text, out.toByteArray());
    }

    /** Base36 (digits then lowercase letters) as a big number; leading '0's are leading zero bytes. */
    private static byte[] decodeBase36(String text) {
        int zeros = 0;
        while (1 + zeros < text.length() && text.charAt(1 + zeros) == '0') {
            zeros++;
        }
        byte[] num = new byte[text.length()]; // base-256 digits, little-endian; 36 < 256 so this is enough
        int used = 0;
        for (int i = 1 + zeros; i < text.length(); i++) {
            int carry = BASE36.indexOf(text.charAt(i));
            if (carry < 0) {
                throw badChar(text, i, "base36 (0-9, a-z)");
            }
            for (int j = 0; j < used; j++) {
                carry += (num[j] & 0xff) * 36;
                num[j] = (byte) carry;
                carry >>>= 8;
            }
            while (carry > 0) {
                num[used++] = (byte) carry;
                carry >>>= 8;
            }
        }
        byte[] out = new byte[zeros + used];
        for (int j = 0; j < used; j++) {
            out[zeros + j] = num[used - 1 - j];
        }
        return checkNotEmpty(text, out);
    }

    private static byte[] checkNotEmpty(String text, byte[] bytes) {
        if (bytes.length == 0) {
            throw new InvalidCidException("'" + text + "' is too short to be a CID");
        }
        return bytes;
    }

    private static InvalidCidException badChar(String text, int index, String alphabet) {
        return new InvalidCidException("'" + abbreviate(text) + "' is not a valid CID: character '" + text.charAt(index)
                + "' at position " + (index + 1) + " is not " + alphabet);
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
