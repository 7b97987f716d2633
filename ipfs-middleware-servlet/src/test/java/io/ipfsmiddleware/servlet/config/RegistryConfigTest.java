package io.ipfsmiddleware.servlet.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipfsmiddleware.api.spi.MiddlewareConfig;
import io.ipfsmiddleware.api.spi.MiddlewareConfigException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RegistryConfigTest {
    private static RegistryConfig read(String yaml) throws IOException {
        return RegistryConfig.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yml");
    }

    @Test
    void readsTheSeedBlockVerbatim() throws IOException {
        RegistryConfig config = read("""
                version: 0.1
                storage:
                  filesystem:
                    rootdirectory: /var/lib/registry
                http:
                  addr: :5000
                middleware:
                  repository:
                    - name: ipfs
                      options:
                        ipfsapiaddress: /ip4/127.0.0.1/tcp/5001
                """);
        List<MiddlewareConfig> entries = config.middlewares();
        assertEquals(1, entries.size());
        assertEquals("ipfs", entries.get(0).name());
        assertEquals("/ip4/127.0.0.1/tcp/5001", entries.get(0).options().string("ipfsapiaddress", null));
        assertEquals(Optional.of(":5000"), config.string("http.addr"));
        assertEquals(Optional.empty(), config.string("upstream"));
    }

    @Test
    void keepsOrderAndDisabledFlag() throws IOException {
        RegistryConfig config = read("""
                middleware:
                  repository:
                    - name: a
                    - name: b
                      disabled: true
                      options: {}
                """);
        assertEquals(List.of("a", "b"), config.middlewares().stream().map(MiddlewareConfig::name).toList());
        assertTrue(config.middlewares().get(1).disabled());
    }

    @Test
    void noMiddlewareBlockIsEmpty() throws IOException {
        assertEquals(List.of(), read("").middlewares());
        assertEquals(List.of(), read("http: {addr: ':5000'}").middlewares());
    }

    @Test
    void malformedBlocksSayWhatToFix() {
        for (String bad : new String[] {"middleware: {repository: {name: ipfs}}", "middleware: {repository: [ipfs]}",
            "middleware: {repository: [{name: ipfs, option: {}}]}", "middleware: {repository: [{name: ipfs, options: [1]}]}",
            "middleware: {repository: [{options: {}}]}", "[1, 2]", "a: [unclosed",
            "middleware: {repository: [{name: ipfs, disabled: maybe}]}"}) {
            MiddlewareConfigException e = assertThrows(MiddlewareConfigException.class, () -> read(bad), bad);
            assertTrue(e.getMessage().length() > 20, e.getMessage());
        }
    }

    @Test
    void missingFileIsAClearError() {
        MiddlewareConfigException e = assertThrows(MiddlewareConfigException.class,
                () -> RegistryConfig.read(Path.of("/nonexistent/config.yml")));
        assertTrue(e.getMessage().contains("/nonexistent/config.yml"));
    }
}
