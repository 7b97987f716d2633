package io.ipfsmiddleware.core.publish;

/** Told how a publication goes; all methods are no-ops by default. Called from the publishing thread. */
public interface PublishProgress {
    /** Does nothing. */
    PublishProgress NONE = new PublishProgress() {
    };

    /** @param what a short line such as {@code reading oci:./alpine} */
    default void step(String what) {
    }

    /** @param totalBytes the size of the upload that starts now */
    default void uploadStarted(long totalBytes) {
    }

    /** @param sentBytes bytes sent so far */
    default void uploaded(long sentBytes) {
    }

    /** The upload finished (or failed). */
    default void uploadEnded() {
    }
}
