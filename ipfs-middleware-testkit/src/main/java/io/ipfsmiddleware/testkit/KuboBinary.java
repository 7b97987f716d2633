package io.ipfsmiddleware.testkit;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Finds the kubo ({@code ipfs}) executable the tests run. */
final class KuboBinary {

    static final String ENV_VAR = "IPFS_BIN";
    static final Path DEFAULT_LOCATION = Path.of("/usr/local/bin/ipfs");
    private static final String HOW_TO_FIX =
            "Install kubo v0.43.1 with .ci/install-kubo.sh (it builds /usr/local/bin/ipfs), "
                    + "or point the IPFS_BIN environment variable at an ipfs executable.";

    private KuboBinary() {
    }

    /**
     * Picks the binary: an explicit path if given, else {@code $IPFS_BIN}, else {@code ipfs} on
     * {@code PATH}, else {@code /usr/local/bin/ipfs}. An explicit choice that does not exist is
     * an error rather than a silent fallback, so a typo never runs some other kubo.
     */
    static Path locate(Path explicit, Map<String, String> env) {
        if (explicit != null) {
            return requireExecutable(explicit, "the path given to KuboNode.Builder.ipfsBinary");
        }
        String fromEnv = env.get(ENV_VAR);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return requireExecutable(Path.of(fromEnv), "$" + ENV_VAR);
        }
        String pathVar = env.getOrDefault("PATH", "");
        for (String dir : pathVar.split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, "ipfs");
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        if (Files.isRegularFile(DEFAULT_LOCATION) && Files.isExecutable(DEFAULT_LOCATION)) {
            return DEFAULT_LOCATION;
        }
        throw new IllegalStateException("kubo (ipfs) binary not found: $" + ENV_VAR + " is unset, there is no ipfs on"
                + " PATH and " + DEFAULT_LOCATION + " does not exist. " + HOW_TO_FIX);
    }

    private static Path requireExecutable(Path path, String source) {
        if (!Files.isRegularFile(path) || !Files.isExecutable(path)) {
            throw new IllegalStateException("kubo (ipfs) binary not found: " + path + " (from " + source
                    + ") is not an executable file. " + HOW_TO_FIX);
        }
        return path;
    }
}
