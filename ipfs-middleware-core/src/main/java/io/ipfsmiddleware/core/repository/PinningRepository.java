package io.ipfsmiddleware.core.repository;

import io.ipfsmiddleware.api.error.RegistryException;
import io.ipfsmiddleware.api.model.ByteRange;
import io.ipfsmiddleware.api.model.Descriptor;
import io.ipfsmiddleware.api.model.Digest;
import io.ipfsmiddleware.api.model.ManifestContent;
import io.ipfsmiddleware.api.model.RepositoryName;
import io.ipfsmiddleware.api.spi.BlobStore;
import io.ipfsmiddleware.api.spi.ManifestStore;
import io.ipfsmiddleware.api.spi.Repository;
import io.ipfsmiddleware.api.spi.TagStore;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Pins what clients pull (index, manifests, whole blobs) on the registry's node, so the node
 * keeps it and goes on providing it after the publisher is gone.
 */
final class PinningRepository implements Repository, ManifestStore, BlobStore {
    private final IpfsRepository delegate;
    private final Pinner pinner;

    PinningRepository(IpfsRepository delegate, Pinner pinner) {
        this.delegate = delegate;
        this.pinner = pinner;
    }

    @Override
    public RepositoryName name() {
        return delegate.name();
    }

    @Override
    public ManifestStore manifests() {
        return this;
    }

    @Override
    public TagStore tags() {
        return delegate.tags();
    }

    @Override
    public BlobStore blobs() {
        return this;
    }

    @Override
    public String readOnlyMessage(String method) {
        return delegate.readOnlyMessage(method);
    }

    @Override
    public ManifestContent get(String reference) throws RegistryException, IOException {
        ManifestContent content = delegate.manifests().get(reference);
        pinner.pin(delegate.layoutPath() + "/index.json");
        pinner.pin(delegate.layoutPath() + "/oci-layout");
        pinner.pin(blobPath(content.digest()));
        return content;
    }

    @Override
    public Descriptor stat(Digest digest) throws RegistryException, IOException {
        return delegate.blobs().stat(digest);
    }

    @Override
    public InputStream open(Digest digest, ByteRange range) throws RegistryException, IOException {
        InputStream in = delegate.blobs().open(digest, range);
        if (range != null) {
            return in;
        }
        return new FilterInputStream(in) {
            private boolean complete;

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                complete |= n < 0;
                return n;
            }

            @Override
            public void close() throws IOException {
                super.close();
                if (complete) {
                    pinner.pin(blobPath(digest));
                }
            }
        };
    }

    private String blobPath(Digest digest) {
        return delegate.layoutPath() + "/blobs/" + digest.algorithm() + "/" + digest.encoded();
    }
}
