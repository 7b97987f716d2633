package io.ipfsmiddleware.core.repository;

import io.ipfsmiddleware.api.error.ErrorCode;
import io.ipfsmiddleware.api.error.RegistryException;
import io.ipfsmiddleware.api.model.ByteRange;
import io.ipfsmiddleware.api.model.Descriptor;
import io.ipfsmiddleware.api.model.Digest;
import io.ipfsmiddleware.api.model.ManifestContent;
import io.ipfsmiddleware.api.model.MediaTypes;
import io.ipfsmiddleware.core.cache.BlobCache;
import io.ipfsmiddleware.core.cache.Caches;
import io.ipfsmiddleware.core.cache.MetadataCache;
import io.ipfsmiddleware.core.layout.LayoutIndex;
import io.ipfsmiddleware.core.layout.ManifestTypes;
import io.ipfsmiddleware.core.node.FileStat;
import io.ipfsmiddleware.core.node.IpfsNode;
import io.ipfsmiddleware.core.verify.Digests;
import io.ipfsmiddleware.core.verify.VerifyingInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one OCI image layout directory out of IPFS: {@code index.json}, manifests and blobs
 * under {@code blobs/<algorithm>/<hex>}. Every manifest is checked against its digest before it
 * is returned; blob streams are checked as they are read. What was read and checked is kept in
 * the middleware's {@link Caches}: documents and sizes in memory, blobs on disk when configured.
 */
final class OciLayout {
    /** Largest index.json or manifest read, as in distribution's default manifest size limit. */
    static final int MAX_DOCUMENT_BYTES = 4 * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(OciLayout.class);

    private final IpfsNode node;
    private final Caches caches;
    private final String path;
    private final String repository;

    OciLayout(IpfsNode node, Caches caches, String layoutPath, String repository) {
        this.node = node;
        this.caches = caches;
        this.path = layoutPath;
        this.repository = repository;
    }

    LayoutIndex index() throws RegistryException, IOException {
        String where = path + "/index.json";
        try {
            return caches.metadata().get(new MetadataCache.Key("index", path), () -> {
                byte[] bytes = readDocument(where);
                return new MetadataCache.Sized<>(LayoutIndex.parse(bytes, where), bytes.length);
            });
        } catch (RegistryException e) {
            throw e;
        } catch (IOException e) {
            RegistryException error = NodeErrors.translate(e, ErrorCode.NAME_UNKNOWN, "the OCI image layout " + path);
            if (error.code() == ErrorCode.NAME_UNKNOWN) {
                throw new RegistryException(ErrorCode.NAME_UNKNOWN, "no OCI image layout at " + path
                        + " (" + e.getMessage() + "). The name must lead to the directory that holds index.json, "
                        + "oci-layout and blobs/, e.g. ipfs/<cid>/alpine for a tree added with "
                        + "'ipfs add -r --cid-version 1 ./images'", repository, e);
            }
            throw error;
        }
    }

    ManifestContent manifest(Digest digest, Descriptor referrer) throws RegistryException, IOException {
        String where = blobPath(digest);
        byte[] bytes;
        try {
            bytes = caches.metadata().get(new MetadataCache.Key("manifest", where), () -> {
                byte[] read = readVerifiedManifest(digest, where);
                return new MetadataCache.Sized<>(read, read.length);
            });
        } catch (IOException e) {
            throw NodeErrors.translate(e, ErrorCode.MANIFEST_UNKNOWN, "manifest " + digest + " in " + repository);
        }
        if (referrer != null && referrer.size() != bytes.length) {
            LOG.error("Integrity failure: {} has {} bytes, index.json says {} (repository {})", where, bytes.length,
                    referrer.size(), repository);
            throw new RegistryException(ErrorCode.MANIFEST_INVALID, path + "/index.json gives " + digest + " a size of "
                    + referrer.size() + " bytes but it has " + bytes.length, digest.toString());
        }
        String hint = referrer == null ? null : referrer.mediaType();
        String mediaType = ManifestTypes.detect(bytes, hint, where);
        return new ManifestContent(bytes, mediaType, digest);
    }

    private byte[] readVerifiedManifest(Digest digest, String where) throws RegistryException, IOException {
        byte[] bytes = readDocument(where);
        Digest actual = Digests.of(bytes, digest);
        if (!actual.equals(digest)) {
            LOG.error("Integrity failure: {} hashes to {}, not {} (repository {})", where, actual, digest, repository);
            throw new RegistryException(ErrorCode.MANIFEST_INVALID, where + " does not match its digest " + digest
                    + " (content hashes to " + actual + "); the tree is corrupt or was tampered with", digest.toString());
        }
        return bytes;
    }

    Descriptor statBlob(Digest digest) throws RegistryException, IOException {
        String where = blobPath(digest);
        try {
            return caches.metadata().get(new MetadataCache.Key("size", where), () -> {
                FileStat stat = node.stat(where);
                if (stat.directory()) {
                    throw new RegistryException(ErrorCode.BLOB_UNKNOWN, where + " is a directory, not a blob",
                            digest.toString());
                }
                if (stat.symlink()) {
                    throw new RegistryException(ErrorCode.BLOB_UNKNOWN, where + " is a symbolic link, which IPFS "
                            + "paths do not follow; add the layout with the files themselves "
                            + "(ipfs add -r --dereference-symlinks)", digest.toString());
                }
                return new MetadataCache.Sized<>(Descriptor.of(MediaTypes.OCTET_STREAM, digest, stat.size()), 0);
            });
        } catch (IOException e) {
            throw NodeErrors.translate(e, ErrorCode.BLOB_UNKNOWN, "blob " + digest + " in " + repository);
        }
    }

    InputStream openBlob(Digest digest, ByteRange range, long size) throws RegistryException, IOException {
        String where = blobPath(digest);
        try {
            Optional<BlobCache> disk = caches.blobs();
            if (disk.isPresent()) {
                return disk.get().open(digest, size, range, (offset, length) -> node.readFile(where, offset, length),
                        where);
            }
            caches.countUncachedRead();
            if (range == null) {
                return VerifyingInputStream.ofDigest(node.readFile(where, 0, size), size, digest, where);
            }
            return VerifyingInputStream.ofLength(node.readFile(where, range.first(), range.length()), range.length(),
                    where);
        } catch (IOException e) {
            throw NodeErrors.translate(e, ErrorCode.BLOB_UNKNOWN, "blob " + digest + " in " + repository);
        }
    }

    private String blobPath(Digest digest) {
        return path + "/blobs/" + digest.algorithm() + "/" + digest.encoded();
    }

    private byte[] readDocument(String where) throws IOException, RegistryException {
        byte[] bytes;
        try (InputStream in = node.cat(where, 0, MAX_DOCUMENT_BYTES + 1L)) {
            bytes = in.readNBytes(MAX_DOCUMENT_BYTES + 1);
        }
        if (bytes.length > MAX_DOCUMENT_BYTES) {
            throw new RegistryException(ErrorCode.MANIFEST_INVALID, where + " is larger than the "
                    + (MAX_DOCUMENT_BYTES >> 20) + " MiB limit for index.json and manifests", where);
        }
        return bytes;
    }
}
