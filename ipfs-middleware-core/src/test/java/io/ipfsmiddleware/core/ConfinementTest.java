package io.ipfsmiddleware.core;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipfsmiddleware.api.error.RegistryException;
import io.ipfsmiddleware.api.model.Digest;
import io.ipfsmiddleware.api.model.RepositoryName;
import io.ipfsmiddleware.api.spi.BlobStore;
import io.ipfsmiddleware.api.spi.ManifestStore;
import io.ipfsmiddleware.api.spi.Repository;
import io.ipfsmiddleware.api.spi.TagStore;
import io.ipfsmiddleware.core.node.DirectoryEntry;
import io.ipfsmiddleware.core.node.FileStat;
import io.ipfsmiddleware.core.node.IpfsNode;
import io.ipfsmiddleware.core.node.IpfsNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Whatever a client puts in a name, tag or digest, the middleware only ever asks its node for
 * paths under {@code /ipfs/<the CID in the name>/} (or resolves {@code /ipns/<the name>}): no
 * parent directories, no other CIDs, no URLs, no local files. The node here records the paths it
 * is asked for; it is a double of our own seam, not of kubo.
 */
class ConfinementTest {
    private static final String CID = "bafybeih5njpiyyu376v37c2ywi2zp4c7ako6dkb6qw4oi3vtqer7hojjiu";
    /** Paths under the named CID, IPNS names, and the fixed health probe (the empty identity CID). */
    private static final Pattern SAFE = Pattern.compile("/ipfs/" + CID + "(/[a-z0-9._-]+)*|/ipns/[a-z0-9.-]+|/ipfs/bafkqaaa");

    private final List<String> asked = new CopyOnWriteArrayList<>();

    private final IpfsNode node = new IpfsNode() {
        @Override
        public InputStream cat(String path, long offset, long length) throws IOException {
            return record(path);
        }

        @Override
        public FileStat stat(String path) throws IOException {
            return record(path);
        }

        @Override
        public List<DirectoryEntry> ls(String path) throws IOException {
            return record(path);
        }

        @Override
        public String resolve(String path) throws IOException {
            return record(path);
        }

        private <T> T record(String path) throws IOException {
            asked.add(path);
            throw new IpfsNotFoundException("no link named x under " + path);
        }

        @Override
        public String describe() {
            return "recording node";
        }

        @Override
        public void close() {
        }
    };

    private static Repository host(String name) {
        RepositoryName repositoryName = new RepositoryName(name);
        return new Repository() {
            @Override
            public RepositoryName name() {
                return repositoryName;
            }

            @Override
            public ManifestStore manifests() {
                throw new AssertionError("host store used");
            }

            @Override
            public TagStore tags() {
                throw new AssertionError("host store used");
            }

            @Override
            public BlobStore blobs() {
                throw new AssertionError("host store used");
            }
        };
    }

    @Test
    void hostileInputsOnlyReachPathsUnderTheNamedCid() throws Exception {
        List<String> names = List.of("ipfs/" + CID, "ipfs/" + CID + "/alpine", "ipfs/" + CID + "/a.b/c_d/e--f",
                "ipfs/" + CID + "/etc/passwd", "ipns/example.com/x");
        List<String> references = List.of("latest", "..", "../../x", "/etc/passwd", "http://evil.example/x",
                "sha256:" + "a".repeat(64), "sha256:../../../../etc/passwd", "sha512:" + "b".repeat(128),
                "file:///etc/passwd", "%2e%2e", "x?y", "a#b", "tag\u0000", "a".repeat(200));
        try (IpfsMiddleware middleware = new IpfsMiddleware(node)) {
            for (String name : names) {
                Repository repository;
                try {
                    repository = middleware.wrap(host(name));
                } catch (RegistryException e) {
                    continue;
                }
                for (String reference : references) {
                    try {
                        repository.manifests().get(reference);
                    } catch (RegistryException | IOException expected) {
                        // refused or absent; what matters is what the node was asked
                    }
                    try {
                        Digest digest = Digest.parse(reference);
                        repository.blobs().open(digest, null);
                    } catch (RegistryException | IOException expected) {
                        // refused or absent
                    }
                }
                try {
                    repository.tags().list(-1, "../../etc");
                } catch (RegistryException expected) {
                    // tags of an absent layout
                }
            }
        }
        for (String name : List.of("/ipfs/" + CID + "/alpine/", "/ipfs/" + CID + "/a.b/c_d/e--f/",
                "/ipfs/" + CID + "/etc/passwd/", "/ipns/example.com")) {
            assertTrue(asked.stream().anyMatch(p -> p.startsWith(name)), "never reached " + name + ": " + asked);
        }
        for (String path : asked) {
            assertTrue(SAFE.matcher(path).matches(), "the node was asked for " + path);
            assertFalse(path.contains(".."), path);
        }
    }
}
