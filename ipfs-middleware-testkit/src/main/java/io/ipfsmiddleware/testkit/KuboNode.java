package io.ipfsmiddleware.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A real kubo daemon in a throw-away repository, for integration tests.
 *
 * <pre>{@code
 * try (KuboNode node = KuboNode.start()) {
 *     String cid = node.addDirectory(imagesDir);
 *     String api = node.apiMultiaddr();   // e.g. /ip4/127.0.0.1/tcp/40123
 * }
 * }</pre>
 *
 * <p>Each node gets a fresh {@code IPFS_PATH} under the system temp directory, initialised with
 * {@code ipfs init --profile test}. The RPC API and the gateway listen on 127.0.0.1 on ports the
 * kernel picks ({@code /tcp/0}); kubo writes the addresses it really bound to
 * {@code $IPFS_PATH/api} and {@code $IPFS_PATH/gateway}, which is how this class learns them.
 * The daemon runs {@code --offline} unless asked otherwise. Every wait is bounded: start-up
 * fails after {@link Builder#startupTimeout} with the daemon's log in the message, and every
 * CLI call is killed after {@link Builder#commandTimeout}.
 *
 * <p>{@link #close()} stops the daemon and deletes its repository. A JVM shutdown hook does the
 * same for nodes a test forgot to close.
 */
public final class KuboNode implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path binary;
    private final Path workDir;
    private final Path ipfsPath;
    private final Path logFile;
    private final boolean offline;
    private final Duration commandTimeout;
    private final Map<String, String> env;
    private final Process daemon;
    private final String apiMultiaddr;
    private final URI apiUri;
    private final URI gatewayUri;
    private final Thread shutdownHook;
    private boolean stopped;

    private KuboNode(Builder builder, Path binary, Path workDir, Process daemon, String apiMultiaddr,
            URI gatewayUri) {
        this.binary = binary;
        this.workDir = workDir;
        this.ipfsPath = workDir.resolve("repo");
        this.logFile = workDir.resolve("daemon.log");
        this.offline = builder.offline;
        this.commandTimeout = builder.commandTimeout;
        this.env = processEnvironment(ipfsPath, builder.extraEnv);
        this.daemon = daemon;
        this.apiMultiaddr = apiMultiaddr;
        this.apiUri = Multiaddrs.toHttpUri(apiMultiaddr);
        this.gatewayUri = gatewayUri;
        this.shutdownHook = new Thread(this::stopQuietly, "kubo-node-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts an offline node with default settings.
     *
     * @return a running node; close it when done
     * @throws IllegalStateException if kubo cannot be found or does not come up in time
     */
    public static KuboNode start() {
        return builder().start();
    }

    /** @return a builder for a node with non-default settings */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the RPC API multiaddr, e.g. {@code /ip4/127.0.0.1/tcp/40123} (the form the middleware config takes) */
    public String apiMultiaddr() {
        return apiMultiaddr;
    }

    /** @return the RPC API base URI with a trailing slash, e.g. {@code http://127.0.0.1:40123/} */
    public URI apiUri() {
        return apiUri;
    }

    /** @return the HTTP gateway base URI with a trailing slash, e.g. {@code http://127.0.0.1:40124/} */
    public URI gatewayUri() {
        return gatewayUri;
    }

    /** @return the node's repository directory ({@code IPFS_PATH}) */
    public Path ipfsPath() {
        return ipfsPath;
    }

    /** @return the file receiving the daemon's stdout and stderr */
    public Path logFile() {
        return logFile;
    }

    /** @return the kubo executable in use */
    public Path binary() {
        return binary;
    }

    /** @return whether the daemon was started with {@code --offline} */
    public boolean isOffline() {
        return offline;
    }

    /**
     * Adds a directory tree exactly as a user would: {@code ipfs add -r -Q --cid-version 1 <dir>}.
     *
     * @param dir the directory to add (its name becomes nothing; the returned CID is the directory itself)
     * @return the root CID (CIDv1, base32)
     */
    public String addDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("not a directory: " + dir);
        }
        return run("add", "-r", "-Q", "--cid-version", "1", dir.toString()).strip();
    }

    /**
     * Adds one file: {@code ipfs add -Q --cid-version 1 <file>}.
     *
     * @param file the file to add
     * @return the file's CID (CIDv1, base32)
     */
    public String addFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("not a regular file: " + file);
        }
        return run("add", "-Q", "--cid-version", "1", file.toString()).strip();
    }

    /**
     * Runs {@code ipfs <args>} against this node (with its {@code IPFS_PATH}).
     *
     * @param ipfsArgs arguments after {@code ipfs}, e.g. {@code "cat", "/ipfs/<cid>/x"}
     * @return standard output as UTF-8 text
     * @throws CommandFailedException on a non-zero exit (message includes stderr) or a timeout
     */
    public String run(String... ipfsArgs) {
        return exec(ipfsArgs).stdoutText();
    }

    /**
     * Like {@link #run} but returns standard output as raw bytes (for {@code ipfs cat} of binary data).
     *
     * @param ipfsArgs arguments after {@code ipfs}
     * @return standard output, byte for byte
     */
    public byte[] runBytes(String... ipfsArgs) {
        return exec(ipfsArgs).stdout();
    }

    private ProcessResult exec(String... ipfsArgs) {
        if (stopped) {
            throw new IllegalStateException("this KuboNode has been stopped");
        }
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.addAll(Arrays.asList(ipfsArgs));
        return ProcessRunner.runChecked(command, env, commandTimeout);
    }

    /** @return this node's peer ID, e.g. {@code 12D3KooW…} */
    public String peerId() {
        return run("id", "-f", "<id>").strip();
    }

    /** @return the first swarm address with the peer ID, e.g. {@code /ip4/127.0.0.2/tcp/4001/p2p/12D3…} */
    public String swarmAddress() {
        return run("id", "-f", "<addrs>").lines().filter(line -> !line.isBlank()).findFirst()
                .orElseThrow(() -> new IllegalStateException("node has no swarm address; is it offline?"));
    }

    /**
     * Makes {@code other} a peer of this node: {@code ipfs swarm peering add} (kept and
     * reconnected) and waits, bounded, until they are connected.
     *
     * @param other another online node
     */
    public void peerWith(KuboNode other) {
        String address = other.swarmAddress();
        run("swarm", "peering", "add", address);
        String id = other.peerId();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (run("swarm", "peers").contains(id)) {
                return;
            }
            try {
                run("swarm", "connect", address);
            } catch (CommandFailedException e) {
                // not yet; peering keeps trying too
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while peering", e);
            }
        }
        throw new IllegalStateException(this + " did not connect to " + other + " within 30 s");
    }

    /** Stops the daemon (SIGTERM, then SIGKILL after 10 s) and deletes its repository. Idempotent. */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        ProcessRunner.kill(daemon);
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is what called us
        }
        try {
            TempDirs.deleteRecursively(workDir);
        } catch (IOException e) {
            throw new UncheckedIOException("daemon stopped but its repository could not be deleted: " + workDir, e);
        }
    }

    private void stopQuietly() {
        try {
            stop();
        } catch (RuntimeException ignored) {
            // best effort during JVM shutdown
        }
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return "KuboNode[api=" + apiMultiaddr + ", gateway=" + gatewayUri + ", IPFS_PATH=" + ipfsPath + "]";
    }

    private static Map<String, String> processEnvironment(Path ipfsPath, Map<String, String> extra) {
        Map<String, String> env = new LinkedHashMap<>(extra);
        env.put("IPFS_PATH", ipfsPath.toString());
        env.put("IPFS_TELEMETRY", "off");
        return Map.copyOf(env);
    }

    /** Settings for a {@link KuboNode}; {@link #start()} launches it. */
    public static final class Builder {

        private boolean offline = true;
        private Path ipfsBinary;
        private Duration startupTimeout = Duration.ofSeconds(60);
        private Duration commandTimeout = Duration.ofSeconds(120);
        private final Map<String, String> config = new LinkedHashMap<>();
        private final Map<String, String> extraEnv = new LinkedHashMap<>();
        private String host = "127.0.0.1";

        private Builder() {
        }

        /**
         * Binds the API, gateway and swarm to another loopback address, so that several nodes on
         * one machine are distinct hosts to each other (e.g. {@code 127.0.0.2}).
         *
         * @param loopbackAddress an address in 127.0.0.0/8
         * @return this builder
         */
        public Builder host(String loopbackAddress) {
            if (!loopbackAddress.startsWith("127.")) {
                throw new IllegalArgumentException("tests bind kubo to loopback addresses only: " + loopbackAddress);
            }
            this.host = loopbackAddress;
            return this;
        }

        /**
         * Sets an environment variable for the daemon and CLI calls (e.g. {@code SSL_CERT_FILE}).
         *
         * @param name the variable
         * @param value its value
         * @return this builder
         */
        public Builder environment(String name, String value) {
            extraEnv.put(name, value);
            return this;
        }

        /**
         * @param offline true (the default) for {@code ipfs daemon --offline}; false to run with a
         *     loopback-only swarm listener and no bootstrap peers
         * @return this builder
         */
        public Builder offline(boolean offline) {
            this.offline = offline;
            return this;
        }

        /**
         * Uses this kubo executable instead of looking at {@code $IPFS_BIN}, {@code PATH} and
         * {@code /usr/local/bin/ipfs}.
         *
         * @param ipfsBinary path to an {@code ipfs} executable
         * @return this builder
         */
        public Builder ipfsBinary(Path ipfsBinary) {
            this.ipfsBinary = ipfsBinary;
            return this;
        }

        /**
         * @param timeout how long to wait for the daemon to answer (default 60 s)
         * @return this builder
         */
        public Builder startupTimeout(Duration timeout) {
            this.startupTimeout = requirePositive(timeout);
            return this;
        }

        /**
         * @param timeout limit for each {@code ipfs} CLI call made through the node (default 120 s)
         * @return this builder
         */
        public Builder commandTimeout(Duration timeout) {
            this.commandTimeout = requirePositive(timeout);
            return this;
        }

        /**
         * Sets a config key before the daemon starts, like {@code ipfs config --json key value}.
         *
         * @param dottedKey e.g. {@code "Gateway.NoFetch"}
         * @param jsonValue a JSON value, e.g. {@code "true"} or {@code "\"text\""}
         * @return this builder
         */
        public Builder config(String dottedKey, String jsonValue) {
            config.put(dottedKey, jsonValue);
            return this;
        }

        /**
         * Initialises a repository, starts the daemon and waits until its API answers.
         *
         * @return the running node
         * @throws IllegalStateException if kubo is missing or does not come up within the startup timeout
         */
        public KuboNode start() {
            Path binary = KuboBinary.locate(ipfsBinary, System.getenv());
            Path workDir = TempDirs.create("kubo-node-");
            Path repo = workDir.resolve("repo");
            Path log = workDir.resolve("daemon.log");
            Process daemon = null;
            try {
                Map<String, String> env = processEnvironment(repo, extraEnv);
                ProcessRunner.runChecked(List.of(binary.toString(), "init", "--profile", "test"), env, commandTimeout);
                writeConfig(repo.resolve("config"));
                List<String> command = new ArrayList<>(List.of(binary.toString(), "daemon"));
                if (offline) {
                    command.add("--offline");
                }
                ProcessBuilder pb = new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
                pb.environment().putAll(env);
                daemon = pb.start();
                DaemonReadiness.Addresses addresses = DaemonReadiness.await(daemon, repo, log, startupTimeout);
                return new KuboNode(this, binary, workDir, daemon, addresses.apiMultiaddr(), addresses.gatewayUri());
            } catch (IOException | RuntimeException e) {
                String logText = readQuietly(log);
                if (daemon != null) {
                    ProcessRunner.kill(daemon);
                }
                deleteQuietly(workDir);
                throw new IllegalStateException("kubo node did not start (" + binary + "): " + e.getMessage()
                        + "\n--- daemon log ---\n" + logText, e);
            }
        }

        private void writeConfig(Path configFile) throws IOException {
            ObjectNode root = (ObjectNode) JSON.readTree(configFile.toFile());
            JsonNode existing = root.get("Addresses");
            ObjectNode addresses = existing instanceof ObjectNode object ? object : root.putObject("Addresses");
            addresses.put("API", "/ip4/" + host + "/tcp/0");
            addresses.put("Gateway", "/ip4/" + host + "/tcp/0");
            addresses.putArray("Swarm").add("/ip4/" + host + "/tcp/0");
            root.putArray("Bootstrap");
            for (Map.Entry<String, String> e : config.entrySet()) {
                setPath(root, e.getKey(), JSON.readTree(e.getValue()));
            }
            JSON.writerWithDefaultPrettyPrinter().writeValue(configFile.toFile(), root);
        }

        private static void setPath(ObjectNode root, String dottedKey, JsonNode value) {
            String[] parts = dottedKey.split("\\.");
            ObjectNode node = root;
            for (int i = 0; i < parts.length - 1; i++) {
                JsonNode child = node.get(parts[i]);
                node = child instanceof ObjectNode object ? object : node.putObject(parts[i]);
            }
            node.set(parts[parts.length - 1], value);
        }

        private static Duration requirePositive(Duration d) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("timeout must be positive: " + d);
            }
            return d;
        }

        private static String readQuietly(Path file) {
            try {
                return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "(no log written)";
            } catch (IOException e) {
                return "(log unreadable: " + e.getMessage() + ")";
            }
        }

        private static void deleteQuietly(Path dir) {
            try {
                TempDirs.deleteRecursively(dir);
            } catch (IOException ignored) {
                // leave it; it is under the temp directory
            }
        }
    }
}
