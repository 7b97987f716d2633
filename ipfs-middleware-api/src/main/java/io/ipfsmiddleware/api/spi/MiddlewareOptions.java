package io.ipfsmiddleware.api.spi;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code options} block of a middleware entry: an immutable map of YAML scalars, lists and
 * maps, with typed getters that turn a wrong value into a {@link MiddlewareConfigException}
 * naming the middleware and the key.
 */
public final class MiddlewareOptions {
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");

    private final String middleware;
    private final Map<String, Object> values;

    private MiddlewareOptions(String middleware, Map<String, Object> values) {
        this.middleware = middleware;
        this.values = values;
    }

    /**
     * @param middleware the middleware name, used in error messages
     * @param values the options as parsed from configuration; {@code null} values are dropped
     * @return the options
     */
    public static MiddlewareOptions of(String middleware, Map<String, ?> values) {
        Map<String, Object> copy = new LinkedHashMap<>();
        if (values != null) {
            values.forEach((k, v) -> {
                if (v != null) {
                    copy.put(Objects.requireNonNull(k, "option key"), deepCopy(v));
                }
            });
        }
        return new MiddlewareOptions(Objects.requireNonNull(middleware, "middleware"), Map.copyOf(copy));
    }

    /**
     * @param middleware the name of the middleware the options are for, used in messages
     * @return empty options for {@code middleware}
     */
    public static MiddlewareOptions empty(String middleware) {
        return of(middleware, Map.of());
    }

    private static Object deepCopy(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                if (v != null) {
                    copy.put(String.valueOf(k), deepCopy(v));
                }
            });
            return Map.copyOf(copy);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> {
                if (v != null) {
                    copy.add(deepCopy(v));
                }
            });
            return List.copyOf(copy);
        }
        return value;
    }

    /** @return all options, immutable */
    public Map<String, Object> asMap() {
        return values;
    }

    /**
     * Rejects keys this middleware does not know, so a misspelt option fails at start-up.
     *
     * @param known the keys the middleware reads
     * @throws MiddlewareConfigException listing the unknown keys and the known ones
     */
    public void requireKnownKeys(Set<String> known) {
        Set<String> unknown = new TreeSet<>(values.keySet());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw new MiddlewareConfigException("middleware '" + middleware + "': unknown option(s) " + unknown
                    + "; known options are " + new TreeSet<>(known));
        }
    }

    /**
     * @param key the option name
     * @param defaultValue the value when the option is absent
     * @return the string value of {@code key}, or {@code defaultValue} when absent
     * @throws MiddlewareConfigException when the value is a list or map
     */
    public String string(String key, String defaultValue) {
        Object v = values.get(key);
        if (v == null) {
            return defaultValue;
        }
        if (v instanceof Map || v instanceof List) {
            throw invalid(key, v, "a single value");
        }
        return v.toString().trim();
    }

    /**
     * @param key the option name
     * @param defaultValue the value when the option is absent
     * @return the boolean value of {@code key}, or {@code defaultValue} when absent
     * @throws MiddlewareConfigException when the value is not true/false, yes/no or on/off
     */
    public boolean bool(String key, boolean defaultValue) {
        String v = string(key, null);
        if (v == null) {
            return defaultValue;
        }
        switch (v.toLowerCase(Locale.ROOT)) {
            case "true": case "yes": case "on": return true;
            case "false": case "no": case "off": return false;
            default: throw invalid(key, v, "true or false");
        }
    }

    /**
     * @param key the option name
     * @param defaultValue the value when the option is absent
     * @return the positive integer value of {@code key}, or {@code defaultValue} when absent
     * @throws MiddlewareConfigException when the value is not a positive whole number
     */
    public long positiveLong(String key, long defaultValue) {
        String v = string(key, null);
        if (v == null) {
            return defaultValue;
        }
        try {
            long n = Long.parseLong(v);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through to the error below
        }
        throw invalid(key, v, "a positive whole number");
    }

    /**
     * Reads a duration written as {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}, or a
     * plain number of seconds.
     *
     * @param key the option name
     * @param defaultValue the value when the option is absent
     * @return the duration of {@code key}, or {@code defaultValue} when absent
     */
    public Duration duration(String key, Duration defaultValue) {
        String v = string(key, null);
        if (v == null) {
            return defaultValue;
        }
        Matcher m = DURATION.matcher(v.toLowerCase(Locale.ROOT));
        long n;
        try {
            n = m.matches() ? Long.parseLong(m.group(1)) : 0;
        } catch (NumberFormatException tooLong) {
            n = 0;
        }
        if (n <= 0 || n > 1_000_000_000L) {
            throw invalid(key, v, "a positive duration such as 500ms, 30s, 5m or 1h");
        }
        String unit = m.group(2) == null ? "s" : m.group(2);
        switch (unit) {
            case "ms": return Duration.ofMillis(n);
            case "m": return Duration.ofMinutes(n);
            case "h": return Duration.ofHours(n);
            default: return Duration.ofSeconds(n);
        }
    }

    /**
     * @param key the option name
     * @return the list of strings of {@code key} (a single value counts as a list of one), or empty
     */
    public List<String> stringList(String key) {
        Object v = values.get(key);
        if (v == null) {
            return List.of();
        }
        if (v instanceof List<?> list) {
            List<String> out = new ArrayList<>();
            for (Object item : list) {
                if (item instanceof Map || item instanceof List) {
                    throw invalid(key, v, "a list of strings");
                }
                out.add(item.toString().trim());
            }
            return List.copyOf(out);
        }
        return List.of(string(key, ""));
    }

    /**
     * @param key the option name
     * @param value the value found
     * @param expected what was expected, e.g. {@code a positive whole number}
     * @return an error naming the middleware, the key, the value and what was expected, for
     *     providers that check a value of their own
     */
    public MiddlewareConfigException invalid(String key, Object value, String expected) {
        return new MiddlewareConfigException("middleware '" + middleware + "': option '" + key + "' is '" + value
                + "', expected " + expected);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MiddlewareOptions other && other.middleware.equals(middleware) && other.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return middleware + " options " + values;
    }
}
