package io.ipfsmiddleware.core.gateway;

import io.ipfsmiddleware.core.cid.Cid;
import io.ipfsmiddleware.core.node.IpfsNodeException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Checks a block against the CID it was asked for, so that no byte a gateway sends is used
 * unless it hashes to the CID. Hash functions: sha2-256 (what kubo uses), sha2-512, sha3-256,
 * sha3-512 (all in the JDK), and identity (the CID holds the block). Any other hash function is
 * refused with an error naming it, as are codecs other than raw and dag-pb: such blocks are not
 * UnixFS, and a block we cannot check is never used.
 */
final class BlockVerifier {
    /** Largest block accepted; IPFS implementations keep blocks at or under 2 MiB. */
    static final int MAX_BLOCK_BYTES = 4 * 1024 * 1024;

    private static final long SHA2_512 = 0x13;
    private static final long SHA3_512 = 0x14;
    private static final long SHA3_256 = 0x16;

    private BlockVerifier() {
    }

    /**
     * @param cid a CID to be fetched
     * @throws IpfsNodeException if its codec is not raw or dag-pb, or its hash function is not supported
     */
    static void checkSupported(Cid cid) throws IpfsNodeException {
        if (cid.codec() != Cid.RAW && cid.codec() != Cid.DAG_PB) {
            throw new IpfsNodeException("block " + cid + " has codec 0x" + Long.toHexString(cid.codec())
                    + ", which is not UnixFS (only raw 0x55 and dag-pb 0x70 are read over gateways)");
        }
        if (cid.multihashCode() != Cid.IDENTITY) {
            algorithm(cid);
        }
    }

    /**
     * @param cid the CID the block was fetched for
     * @param block the bytes received
     * @throws BlockMismatchException if the bytes do not hash to the CID's digest
     * @throws IpfsNodeException if the CID's hash function is not supported
     */
    static void verify(Cid cid, byte[] block) throws IpfsNodeException {
        checkSupported(cid);
        if (block.length > MAX_BLOCK_BYTES) {
            throw new BlockMismatchException("block " + cid + " has " + block.length + " bytes, more than the "
                    + MAX_BLOCK_BYTES + " a block may have");
        }
        byte[] expected = cid.digest();
        byte[] actual;
        if (cid.multihashCode() == Cid.IDENTITY) {
            actual = block;
        } else {
            try {
                actual = MessageDigest.getInstance(algorithm(cid)).digest(block);
            } catch (NoSuchAlgorithmException e) {
                throw new IpfsNodeException("this JVM lacks " + e.getMessage() + " to check block " + cid, e);
            }
        }
        if (!MessageDigest.isEqual(expected, actual)) {
            throw new BlockMismatchException("block received for " + cid + " (" + block.length + " bytes) hashes to "
                    + HexFormat.of().formatHex(Arrays.copyOf(actual, Math.min(actual.length, 32)))
                    + ", not to the CID's digest " + HexFormat.of().formatHex(expected));
        }
    }

    /** @return the block of an identity CID, which is its digest */
    static byte[] identityBlock(Cid cid) {
        return cid.digest();
    }

    private static String algorithm(Cid cid) throws IpfsNodeException {
        long code = cid.multihashCode();
        int length = cid.digest().length;
        String name;
        int expected;
        if (code == Cid.SHA2_256) {
            name = "SHA-256";
            expected = 32;
        } else if (code == SHA2_512) {
            name = "SHA-512";
            expected = 64;
        } else if (code == SHA3_256) {
            name = "SHA3-256";
            expected = 32;
        } else if (code == SHA3_512) {
            name = "SHA3-512";
            expected = 64;
        } else {
            throw new IpfsNodeException("block " + cid + " uses multihash function 0x" + Long.toHexString(code)
                    + ", which cannot be verified here (supported: sha2-256, sha2-512, sha3-256, sha3-512, identity); "
                    + "an unverifiable block is never used");
        }
        if (length != expected) {
            throw new IpfsNodeException("block " + cid + " has a truncated " + name + " digest (" + length
                    + " bytes, not " + expected + "), which cannot be verified");
        }
        return name;
    }
}
