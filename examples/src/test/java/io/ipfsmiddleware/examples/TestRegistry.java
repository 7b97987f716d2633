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
        return start(container, ipfsApi, extraYaml, "");
    }

    /**
     * @param extraOptions more lines of the ipfs middleware's options, each indented by 8 spaces
     */
    static TestRegistry start(RegistryServer.Container container, String ipfsApi, String extraYaml,
            String extraOptions) throws Exception {
        return startWithOptions(container, "ipfsapiaddress: " + ipfsApi + "\n" + extraOptions, extraYaml);
    }

    /** @param options more options of the ipfs middleware, e.g. {@code cachedirectory} */
    static TestRegistry start(RegistryServer.Container container, String ipfsApi, String extraYaml,
            java.util.Map<String, String> options) throws Exception {
        StringBuilder more = new StringBuilder();
        options.forEach((k, v) -> more.append(k).append(": ").append(v).append('\n'));
        return start(container, ipfsApi, extraYaml, more.toString());
    }

    /**
     * @param middlewareOptions the ipfs middleware's options as YAML lines (e.g. {@code gateways: [http://…]});
     *     {@code timeout: 20s} is added unless they set a timeout
     * @param extraYaml top-level YAML before the middleware block
     */
    static TestRegistry startWithOptions(RegistryServer.Container container, String middlewareOptions,
            String extraYaml) throws Exception {
        StringBuilder options = new StringBuilder();
        for (String line : middlewareOptions.split("\n")) {
            if (!line.isBlank()) {
                options.append("        ").append(line.strip()).append('\n');
            }
        }
        if (!middlewareOptions.contains("timeout:")) {
            options.append("        timeout: 20s\n");
        }
        String yaml = "http:\n  addr: 127.0.0.1:0\n" + extraYaml + "middleware:\n  repository:\n    - name: ipfs\n"
                + "      options:\n" + options;
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
