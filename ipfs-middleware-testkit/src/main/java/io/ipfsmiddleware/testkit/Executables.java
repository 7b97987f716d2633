package io.ipfsmiddleware.testkit;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Looks up host tools on {@code PATH}. */
final class Executables {

    private Executables() {
    }

    /**
     * @param envVar a variable that may name the executable explicitly (checked first)
     * @param name the program name to look for on {@code PATH}
     * @return the executable, if found
     */
    static Optional<Path> find(String envVar, String name) {
        String explicit = System.getenv(envVar);
        if (explicit != null && !explicit.isBlank()) {
            Path p = Path.of(explicit);
            return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
