package io.ipfsmiddleware.testkit;

/**
 * An external command (ipfs, skopeo, umoci …) exited non-zero or ran past its time limit.
 * The message carries the command line, the exit code and the command's standard error.
 */
public final class CommandFailedException extends RuntimeException {

    private final transient ProcessResult result;

    CommandFailedException(String message, ProcessResult result) {
        super(message);
        this.result = result;
    }

    /**
     * @return the finished process, or {@code null} when it was killed for running too long
     */
    public ProcessResult result() {
        return result;
    }
}
