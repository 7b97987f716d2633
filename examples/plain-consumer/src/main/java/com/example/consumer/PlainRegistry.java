package com.example.consumer;

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
import io.ipfsmiddleware.api.spi.MiddlewareChain;
import io.ipfsmiddleware.api.spi.MiddlewareConfig;
import io.ipfsmiddleware.api.spi.MiddlewareOptions;
import io.ipfsmiddleware.api.spi.Repository;
import io.ipfsmiddleware.api.spi.TagStore;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * A stand-in for a registry that knows nothing about IPFS: its own storage is empty. It loads
 * {@code middleware.repository} entries through {@link MiddlewareChain#load} (ServiceLoader) and
 * asks the chain for every repository, exactly as the README's "Any registry: call the SPI"
 * section shows.
 */
public final class PlainRegistry implements AutoCloseable {
    private final MiddlewareChain chain;

    /** @param chain the middlewares to apply to every repository */
    public PlainRegistry(MiddlewareChain chain) {
        this.chain = chain;
    }

    /**
     * The configuration a YAML file would give: {@code - name: ipfs, options: {ipfsapiaddress: …}}.
     *
     * @param ipfsApiAddress the node's RPC API multiaddr
     * @return a registry with the ipfs middleware, found by name on the class path
     */
    public static PlainRegistry withIpfs(String ipfsApiAddress) {
        MiddlewareConfig ipfs = new MiddlewareConfig("ipfs",
                MiddlewareOptions.of("ipfs", Map.of("ipfsapiaddress", ipfsApiAddress)), false);
        return new PlainRegistry(MiddlewareChain.load(List.of(ipfs), PlainRegistry.class.getClassLoader()));
    }

    /** @return the chain's middleware names, e.g. {@code [ipfs]} */
    public List<String> middlewares() {
        return chain.names();
    }

    /**
     * @param name a repository name
     * @return the repository to serve: the middleware's for its names, else this registry's own
     * @throws RegistryException when the name is invalid
     */
    public Repository repository(String name) throws RegistryException {
        return chain.wrap(new OwnRepository(RepositoryName.parse(name)));
    }

    /**
     * @param repository what {@link #repository} returned
     * @return whether it is this registry's own (empty) storage
     */
    public static boolean isOwn(Repository repository) {
        return repository instanceof OwnRepository;
    }

    @Override
    public void close() {
        chain.close();
    }

    /** The registry's own storage: nothing in it. */
    private record OwnRepository(RepositoryName name) implements Repository, ManifestStore, TagStore, BlobStore {
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
        public ManifestContent get(String reference) throws RegistryException {
            throw new RegistryException(ErrorCode.MANIFEST_UNKNOWN, "no manifest " + reference, reference);
        }

        @Override
        public TagPage list(int limit, String last) throws RegistryException {
            throw new RegistryException(ErrorCode.NAME_UNKNOWN, "no repository " + name, name.value());
        }

        @Override
        public Descriptor stat(Digest digest) throws RegistryException {
            throw new RegistryException(ErrorCode.BLOB_UNKNOWN, "no blob " + digest, digest.toString());
        }

        @Override
        public InputStream open(Digest digest, ByteRange range) throws RegistryException {
            throw new RegistryException(ErrorCode.BLOB_UNKNOWN, "no blob " + digest, digest.toString());
        }
    }
}
