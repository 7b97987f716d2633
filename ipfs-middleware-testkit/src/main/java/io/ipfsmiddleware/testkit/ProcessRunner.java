package io.ipfsmiddleware.testkit;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs an external command to completion with a hard time limit, so a test can never hang on
 * a child process.
 *
 * <p>Output goes to temporary files rather than pipes: a chatty process can then never block
 * on a full pipe while we wait for it, and no reader threads are needed.
 */
public final class ProcessRunner {

    private ProcessRunner() {
    }

    /**
     * Runs {@code command} and waits at most {@code timeout} for it to exit.
     *
     * @param command program and arguments
     * @param extraEnv variables added to (or overriding) the inherited environment
     * @param timeout how long to wait before the process is killed
     * @return the finished process, whatever its exit code
     * @throws CommandFailedException if the process had to be killed for running too long
     * @throws UncheckedIOException if the program cannot be started
     */
    public static ProcessResult run(List<String> command, Map<String, String> extraEnv, Duration timeout) {
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("testkit-cmd-", ".out");
            err = Files.createTempFile("testkit-cmd-", ".err");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            builder.environment().putAll(extraEnv);
            Process process = builder.start();
            boolean exited;
            try {
                exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exited = false;
            }
            if (!exited) {
                kill(process);
                throw new CommandFailedException("command " + command + " did not finish within " + timeout
                        + " and was killed; stderr so far:\n" + Files.readString(err, StandardCharsets.UTF_8), null);
            }
            return new ProcessResult(command, process.exitValue(), Files.readAllBytes(out),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    /**
     * Like {@link #run} but insists on exit status 0.
     *
     * @param command program and arguments
     * @param extraEnv variables added to (or overriding) the inherited environment
     * @param timeout how long to wait before the process is killed
     * @return the finished, successful process
     * @throws CommandFailedException if the command exits non-zero (message includes stderr)
     */
    public static ProcessResult runChecked(List<String> command, Map<String, String> extraEnv, Duration timeout) {
        ProcessResult result = run(command, extraEnv, timeout);
        if (!result.succeeded()) {
            throw new CommandFailedException("command " + command + " failed with exit code " + result.exitCode()
                    + ":\n" + result.stderr().strip(), result);
        }
        return result;
    }

    /** Stops a process: politely first, then forcibly, waiting a bounded time for each. */
    static void kill(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a leftover temp file is harmless
            }
        }
    }
}
