package io.ipfsmiddleware.core.repository;

import io.ipfsmiddleware.api.error.ErrorCode;
import io.ipfsmiddleware.api.error.RegistryException;
import io.ipfsmiddleware.api.model.ByteRange;
import io.ipfsmiddleware.api.model.Descriptor;
import io.ipfsmiddleware.api.model.Digest;
import io.ipfsmiddleware.api.model.ManifestContent;
import io.ipfsmiddleware.api.model.RepositoryName;
import io.ipfsmiddleware.api.model.TagPage;
import io.ipfsmiddleware.api.spi.BlobStore;
import io.ipfsmiddleware.api.spi.ManifestStore;
import io.ipfsmiddleware.api.spi.Repository;
import io.ipfsmiddleware.api.spi.TagStore;
import io.ipfsmiddleware.core.cache.Caches;
import io.ipfsmiddleware.core.layout.LayoutIndex;
import io.ipfsmiddleware.core.name.IpfsName;
import io.ipfsmiddleware.core.node.IpfsNode;
import java.io.IOException;
import java.io.InputStream;

/**
 * A read-only repository whose content is an OCI image layout in IPFS: tags from its
 * {@code index.json}, manifests and blobs from {@code blobs/}.
 */
public final class IpfsRepository implements Repository, ManifestStore, TagStore, BlobStore {
    private final RepositoryName name;
    private final String layoutPath;
    private final OciLayout layout;

    /**
     * @param name the repository's IPFS name
     * @param node the node to read through
     * @param caches the caches shared by the middleware's repositories
     */
    public IpfsRepository(IpfsName name, IpfsNode node, Caches caches) {
        this(name.repository(), name.layoutPath(), node, caches);
    }

    /**
     * @param name the repository name
     * @param layoutPath the {@code /ipfs/…} path of its OCI image layout
     * @param node the node to read through
     * @param caches the caches shared by the middleware's repositories
     */
    public IpfsRepository(RepositoryName name, String layoutPath, IpfsNode node, Caches caches) {
        this.name = name;
        this.layoutPath = layoutPath;
        this.layout = new OciLayout(node, caches, layoutPath, name.value());
    }

    @Override
    public RepositoryName name() {
        return name;
    }

    /** @return the IPFS path of the layout directory this repository serves */
    public String layoutPath() {
        return layoutPath;
    }

    /** Wraps this repository so that what clients pull is pinned on the node. */
    public Repository pinnedBy(Pinner pinner) {
        return new PinningRepository(this, pinner);
    }

    @Override
    public ManifestStore manifests() {
        return this;
    }

    @Override
    public TagStore tags() {
        return this;
    }

    @Override
    public BlobStore blobs() {
        return this;
    }

    @Override
    public ManifestContent get(String reference) throws RegistryException, IOException {
        if (Digest.isDigest(reference)) {
            Digest digest = Digest.parse(reference);
            return layout.manifest(digest, null);
        }
        if (reference.indexOf(':') >= 0) {
            Digest.parse(reference); // a malformed digest: DIGEST_INVALID says what is wrong
        }
        if (!LayoutIndex.isTag(reference)) {
            throw new RegistryException(ErrorCode.MANIFEST_UNKNOWN, "'" + reference + "' is neither a tag nor a digest",
                    reference);
        }
        LayoutIndex index = layout.index();
        Descriptor descriptor = index.find(reference).orElseThrow(() -> new RegistryException(
                ErrorCode.MANIFEST_UNKNOWN, "tag '" + reference + "' is not in " + layoutPath
                + "/index.json; its tags are " + index.tags(), reference));
        return layout.manifest(descriptor.digest(), descriptor);
    }

    @Override
    public TagPage list(int limit, String last) throws RegistryException, IOException {
        return TagPage.of(layout.index().tags(), limit, last);
    }

    @Override
    public Descriptor stat(Digest digest) throws RegistryException, IOException {
        return layout.statBlob(digest);
    }

    @Override
    public InputStream open(Digest digest, ByteRange range) throws RegistryException, IOException {
        long size = layout.statBlob(digest).size();
        if (range != null && range.last() >= size) {
            throw new RegistryException(ErrorCode.RANGE_INVALID, "range " + range.first() + "-" + range.last()
                    + " is beyond the blob's " + size + " bytes", digest.toString());
        }
        return layout.openBlob(digest, range, size);
    }

    @Override
    public String readOnlyMessage(String method) {
        return name + " is read-only: content addressed by IPFS cannot change, so " + method + " is not allowed. "
                + "To publish, add an OCI image layout to IPFS ('ipfs add -r --cid-version 1 ./images') "
                + "and pull ipfs/<new CID>/<image>";
    }

    @Override
    public String toString() {
        return "IpfsRepository[" + layoutPath + "]";
    }
}
