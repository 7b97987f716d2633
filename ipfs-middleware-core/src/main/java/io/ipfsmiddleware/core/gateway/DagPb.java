package io.ipfsmiddleware.core.gateway;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import io.ipfsmiddleware.core.cid.Cid;
import io.ipfsmiddleware.core.cid.InvalidCidException;
import io.ipfsmiddleware.core.node.IpfsNodeException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes dag-pb blocks ({@code PBNode { repeated PBLink Links = 2; optional bytes Data = 1; }},
 * {@code PBLink { bytes Hash = 1; string Name = 2; uint64 Tsize = 3; }}) with protobuf's wire
 * reader. Strict, as the dag-pb spec asks: unknown fields, wrong wire types, links without a
 * hash and truncated input are errors naming the block.
 */
final class DagPb {
    private DagPb() {
    }

    /** A link: the child's CID, its name in a directory ("" in files), its cumulative DAG size. */
    record Link(Cid cid, String name, long tsize) {
    }

    /** A decoded node: its Data ({@code null} when absent) and its links, in order. */
    record Node(byte[] data, List<Link> links) {
        Node {
            links = List.copyOf(links);
        }
    }

    static Node decode(Cid cid, byte[] block) throws IpfsNodeException {
        try {
            CodedInputStream in = CodedInputStream.newInstance(block);
            byte[] data = null;
            List<Link> links = new ArrayList<>();
            while (!in.isAtEnd()) {
                int tag = in.readTag();
                int field = WireFormat.getTagFieldNumber(tag);
                if (WireFormat.getTagWireType(tag) != WireFormat.WIRETYPE_LENGTH_DELIMITED || field < 1 || field > 2) {
                    throw invalid(cid, "unexpected field " + field + " (wire type " + WireFormat.getTagWireType(tag)
                            + ")", null);
                }
                if (field == 1) {
                    if (data != null) {
                        throw invalid(cid, "Data appears twice", null);
                    }
                    data = in.readByteArray();
                } else {
                    links.add(link(cid, in.readByteArray(), links.size()));
                }
            }
            return new Node(data, links);
        } catch (IpfsNodeException e) {
            throw e;
        } catch (IOException e) {
            throw invalid(cid, e.getMessage(), e);
        }
    }

    private static Link link(Cid cid, byte[] bytes, int index) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(bytes);
        Cid hash = null;
        String name = "";
        long tsize = -1;
        while (!in.isAtEnd()) {
            int tag = in.readTag();
            int field = WireFormat.getTagFieldNumber(tag);
            int type = WireFormat.getTagWireType(tag);
            if (field == 1 && type == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                try {
                    hash = Cid.decode(in.readByteArray());
                } catch (InvalidCidException e) {
                    throw invalid(cid, "link " + index + " has an invalid CID: " + e.getMessage(), e);
                }
            } else if (field == 2 && type == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                name = in.readStringRequireUtf8();
            } else if (field == 3 && type == WireFormat.WIRETYPE_VARINT) {
                tsize = in.readUInt64();
            } else {
                throw invalid(cid, "link " + index + " has unexpected field " + field + " (wire type " + type + ")",
                        null);
            }
        }
        if (hash == null) {
            throw invalid(cid, "link " + index + " has no Hash", null);
        }
        return new Link(hash, name, tsize);
    }

    private static IpfsNodeException invalid(Cid cid, String what, Throwable cause) {
        return new IpfsNodeException("block " + cid + " is not valid dag-pb: " + what, cause);
    }
}
