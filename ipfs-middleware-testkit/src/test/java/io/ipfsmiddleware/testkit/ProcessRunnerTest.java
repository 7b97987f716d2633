package io.ipfsmiddleware.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessRunnerTest {

    @Test
    void capturesOutputAndEnvironment() {
        ProcessResult result = ProcessRunner.runChecked(List.of("/bin/sh", "-c", "echo \"$X\"; echo oops >&2"),
                Map.of("X", "value"), Duration.ofSeconds(10));
        assertEquals("value\n", result.stdoutText());
        assertEquals("oops\n", result.stderr());
    }

    @Test
    void failureCarriesStderr() {
        CommandFailedException e = assertThrows(CommandFailedException.class, () -> ProcessRunner.runChecked(
                List.of("/bin/sh", "-c", "echo broken >&2; exit 3"), Map.of(), Duration.ofSeconds(10)));
        assertTrue(e.getMessage().contains("exit code 3"), e.getMessage());
        assertTrue(e.getMessage().contains("broken"), e.getMessage());
        assertEquals(3, e.result().exitCode());
    }

    @Test
    void killsCommandsThatRunTooLong() {
        CommandFailedException e = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThrows(
                CommandFailedException.class,
                () -> ProcessRunner.run(List.of("/bin/sleep", "60"), Map.of(), Duration.ofMillis(300))));
        assertTrue(e.getMessage().contains("did not finish"), e.getMessage());
    }
}
