package io.ipfsmiddleware.testkit;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The outcome of a finished external command: its exit code and everything it printed.
 *
 * @param command the command line that ran (program first)
 * @param exitCode the process exit code
 * @param stdout the raw bytes written to standard output
 * @param stderr standard error, decoded as UTF-8
 */
public record ProcessResult(List<String> command, int exitCode, byte[] stdout, String stderr) {

    /**
     * Copies the command list; the byte array is kept as given (results are not shared).
     *
     * @param command see the record description
     * @param exitCode see the record description
     * @param stdout see the record description
     * @param stderr see the record description
     */
    public ProcessResult {
        command = List.copyOf(command);
    }

    /** @return true when the process exited with status 0 */
    public boolean succeeded() {
        return exitCode == 0;
    }

    /** @return standard output decoded as UTF-8 */
    public String stdoutText() {
        return new String(stdout, StandardCharsets.UTF_8);
    }
}
