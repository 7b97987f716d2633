package io.ipfsmiddleware.core.gateway;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import io.ipfsmiddleware.core.cid.Cid;
import io.ipfsmiddleware.core.node.IpfsNodeException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The UnixFS {@code Data} message carried in a dag-pb node's Data: {@code Type = 1},
 * {@code Data = 2}, {@code filesize = 3}, {@code blocksizes = 4} (packed or not), {@code hashType
 * = 5}, {@code fanout = 6}; mode and mtime (7, 8) and unknown fields are skipped.
 *
 * @param type the node type
 * @param data file bytes held in this node (empty when absent)
 * @param filesize the declared file size, or -1 when absent
 * @param blocksizes the file size under each link, in link order
 * @param hashType the HAMT hash function, or -1 when absent
 * @param fanout the HAMT fanout, or -1 when absent
 */
record UnixfsData(Type type, byte[] data, long filesize, List<Long> blocksizes, long hashType, long fanout) {
    /** UnixFS node types. */
    enum Type { RAW, DIRECTORY, FILE, METADATA, SYMLINK, HAMT_SHARD }

    UnixfsData {
        blocksizes = List.copyOf(blocksizes);
    }

    boolean isFile() {
        return type == Type.FILE || type == Type.RAW;
    }

    boolean isDirectory() {
        return type == Type.DIRECTORY || type == Type.HAMT_SHARD;
    }

    /** Decodes the Data of a dag-pb node; a node without Data is not UnixFS. */
    static UnixfsData decode(Cid cid, DagPb.Node node) throws IpfsNodeException {
        if (node.data() == null) {
            throw invalid(cid, "the dag-pb node has no Data field", null);
        }
        try {
            CodedInputStream in = CodedInputStream.newInstance(node.data());
            Type type = null;
            byte[] data = new byte[0];
            long filesize = -1;
            long hashType = -1;
            long fanout = -1;
            List<Long> blocksizes = new ArrayList<>();
            while (!in.isAtEnd()) {
                int tag = in.readTag();
                int field = WireFormat.getTagFieldNumber(tag);
                int wire = WireFormat.getTagWireType(tag);
                switch (field) {
                    case 1 -> {
                        expect(cid, wire, WireFormat.WIRETYPE_VARINT, "Type");
                        int t = in.readEnum();
                        if (t < 0 || t >= Type.values().length) {
                            throw invalid(cid, "unknown Type " + t, null);
                        }
                        type = Type.values()[t];
                    }
                    case 2 -> {
                        expect(cid, wire, WireFormat.WIRETYPE_LENGTH_DELIMITED, "Data");
                        data = in.readByteArray();
                    }
                    case 3 -> {
                        expect(cid, wire, WireFormat.WIRETYPE_VARINT, "filesize");
                        filesize = size(cid, in.readUInt64(), "filesize");
                    }
                    case 4 -> {
                        if (wire == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                            int limit = in.pushLimit(in.readRawVarint32());
                            while (in.getBytesUntilLimit() > 0) {
                                blocksizes.add(size(cid, in.readUInt64(), "blocksize"));
                            }
                            in.popLimit(limit);
                        } else {
                            expect(cid, wire, WireFormat.WIRETYPE_VARINT, "blocksizes");
                            blocksizes.add(size(cid, in.readUInt64(), "blocksize"));
                        }
                    }
                    case 5 -> {
                        expect(cid, wire, WireFormat.WIRETYPE_VARINT, "hashType");
                        hashType = in.readUInt64();
                    }
                    case 6 -> {
                        expect(cid, wire, WireFormat.WIRETYPE_VARINT, "fanout");
                        fanout = in.readUInt64();
                    }
                    default -> in.skipField(tag);
                }
            }
            if (type == null) {
                throw invalid(cid, "no Type", null);
            }
            return new UnixfsData(type, data, filesize, blocksizes, hashType, fanout);
        } catch (IpfsNodeException e) {
            throw e;
        } catch (IOException e) {
            throw invalid(cid, e.getMessage(), e);
        }
    }

    private static long size(Cid cid, long value, String what) throws IpfsNodeException {
        if (value < 0) {
            throw invalid(cid, what + " " + Long.toUnsignedString(value) + " is beyond any real file size", null);
        }
        return value;
    }

    private static void expect(Cid cid, int wire, int expected, String field) throws IpfsNodeException {
        if (wire != expected) {
            throw invalid(cid, field + " has wire type " + wire + ", not " + expected, null);
        }
    }

    static IpfsNodeException invalid(Cid cid, String what, Throwable cause) {
        return new IpfsNodeException("block " + cid + " is not valid UnixFS: " + what, cause);
    }
}
