package io.ipfsmiddleware.examples;

import io.ipfsmiddleware.testkit.ProcessResult;
import io.ipfsmiddleware.testkit.ProcessRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the real registry clients the tests pull with: crane (Go) next to the testkit's skopeo. */
final class Tools {
    private Tools() {
    }

    /** @return crane's stdout; fails the test with crane's stderr when it fails */
    static String crane(String... args) {
        return craneWithEnv(Map.of(), args);
    }

    /** @return crane's stdout, run with extra environment variables (e.g. {@code DOCKER_CONFIG}) */
    static String craneWithEnv(Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>();
        command.add(craneBinary());
        command.addAll(List.of(args));
        ProcessResult result = ProcessRunner.runChecked(command, env, Duration.ofMinutes(3));
        return result.stdoutText();
    }

    /** @return the failed result, for tests that expect crane to fail */
    static ProcessResult craneExpectingFailure(String... args) {
        List<String> command = new ArrayList<>();
        command.add(craneBinary());
        command.addAll(List.of(args));
        return ProcessRunner.run(command, Map.of(), Duration.ofMinutes(3));
    }

    private static String craneBinary() {
        String env = System.getenv("CRANE_BIN");
        if (env != null) {
            return env;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, "crane"))) {
                return Path.of(dir, "crane").toString();
            }
        }
        Path goBin = Path.of(System.getProperty("user.home"), "go", "bin", "crane");
        if (Files.isExecutable(goBin)) {
            return goBin.toString();
        }
        throw new IllegalStateException("crane not found on PATH or at $CRANE_BIN: install it with "
                + "'go install github.com/google/go-containerregistry/cmd/crane@v0.22.1' (.ci/run does)");
    }
}
