package io.ipfsmiddleware.springboot;

import io.ipfsmiddleware.api.spi.MiddlewareConfig;
import io.ipfsmiddleware.api.spi.MiddlewareOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code middleware} block of {@code application.yml}, in the shape of distribution's
 * configuration:
 *
 * <pre>{@code
 * middleware:
 *   repository:
 *     - name: ipfs
 *       options:
 *         ipfsapiaddress: /ip4/127.0.0.1/tcp/5001
 * }</pre>
 *
 * @param repository the {@code middleware.repository} entries, in order; {@code null} when absent
 */
@ConfigurationProperties("middleware")
public record RepositoryMiddlewareProperties(List<Entry> repository) {

    /**
     * One {@code middleware.repository} entry.
     *
     * @param name the provider name, e.g. {@code ipfs}
     * @param options the entry's options; {@code null} when absent
     * @param disabled whether the entry is switched off
     */
    public record Entry(String name, Map<String, Object> options, boolean disabled) {
    }

    /** @return the entries as the API's {@link MiddlewareConfig}s, in order */
    public List<MiddlewareConfig> middlewares() {
        List<MiddlewareConfig> out = new ArrayList<>();
        if (repository != null) {
            for (Entry entry : repository) {
                Map<String, Object> options = new LinkedHashMap<>();
                if (entry.options() != null) {
                    entry.options().forEach((k, v) -> options.put(k, plain(v)));
                }
                out.add(new MiddlewareConfig(entry.name(), MiddlewareOptions.of(String.valueOf(entry.name()), options),
                        entry.disabled()));
            }
        }
        return List.copyOf(out);
    }

    /**
     * Boot binds a YAML list under a {@code Map<String, Object>} as a map keyed {@code "0"},
     * {@code "1"}, …; turns such maps back into lists, as the YAML file has them.
     */
    private static Object plain(Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            return value;
        }
        boolean indexed = !map.isEmpty() && map.keySet().stream().allMatch(k -> String.valueOf(k).matches("\\d+"));
        if (indexed) {
            TreeMap<Integer, Object> byIndex = new TreeMap<>();
            map.forEach((k, v) -> byIndex.put(Integer.valueOf(String.valueOf(k)), plain(v)));
            return new ArrayList<>(byIndex.values());
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(String.valueOf(k), plain(v)));
        return copy;
    }
}
