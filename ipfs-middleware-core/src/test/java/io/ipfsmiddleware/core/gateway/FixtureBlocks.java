package io.ipfsmiddleware.core.gateway;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import io.ipfsmiddleware.core.cid.Cid;
import io.ipfsmiddleware.core.node.IpfsUnavailableException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Blocks for unit tests: those real kubo wrote (src/test/resources/gateway, see make-blocks.sh
 * there), plus hand-made hostile ones. A {@link BlockSource} over a map is our own seam; it
 * verifies like the gateway fetcher and counts fetches.
 */
final class FixtureBlocks implements BlockSource {
    final Map<Cid, byte[]> blocks = new ConcurrentHashMap<>();
    final AtomicInteger fetches = new AtomicInteger();

    static FixtureBlocks fromResources() {
        FixtureBlocks f = new FixtureBlocks();
        try (Stream<Path> files = Files.list(resources().resolve("blocks"))) {
            for (Path p : files.toList()) {
                String name = p.getFileName().toString();
                f.blocks.put(Cid.parse(name.substring(0, name.length() - 4)), Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return f;
    }

    static Path resources() {
        return Path.of("src/test/resources/gateway");
    }

    static Properties properties(String name) {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(resources().resolve(name))) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    @Override
    public CompletableFuture<byte[]> fetch(Cid cid) {
        fetches.incrementAndGet();
        byte[] block = blocks.get(cid);
        if (block == null) {
            return CompletableFuture.failedFuture(new IpfsUnavailableException("fixture lacks block " + cid));
        }
        try {
            BlockVerifier.verify(cid, block);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
        return CompletableFuture.completedFuture(block);
    }

    @Override
    public String describe() {
        return "fixture blocks";
    }

    GatewayNode node(int prefetch) {
        return GatewayNode.over(this, GatewayNode.builder(List.of()).prefetch(prefetch));
    }

    /** Stores a block and returns its CIDv1 (sha2-256). */
    Cid put(long codec, byte[] block) {
        Cid cid = cidOf(codec, block);
        blocks.put(cid, block);
        return cid;
    }

    static Cid cidOf(long codec, byte[] block) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(block);
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            b.write(1);
            b.write((int) codec); // 0x55 and 0x70 fit in one varint byte
            b.write(0x12);
            b.write(32);
            b.write(digest);
            return Cid.decode(b.toByteArray());
        } catch (NoSuchAlgorithmException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A UnixFS Data message: type, data, filesize (or -1), blocksizes. */
    static byte[] unixfs(int type, byte[] data, long filesize, long... blocksizes) {
        return write(out -> {
            out.writeEnum(1, type);
            if (data != null) {
                out.writeByteArray(2, data);
            }
            if (filesize >= 0) {
                out.writeUInt64(3, filesize);
            }
            for (long size : blocksizes) {
                out.writeUInt64(4, size);
            }
        });
    }

    /** A dag-pb node: links (CID, name, tsize) then Data, as kubo orders them. */
    static byte[] dagPb(byte[] data, List<DagPb.Link> links) {
        return write(out -> {
            for (DagPb.Link link : links) {
                byte[] l = write(o -> {
                    o.writeByteArray(1, link.cid().toBytes());
                    o.writeString(2, link.name());
                    o.writeUInt64(3, Math.max(0, link.tsize()));
                });
                out.writeBytes(2, ByteString.copyFrom(l));
            }
            if (data != null) {
                out.writeByteArray(1, data);
            }
        });
    }

    interface Writer {
        void write(CodedOutputStream out) throws IOException;
    }

    static byte[] write(Writer w) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        try {
            w.write(out);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
