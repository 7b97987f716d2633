package io.ipfsmiddleware.servlet.config;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.ipfsmiddleware.api.spi.MiddlewareConfig;
import io.ipfsmiddleware.api.spi.MiddlewareConfigException;
import io.ipfsmiddleware.api.spi.MiddlewareOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A registry's YAML configuration in the style of CNCF distribution's {@code config.yml}: the
 * {@code middleware.repository} list this library acts on, and the few other settings the
 * example registries read ({@code http.addr}, {@code upstream}). Other keys are left alone, so
 * the middleware block can live in a larger registry configuration.
 */
public final class RegistryConfig {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final TypeReference<Map<String, Object>> OPTIONS_TYPE = new TypeReference<>() { };
    private static final Set<String> ENTRY_KEYS = Set.of("name", "options", "disabled");

    private final JsonNode document;
    private final List<MiddlewareConfig> middlewares;

    private RegistryConfig(JsonNode document, List<MiddlewareConfig> middlewares) {
        this.document = document;
        this.middlewares = List.copyOf(middlewares);
    }

    /**
     * @param file the YAML file
     * @return its configuration
     * @throws IOException when the file cannot be read
     * @throws MiddlewareConfigException when it is not valid YAML or the middleware block is malformed
     */
    public static RegistryConfig read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new MiddlewareConfigException("configuration file " + file + " does not exist");
        }
    }

    /**
     * @param yaml the YAML document
     * @param source where it came from, for messages
     * @return its configuration
     */
    public static RegistryConfig read(InputStream yaml, String source) throws IOException {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (IOException e) {
            throw new MiddlewareConfigException(source + " is not valid YAML: " + e.getMessage(), e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            root = YAML.createObjectNode();
        }
        if (!root.isObject()) {
            throw new MiddlewareConfigException(source + ": expected a YAML mapping at the top level");
        }
        return new RegistryConfig(root, middlewares(root.path("middleware").path("repository"), source));
    }

    private static List<MiddlewareConfig> middlewares(JsonNode list, String source) {
        if (list.isMissingNode() || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw new MiddlewareConfigException(source + ": middleware.repository must be a list of entries "
                    + "with 'name' and 'options'");
        }
        List<MiddlewareConfig> configs = new ArrayList<>();
        for (JsonNode entry : list) {
            if (!entry.isObject()) {
                throw new MiddlewareConfigException(source + ": each middleware.repository entry must be a mapping "
                        + "such as {name: ipfs, options: {...}}");
            }
            Set<String> unknown = new TreeSet<>();
            entry.fieldNames().forEachRemaining(unknown::add);
            unknown.removeAll(ENTRY_KEYS);
            if (!unknown.isEmpty()) {
                throw new MiddlewareConfigException(source + ": middleware.repository entry has unknown key(s) "
                        + unknown + "; entries take name, options and disabled");
            }
            String name = entry.path("name").asText("");
            JsonNode options = entry.path("options");
            if (!options.isMissingNode() && !options.isNull() && !options.isObject()) {
                throw new MiddlewareConfigException(source + ": options of middleware '" + name + "' must be a mapping");
            }
            Map<String, Object> values = options.isObject() ? YAML.convertValue(options, OPTIONS_TYPE) : Map.of();
            JsonNode disabled = entry.path("disabled");
            if (!disabled.isMissingNode() && !disabled.isNull() && !disabled.isBoolean()) {
                throw new MiddlewareConfigException(source + ": 'disabled' of middleware '" + name + "' is '"
                        + disabled.asText() + "', expected true or false");
            }
            configs.add(new MiddlewareConfig(name, MiddlewareOptions.of(name, values), disabled.asBoolean(false)));
        }
        return configs;
    }

    /** @return the {@code middleware.repository} entries, in order */
    public List<MiddlewareConfig> middlewares() {
        return middlewares;
    }

    /**
     * @param dottedPath a path of mapping keys such as {@code http.addr}
     * @return the scalar there, when present
     */
    public Optional<String> string(String dottedPath) {
        JsonNode node = document;
        for (String key : dottedPath.split("\\.")) {
            node = node.path(key);
        }
        return node.isValueNode() && !node.isNull() ? Optional.of(node.asText()) : Optional.empty();
    }
}
