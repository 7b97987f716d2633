package io.ipfsmiddleware.testkit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs the host's {@code skopeo} (Debian package) with a time limit, as a real registry client
 * and as the tool users write OCI layouts with.
 *
 * <pre>{@code
 * Skopeo skopeo = Skopeo.locate();
 * skopeo.copy(Skopeo.oci(layout.directory(), "3.10.1"), "docker://127.0.0.1:5000/ipfs/" + cid + "/alpine:3.10.1");
 * byte[] manifest = skopeo.inspectRaw("docker://127.0.0.1:5000/ipfs/" + cid + "/alpine:3.10.1");
 * }</pre>
 *
 * <p>Every call passes {@code --insecure-policy} (no dependence on the host's
 * {@code policy.json}) and turns TLS verification off, since test registries speak plain HTTP
 * on loopback.
 */
public final class Skopeo {

    /** Extra {@code skopeo copy} flags. */
    public enum CopyOption {
        /** {@code --all}: copy every image of an index, not just the host's platform. */
        ALL("--all"),
        /** {@code --preserve-digests}: fail rather than rewrite a manifest. */
        PRESERVE_DIGESTS("--preserve-digests");

        private final String flag;

        CopyOption(String flag) {
            this.flag = flag;
        }
    }

    private final Path binary;
    private final Duration timeout;

    private Skopeo(Path binary, Duration timeout) {
        this.binary = binary;
        this.timeout = timeout;
    }

    /**
     * Finds skopeo via {@code $SKOPEO_BIN} or {@code PATH}; each call may take up to 3 minutes.
     *
     * @return a runner
     * @throws IllegalStateException if skopeo is not installed
     */
    public static Skopeo locate() {
        Path binary = Executables.find("SKOPEO_BIN", "skopeo").orElseThrow(() -> new IllegalStateException(
                "skopeo not found on PATH (or at $SKOPEO_BIN): install it with apt-get install skopeo"));
        return new Skopeo(binary, Duration.ofMinutes(3));
    }

    /** @return true when {@link #locate()} would succeed (for {@code assumeTrue}) */
    public static boolean isAvailable() {
        return Executables.find("SKOPEO_BIN", "skopeo").isPresent();
    }

    /**
     * @param timeout limit for each call
     * @return a runner with that limit
     */
    public Skopeo withTimeout(Duration timeout) {
        return new Skopeo(binary, Objects.requireNonNull(timeout, "timeout"));
    }

    /**
     * @param layout an OCI layout directory
     * @param reference a tag or ref name in its {@code index.json}
     * @return the skopeo image name {@code oci:<layout>:<reference>}
     */
    public static String oci(Path layout, String reference) {
        return "oci:" + layout.toAbsolutePath() + ":" + reference;
    }

    /**
     * {@code skopeo copy --src-tls-verify=false --dest-tls-verify=false [options] <source> <destination>}.
     *
     * @param source e.g. {@code oci:/tmp/x:3.10.1} or {@code docker://127.0.0.1:5000/name:tag}
     * @param destination likewise
     * @param options extra flags such as {@link CopyOption#ALL}
     * @return skopeo's standard output
     * @throws CommandFailedException with skopeo's stderr if the copy fails or times out
     */
    public String copy(String source, String destination, CopyOption... options) {
        List<String> args = new ArrayList<>(List.of("copy", "--src-tls-verify=false", "--dest-tls-verify=false"));
        for (CopyOption option : options) {
            args.add(option.flag);
        }
        args.add(source);
        args.add(destination);
        return run(args.toArray(String[]::new));
    }

    /**
     * {@code skopeo inspect --raw}: the manifest (or index) bytes exactly as the source serves them.
     *
     * @param image e.g. {@code docker://127.0.0.1:5000/name:tag}
     * @return the raw manifest bytes (hash them to compare digests)
     */
    public byte[] inspectRaw(String image) {
        return exec("inspect", "--raw", "--tls-verify=false", image).stdout();
    }

    /**
     * {@code skopeo inspect}: skopeo's JSON summary (digest, layers, architecture …).
     *
     * @param image the image name
     * @return the JSON text
     */
    public String inspect(String image) {
        return exec("inspect", "--tls-verify=false", image).stdoutText();
    }

    /**
     * Runs {@code skopeo --insecure-policy <args>}.
     *
     * @param args arguments after the global flags
     * @return standard output
     */
    public String run(String... args) {
        return exec(args).stdoutText();
    }

    private ProcessResult exec(String... args) {
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--insecure-policy"));
        command.addAll(Arrays.asList(args));
        return ProcessRunner.runChecked(command, Map.of(), timeout);
    }
}
