package io.ipfsmiddleware.examples;

import io.ipfsmiddleware.api.spi.MiddlewareConfigException;
import io.ipfsmiddleware.servlet.config.RegistryConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Container-level HTTP Basic authentication for the example registry, configured as
 * {@code auth: {basic: {realm: NAME, users: FILE}}} where the file has one {@code user:password}
 * line per user. It is enforced by the servlet container in front of every filter and servlet,
 * so it protects {@code ipfs/} names exactly as it protects the host registry's own.
 *
 * @param realm the realm announced in {@code WWW-Authenticate}
 * @param users passwords by user name
 */
public record BasicAuth(String realm, Map<String, String> users) {
    /** The one role every configured user has and every request needs. */
    public static final String ROLE = "registry-user";

    /** Copies. */
    public BasicAuth {
        users = Map.copyOf(users);
    }

    /**
     * @param config the registry configuration
     * @return the authentication it asks for, or empty when it has no {@code auth.basic} block
     * @throws IOException when the users file cannot be read
     */
    static Optional<BasicAuth> from(RegistryConfig config) throws IOException {
        Optional<String> file = config.string("auth.basic.users");
        if (file.isEmpty()) {
            return Optional.empty();
        }
        Path path = Path.of(file.get());
        if (!Files.isRegularFile(path)) {
            throw new MiddlewareConfigException("auth.basic.users: " + path + " is not a file of user:password lines");
        }
        Map<String, String> users = new LinkedHashMap<>();
        for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new MiddlewareConfigException("auth.basic.users: line '" + line + "' in " + path
                        + " is not user:password");
            }
            users.put(line.substring(0, colon), line.substring(colon + 1));
        }
        return Optional.of(new BasicAuth(config.string("auth.basic.realm").orElse("ipfs-registry"), users));
    }
}
