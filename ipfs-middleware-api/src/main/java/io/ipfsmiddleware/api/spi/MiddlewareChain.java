package io.ipfsmiddleware.api.spi;

import io.ipfsmiddleware.api.error.RegistryException;
import io.ipfsmiddleware.api.model.RepositoryName;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * An ordered, immutable list of middlewares built from the {@code middleware.repository}
 * configuration. {@link #wrap} hands a repository to each middleware in configuration order.
 * Closing the chain closes every middleware.
 */
public final class MiddlewareChain implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(MiddlewareChain.class.getName());

    private final List<String> names;
    private final List<RepositoryMiddleware> middlewares;

    private MiddlewareChain(List<String> names, List<RepositoryMiddleware> middlewares) {
        this.names = List.copyOf(names);
        this.middlewares = List.copyOf(middlewares);
    }

    /**
     * A chain of middlewares created by the caller, named for diagnostics.
     *
     * @param middlewares the middlewares, in order
     * @return the chain
     */
    public static MiddlewareChain of(List<? extends RepositoryMiddleware> middlewares) {
        List<String> names = new ArrayList<>();
        middlewares.forEach(m -> names.add(Objects.requireNonNull(m, "middleware").getClass().getSimpleName()));
        return new MiddlewareChain(names, List.copyOf(middlewares));
    }

    /**
     * Builds a chain from configuration entries, finding each provider by name with {@link
     * ServiceLoader} on {@code classLoader}. Disabled entries are skipped. A provider that fails
     * to load is reported and skipped; a name with no provider, two providers claiming one name,
     * or a provider built for another {@linkplain RepositoryMiddlewareProvider#API_VERSION API
     * version} is an error. Middlewares already created are closed if a later one fails.
     *
     * @param configs the entries, in order
     * @param classLoader where to look for providers
     * @return the chain
     * @throws MiddlewareConfigException when a name is unknown, ambiguous or names an incompatible
     *     provider, or options are invalid
     */
    public static MiddlewareChain load(List<MiddlewareConfig> configs, ClassLoader classLoader) {
        Discovery found = scan(classLoader);
        List<String> names = new ArrayList<>();
        List<RepositoryMiddleware> created = new ArrayList<>();
        try {
            for (MiddlewareConfig config : configs) {
                if (config.disabled()) {
                    continue;
                }
                RepositoryMiddlewareProvider provider = found.compatible().get(config.name());
                if (provider == null) {
                    String refused = found.refused().get(config.name());
                    throw new MiddlewareConfigException(refused != null ? refused
                            : "no repository middleware named '" + config.name()
                            + "' is on the classpath; available: " + found.compatible().keySet()
                            + ". Add the jar that provides it (for 'ipfs': io.ipfsmiddleware:ipfs-middleware-core).");
                }
                created.add(Objects.requireNonNull(provider.create(config.options()),
                        "provider '" + config.name() + "' returned no middleware"));
                names.add(config.name());
            }
        } catch (RuntimeException e) {
            created.forEach(MiddlewareChain::closeQuietly);
            throw e;
        }
        return new MiddlewareChain(names, created);
    }

    /**
     * Lists the providers {@link ServiceLoader} finds, by name. Providers built for another API
     * version are left out with a warning naming them.
     *
     * @param classLoader where to look
     * @return the compatible providers by name, in discovery order
     * @throws MiddlewareConfigException when two providers claim the same name
     */
    public static Map<String, RepositoryMiddlewareProvider> discover(ClassLoader classLoader) {
        Discovery found = scan(classLoader);
        found.refused().values().forEach(message -> LOG.log(System.Logger.Level.WARNING, message));
        return found.compatible();
    }

    private record Discovery(Map<String, RepositoryMiddlewareProvider> compatible, Map<String, String> refused) {
    }

    private static Discovery scan(ClassLoader classLoader) {
        Map<String, RepositoryMiddlewareProvider> byName = new LinkedHashMap<>();
        Map<String, String> refused = new LinkedHashMap<>();
        Iterator<RepositoryMiddlewareProvider> it =
                ServiceLoader.load(RepositoryMiddlewareProvider.class, classLoader).iterator();
        while (true) {
            RepositoryMiddlewareProvider provider;
            try {
                if (!it.hasNext()) {
                    break;
                }
                provider = it.next();
            } catch (ServiceConfigurationError e) {
                LOG.log(System.Logger.Level.WARNING, "A repository middleware provider failed to load and is skipped: "
                        + e.getMessage() + ". Check that its jar matches this version of ipfs-middleware-api.", e);
                continue;
            }
            Optional<String> mismatch = versionMismatch(provider);
            if (mismatch.isPresent()) {
                refused.putIfAbsent(provider.name(), mismatch.get());
                continue;
            }
            RepositoryMiddlewareProvider previous = byName.putIfAbsent(provider.name(), provider);
            if (previous != null) {
                throw new MiddlewareConfigException("two repository middleware providers are named '" + provider.name()
                        + "': " + previous.getClass().getName() + " and " + provider.getClass().getName()
                        + "; remove one of their jars from the classpath");
            }
        }
        return new Discovery(byName, refused);
    }

    /** @return why the provider is refused, or empty when it was built for this API version */
    private static Optional<String> versionMismatch(RepositoryMiddlewareProvider provider) {
        String built;
        try {
            int version = provider.apiVersion();
            if (version == RepositoryMiddlewareProvider.API_VERSION) {
                return Optional.empty();
            }
            built = "was built for ipfs-middleware-api version " + version;
        } catch (AbstractMethodError e) {
            built = "was built for an ipfs-middleware-api older than version 1 (it has no apiVersion())";
        }
        return Optional.of("repository middleware provider '" + provider.name() + "' (" + provider.getClass().getName()
                + ") " + built + ", but this ipfs-middleware-api is version " + RepositoryMiddlewareProvider.API_VERSION
                + "; it is refused. Use a release of its jar built for API version "
                + RepositoryMiddlewareProvider.API_VERSION + ".");
    }

    /**
     * Passes {@code repository} through every middleware in order.
     *
     * @param repository the registry's own repository for the requested name
     * @return the repository to serve: {@code repository} itself when no middleware intercepts
     * @throws RegistryException when a middleware rejects the name
     */
    public Repository wrap(Repository repository) throws RegistryException {
        Repository current = repository;
        for (RepositoryMiddleware middleware : middlewares) {
            current = Objects.requireNonNull(middleware.wrap(current), "a middleware returned no repository");
        }
        return current;
    }

    /**
     * Asks whether a middleware serves a request's repository name, for registries that do not
     * keep a {@link Repository} object per name: the name is validated, handed through the chain
     * as a stand-in for the registry's own repository, and the intercepting repository returned.
     *
     * @param rawName the name as the client sent it
     * @return the repository to serve the request from, or empty when the registry serves the name
     *     itself (including names that are invalid and that no middleware claims)
     * @throws RegistryException when a middleware rejects the name, or explains why it is invalid
     */
    public Optional<Repository> intercept(String rawName) throws RegistryException {
        if (!RepositoryName.isValid(rawName)) {
            Optional<RegistryException> explained = explainInvalidName(rawName);
            if (explained.isPresent()) {
                throw explained.get();
            }
            return Optional.empty();
        }
        Repository own = new StandIn(new RepositoryName(rawName));
        Repository repository = wrap(own);
        return repository == own ? Optional.empty() : Optional.of(repository);
    }

    /** Stands for the registry's own repository in {@link #intercept}; its stores are never read. */
    private record StandIn(RepositoryName name) implements Repository {
        @Override
        public ManifestStore manifests() {
            throw new UnsupportedOperationException("the registry serves " + name + " itself");
        }

        @Override
        public TagStore tags() {
            throw new UnsupportedOperationException("the registry serves " + name + " itself");
        }

        @Override
        public BlobStore blobs() {
            throw new UnsupportedOperationException("the registry serves " + name + " itself");
        }
    }

    /**
     * Asks each middleware to explain an invalid name; the first explanation wins.
     *
     * @param rawName the name as the client sent it
     * @return a specific error, or empty to use the generic one
     */
    public Optional<RegistryException> explainInvalidName(String rawName) {
        for (RepositoryMiddleware middleware : middlewares) {
            Optional<RegistryException> explained = middleware.explainInvalidName(rawName);
            if (explained.isPresent()) {
                return explained;
            }
        }
        return Optional.empty();
    }

    /** @return each middleware's health by name, in chain order */
    public Map<String, MiddlewareHealth> health() {
        Map<String, MiddlewareHealth> health = new LinkedHashMap<>();
        for (int i = 0; i < middlewares.size(); i++) {
            String key = health.containsKey(names.get(i)) ? names.get(i) + "#" + (i + 1) : names.get(i);
            health.put(key, middlewares.get(i).health());
        }
        return health;
    }

    /** @return the names of the middlewares, in order */
    public List<String> names() {
        return names;
    }

    /** @return the middlewares, in order (for diagnostics such as a registry's statistics page) */
    public List<RepositoryMiddleware> middlewares() {
        return middlewares;
    }

    /** @return whether the chain has no middleware */
    public boolean isEmpty() {
        return middlewares.isEmpty();
    }

    @Override
    public void close() {
        middlewares.forEach(MiddlewareChain::closeQuietly);
    }

    private static void closeQuietly(RepositoryMiddleware middleware) {
        try {
            middleware.close();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "closing a repository middleware failed", e);
        }
    }

    @Override
    public String toString() {
        return "MiddlewareChain" + names;
    }
}
