package io.ipfsmiddleware.testkit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Runs the host's {@code umoci} (Debian package) to validate layouts independently of skopeo. */
public final class Umoci {

    private final Path binary;

    private Umoci(Path binary) {
        this.binary = binary;
    }

    /**
     * @return a runner for {@code umoci} from {@code $UMOCI_BIN} or {@code PATH}
     * @throws IllegalStateException if umoci is not installed
     */
    public static Umoci locate() {
        return new Umoci(Executables.find("UMOCI_BIN", "umoci").orElseThrow(() -> new IllegalStateException(
                "umoci not found on PATH (or at $UMOCI_BIN): install it with apt-get install umoci")));
    }

    /** @return true when {@link #locate()} would succeed */
    public static boolean isAvailable() {
        return Executables.find("UMOCI_BIN", "umoci").isPresent();
    }

    /**
     * {@code umoci stat --image <layout>:<tag>}: fails unless umoci can read the image's history.
     *
     * @param layout an OCI layout directory
     * @param tag a tag in it
     * @return umoci's report
     * @throws CommandFailedException with umoci's stderr if the image is unreadable
     */
    public String stat(Path layout, String tag) {
        return ProcessRunner.runChecked(List.of(binary.toString(), "stat", "--image", layout.toAbsolutePath() + ":" + tag),
                Map.of(), Duration.ofMinutes(1)).stdoutText();
    }
}
