package io.ipfsmiddleware.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@code java -jar ipfs-registry.jar publish …} as a user would, stdout and stderr apart. */
final class PublishJar {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One finished run. */
    record Run(int exit, String stdout, String stderr) {
        JsonNode json() throws IOException {
            assertEquals(0, exit, "publish failed: " + stderr);
            return JSON.readTree(stdout);
        }

        String cid() throws IOException {
            return json().path("cid").asText();
        }

        /** The one error line, checked: non-zero exit, nothing on stdout, one line on stderr. */
        String error(int expectedExit) {
            assertEquals(expectedExit, exit, "exit code; stderr: " + stderr + " stdout: " + stdout);
            assertEquals("", stdout, "nothing may be printed on stdout for a failed publication");
            List<String> lines = stderr.lines().filter(l -> !l.isBlank()).toList();
            assertTrue(lines.get(0).startsWith("error: "), stderr);
            assertEquals(1, lines.stream().filter(l -> l.startsWith("error")).count(), stderr);
            return lines.get(0);
        }
    }

    private PublishJar() {
    }

    static Process start(Path work, Path stdin, String... args) throws IOException {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(javaBin, "-jar", ExampleJarIT.jar().toString(), "publish"));
        command.addAll(List.of(args));
        Files.createDirectories(work);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(work.resolve("stdout").toFile()).redirectError(work.resolve("stderr").toFile());
        if (stdin != null) {
            builder.redirectInput(stdin.toFile());
        }
        return builder.start();
    }

    static Run finish(Path work, Process process) throws Exception {
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("publish did not finish in 5 minutes");
        }
        return new Run(process.exitValue(), Files.readString(work.resolve("stdout")),
                Files.readString(work.resolve("stderr")));
    }

    static Run run(Path work, Path stdin, String... args) throws Exception {
        return finish(work, start(work, stdin, args));
    }
}
