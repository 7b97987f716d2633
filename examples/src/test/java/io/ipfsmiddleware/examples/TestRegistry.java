package io.ipfsmiddleware.examples;

import io.ipfsmiddleware.servlet.config.RegistryConfig;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Starts the example registry in this JVM from a YAML text, on a free loopback port. */
final class TestRegistry implements AutoCloseable {
    private final RegistryMain.ExampleRegistry registry;

    private TestRegistry(RegistryMain.ExampleRegistry registry) {
        this.registry = registry;
    }

    static TestRegistry start(RegistryServer.Container container, String ipfsApi, String extraYaml) throws Exception {
        return start(container, ipfsApi, extraYaml, java.util.Map.of());
    }

    /** @param options more options of the ipfs middleware, e.g. {@code cachedirectory} */
    static TestRegistry start(RegistryServer.Container container, String ipfsApi, String extraYaml,
            java.util.Map<String, String> options) throws Exception {
        StringBuilder more = new StringBuilder();
        options.forEach((k, v) -> more.append("        ").append(k).append(": ").append(v).append('\n'));
        String yaml = "http:\n  addr: 127.0.0.1:0\n" + extraYaml + "middleware:\n  repository:\n    - name: ipfs\n"
                + "      options:\n        ipfsapiaddress: " + ipfsApi + "\n        timeout: 20s\n" + more;
        RegistryConfig config = RegistryConfig.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)),
                "test config");
        return new TestRegistry(RegistryMain.ExampleRegistry.start(config, container));
    }

    /** @return {@code 127.0.0.1:<port>}, as image references write a registry */
    String host() {
        return "127.0.0.1:" + registry.server().port();
    }

    /** @return {@code http://127.0.0.1:<port>} */
    String url() {
        return "http://" + host();
    }

    /** @return the ipfs middleware's counters, as {@code GET /debug/ipfs-stats} gives them */
    com.fasterxml.jackson.databind.JsonNode stats() throws Exception {
        return Http.json(Http.get(url() + "/debug/ipfs-stats"));
    }

    @Override
    public void close() throws IOException {
        registry.close();
    }
}
