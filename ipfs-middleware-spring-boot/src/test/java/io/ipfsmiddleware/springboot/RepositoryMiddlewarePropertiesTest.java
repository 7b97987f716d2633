package io.ipfsmiddleware.springboot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipfsmiddleware.api.spi.MiddlewareConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Binding {@code middleware.repository} as Boot flattens it from application.yml. */
class RepositoryMiddlewarePropertiesTest {
    private static List<MiddlewareConfig> bind(Map<String, String> flattened) {
        Binder binder = new Binder(new MapConfigurationPropertySource(flattened));
        return binder.bind("middleware", RepositoryMiddlewareProperties.class)
                .map(RepositoryMiddlewareProperties::middlewares).orElse(List.of());
    }

    @Test
    void entriesKeepTheirOrderNamesOptionsAndDisabledFlag() {
        List<MiddlewareConfig> configs = bind(Map.of(
                "middleware.repository[0].name", "ipfs",
                "middleware.repository[0].options.ipfsapiaddress", "/ip4/127.0.0.1/tcp/5001",
                "middleware.repository[0].options.timeout", "30s",
                "middleware.repository[1].name", "other",
                "middleware.repository[1].disabled", "true"));
        assertEquals(2, configs.size());
        MiddlewareConfig ipfs = configs.get(0);
        assertEquals("ipfs", ipfs.name());
        assertFalse(ipfs.disabled());
        assertEquals("/ip4/127.0.0.1/tcp/5001", ipfs.options().string("ipfsapiaddress", null));
        assertEquals(Duration.ofSeconds(30), ipfs.options().duration("timeout", null));
        assertEquals("other", configs.get(1).name());
        assertTrue(configs.get(1).disabled());
    }

    @Test
    void yamlListsUnderOptionsComeBackAsLists() {
        List<MiddlewareConfig> configs = bind(Map.of(
                "middleware.repository[0].name", "ipfs",
                "middleware.repository[0].options.peers[0]", "a",
                "middleware.repository[0].options.peers[1]", "b",
                "middleware.repository[0].options.peers[2]", "c"));
        assertEquals(List.of("a", "b", "c"), configs.get(0).options().stringList("peers"));
    }

    @Test
    void noMiddlewareBlockMeansNoMiddlewares() {
        assertEquals(List.of(), bind(Map.of("server.port", "0")));
    }
}
