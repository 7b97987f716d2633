package io.ipfsmiddleware.api.spi;

import io.ipfsmiddleware.api.model.RepositoryName;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** Test doubles for the SPI: a plain repository and two tiny providers. */
final class TestRepositories {
    static final AtomicInteger CLOSED = new AtomicInteger();

    private TestRepositories() {
    }

    static class Plain implements Repository {
        private final RepositoryName name;

        Plain(RepositoryName name) {
            this.name = name;
        }

        @Override
        public RepositoryName name() {
            return name;
        }

        @Override
        public ManifestStore manifests() {
            throw new UnsupportedOperationException();
        }

        @Override
        public TagStore tags() {
            throw new UnsupportedOperationException();
        }

        @Override
        public BlobStore blobs() {
            throw new UnsupportedOperationException();
        }
    }

    static final class Intercepted extends Plain {
        Intercepted(RepositoryName name) {
            super(name);
        }
    }

    /** Intercepts names whose first component is the option {@code prefix}. */
    public static final class PrefixProvider implements RepositoryMiddlewareProvider {
        @Override
        public int apiVersion() {
            return API_VERSION;
        }

        @Override
        public String name() {
            return "prefix";
        }

        @Override
        public RepositoryMiddleware create(MiddlewareOptions options) {
            options.requireKnownKeys(Set.of("prefix"));
            String prefix = options.string("prefix", "mine");
            return new RepositoryMiddleware() {
                @Override
                public Repository wrap(Repository repository) {
                    return repository.name().components().get(0).equals(prefix)
                            ? new Intercepted(repository.name()) : repository;
                }

                @Override
                public void close() {
                    CLOSED.incrementAndGet();
                }
            };
        }
    }

    /** Claims the name of {@link PrefixProvider}, to test duplicate detection. */
    public static final class DuplicatePrefixProvider implements RepositoryMiddlewareProvider {
        @Override
        public int apiVersion() {
            return API_VERSION;
        }

        @Override
        public String name() {
            return "prefix";
        }

        @Override
        public RepositoryMiddleware create(MiddlewareOptions options) {
            return repository -> repository;
        }
    }

    /** Never intercepts. */
    public static final class NoopProvider implements RepositoryMiddlewareProvider {
        @Override
        public int apiVersion() {
            return API_VERSION;
        }

        @Override
        public String name() {
            return "noop";
        }

        @Override
        public RepositoryMiddleware create(MiddlewareOptions options) {
            return repository -> repository;
        }
    }

    /** Built "for" the next API major version, to test the version handshake. */
    public static final class NextApiProvider implements RepositoryMiddlewareProvider {
        @Override
        public int apiVersion() {
            return API_VERSION + 1;
        }

        @Override
        public String name() {
            return "next";
        }

        @Override
        public RepositoryMiddleware create(MiddlewareOptions options) {
            throw new AssertionError("an incompatible provider must not be asked to create a middleware");
        }
    }

    /** Claims the name of {@link PrefixProvider} but was built for an older API version. */
    public static final class OldPrefixProvider implements RepositoryMiddlewareProvider {
        @Override
        public int apiVersion() {
            return API_VERSION - 1;
        }

        @Override
        public String name() {
            return "prefix";
        }

        @Override
        public RepositoryMiddleware create(MiddlewareOptions options) {
            throw new AssertionError("an incompatible provider must not be asked to create a middleware");
        }
    }
}
