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

    @Override
    public void close() throws IOException {
        registry.close();
    }
}
