package io.ipfsmiddleware.api.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipfsmiddleware.api.error.RegistryException;
import io.ipfsmiddleware.api.model.RepositoryName;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Discovery through {@link java.util.ServiceLoader} from a plain classpath: the test providers
 * are registered in this module's test resources under META-INF/services.
 */
class MiddlewareChainTest {
    private static MiddlewareConfig entry(String name, Map<String, ?> options) {
        return new MiddlewareConfig(name, MiddlewareOptions.of(name, options), false);
    }

    @Test
    void discoversProvidersByName() {
        Map<String, RepositoryMiddlewareProvider> found = MiddlewareChain.discover(getClass().getClassLoader());
        assertTrue(found.containsKey("prefix"), found.toString());
        assertTrue(found.containsKey("noop"), found.toString());
    }

    @Test
    void wrapsInConfigurationOrderAndPassesOthersThrough() throws RegistryException {
        MiddlewareChain chain = MiddlewareChain.load(List.of(entry("noop", Map.of()),
                entry("prefix", Map.of("prefix", "mine"))), getClass().getClassLoader());
        assertEquals(List.of("noop", "prefix"), chain.names());
        TestRepositories.Plain host = new TestRepositories.Plain(new RepositoryName("other/image"));
        assertSame(host, chain.wrap(host));
        TestRepositories.Plain ours = new TestRepositories.Plain(new RepositoryName("mine/image"));
        Repository wrapped = chain.wrap(ours);
        assertTrue(wrapped instanceof TestRepositories.Intercepted, wrapped.toString());
    }

    @Test
    void interceptAnswersWhetherAMiddlewareServesAName() throws RegistryException {
        MiddlewareChain chain = MiddlewareChain.load(List.of(entry("prefix", Map.of("prefix", "mine"))),
                getClass().getClassLoader());
        assertTrue(chain.intercept("mine/image").orElseThrow() instanceof TestRepositories.Intercepted);
        assertTrue(chain.intercept("other/image").isEmpty());
        assertTrue(chain.intercept("Not/Valid").isEmpty(), "an invalid name no middleware claims is the registry's");
    }

    @Test
    void skipsDisabledEntries() {
        MiddlewareChain chain = MiddlewareChain.load(List.of(new MiddlewareConfig("prefix",
                MiddlewareOptions.empty("prefix"), true)), getClass().getClassLoader());
        assertTrue(chain.isEmpty());
    }

    @Test
    void unknownNameListsWhatIsAvailable() {
        MiddlewareConfigException e = assertThrows(MiddlewareConfigException.class,
                () -> MiddlewareChain.load(List.of(entry("ipfz", Map.of())), getClass().getClassLoader()));
        assertTrue(e.getMessage().contains("'ipfz'") && e.getMessage().contains("prefix"), e.getMessage());
    }

    @Test
    void optionErrorsClosePreviouslyCreatedMiddlewares() {
        TestRepositories.CLOSED.set(0);
        assertThrows(MiddlewareConfigException.class, () -> MiddlewareChain.load(List.of(
                entry("prefix", Map.of("prefix", "a")), entry("prefix", Map.of("bogus", "x"))),
                getClass().getClassLoader()));
        assertEquals(1, TestRepositories.CLOSED.get());
    }

    @Test
    void brokenProviderIsSkippedAndDuplicateNamesAreRejected(@TempDir Path dir) throws IOException {
        Path services = dir.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve(RepositoryMiddlewareProvider.class.getName()),
                "com.example.DoesNotExist\n" + TestRepositories.DuplicatePrefixProvider.class.getName() + "\n");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            // The missing class is skipped; the parent's PrefixProvider and this duplicate both claim "prefix".
            MiddlewareConfigException e = assertThrows(MiddlewareConfigException.class,
                    () -> MiddlewareChain.discover(loader));
            assertTrue(e.getMessage().contains("two repository middleware providers are named 'prefix'"), e.getMessage());
        }
    }

    /** A class loader that adds a META-INF/services file listing {@code providers} to this module's. */
    private URLClassLoader withProviders(Path dir, Class<?>... providers) throws IOException {
        Path services = dir.resolve("META-INF/services");
        Files.createDirectories(services);
        StringBuilder lines = new StringBuilder();
        for (Class<?> provider : providers) {
            lines.append(provider.getName()).append('\n');
        }
        Files.writeString(services.resolve(RepositoryMiddlewareProvider.class.getName()), lines);
        return new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader());
    }

    @Test
    void providerBuiltForAnotherApiVersionIsRefusedNamingBothVersions(@TempDir Path dir) throws IOException {
        try (URLClassLoader loader = withProviders(dir, TestRepositories.NextApiProvider.class)) {
            assertFalse(MiddlewareChain.discover(loader).containsKey("next"));
            MiddlewareConfigException e = assertThrows(MiddlewareConfigException.class,
                    () -> MiddlewareChain.load(List.of(entry("next", Map.of())), loader));
            int api = RepositoryMiddlewareProvider.API_VERSION;
            assertTrue(e.getMessage().contains("'next'")
                    && e.getMessage().contains(TestRepositories.NextApiProvider.class.getName())
                    && e.getMessage().contains("built for ipfs-middleware-api version " + (api + 1))
                    && e.getMessage().contains("this ipfs-middleware-api is version " + api), e.getMessage());
        }
    }

    @Test
    void oldProviderDoesNotShadowOrClashWithACompatibleOneOfTheSameName(@TempDir Path dir)
            throws IOException, RegistryException {
        try (URLClassLoader loader = withProviders(dir, TestRepositories.OldPrefixProvider.class)) {
            assertTrue(MiddlewareChain.discover(loader).get("prefix") instanceof TestRepositories.PrefixProvider);
            MiddlewareChain chain = MiddlewareChain.load(List.of(entry("prefix", Map.of("prefix", "mine"))), loader);
            Repository wrapped = chain.wrap(new TestRepositories.Plain(new RepositoryName("mine/image")));
            assertTrue(wrapped instanceof TestRepositories.Intercepted, wrapped.toString());
        }
    }
}
