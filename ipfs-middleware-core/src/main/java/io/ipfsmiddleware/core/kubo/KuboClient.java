package io.ipfsmiddleware.core.kubo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ipfsmiddleware.core.node.DirectoryEntry;
import io.ipfsmiddleware.core.node.FileStat;
import io.ipfsmiddleware.core.node.IpfsNode;
import io.ipfsmiddleware.core.node.IpfsNodeException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * {@link IpfsNode} over kubo's RPC API ({@code POST /api/v0/<command>?arg=…}), on {@link
 * HttpClient} and Jackson.
 *
 * <p>Every call has the same deadline: it bounds the wait for the response headers ({@link
 * HttpRequest#timeout}); for {@code stat}, {@code ls} and {@code resolve} it also bounds the whole
 * call; for {@code cat} it bounds every single read of the stream (so the first byte and any
 * stall), but not the total time of a long, steadily flowing download. See {@link
 * DeadlineInputStream} for how reads are bounded. Failures are mapped in {@link KuboErrors}.
 *
 * <p>Thread-safe; one instance is meant to be shared. {@link #close()} stops the watchdog.
 */
public final class KuboClient implements IpfsNode {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ERROR_BODY = 64 * 1024;

    private final URI baseUri;
    private final Duration deadline;
    private final String description;
    private final HttpClient http;
    private final ScheduledThreadPoolExecutor watchdog;
    private final KuboGateway gateway;

    private KuboClient(Builder b) {
        this.baseUri = b.baseUri;
        this.deadline = b.deadline;
        this.gateway = b.gateway == null ? null : new KuboGateway(b.gateway, b.connectTimeout, b.deadline);
        this.description = "kubo RPC at " + b.baseUri;
        HttpClient.Builder hb = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(b.connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER);
        if (b.executor != null) {
            hb.executor(b.executor);
        }
        this.http = hb.build();
        this.watchdog = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "kubo-rpc-watchdog");
            t.setDaemon(true);
            return t;
        });
        this.watchdog.setRemoveOnCancelPolicy(true);
    }

    /**
     * @param baseUri the RPC API, e.g. {@code http://127.0.0.1:5001}; see {@link
     *     Multiaddr#apiBaseUri(String)} to get it from the {@code ipfsapiaddress} option
     * @return a builder with a 5 s connect timeout and a 30 s deadline
     */
    public static Builder builder(URI baseUri) {
        return new Builder(baseUri);
    }

    @Override
    public InputStream cat(String path, long offset, long length) throws IOException {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative: " + offset);
        }
        Map<String, String> options = new LinkedHashMap<>();
        if (offset > 0) {
            options.put("offset", Long.toString(offset));
        }
        if (length >= 0) {
            options.put("length", Long.toString(length));
        }
        return call("cat", path, options, false);
    }

    /**
     * Reads {@code /ipfs/} files through the node's gateway when one was given ({@link
     * Builder#gateway}), else, and whenever the gateway does not serve the file plainly, with
     * {@link #cat}.
     */
    @Override
    public InputStream readFile(String path, long offset, long length) throws IOException {
        if (gateway != null && path.startsWith("/ipfs/") && !watchdog.isShutdown()) {
            InputStream in = gateway.open(path, offset, length);
            if (in != null) {
                return in;
            }
        }
        return cat(path, offset, length);
    }

    @Override
    public FileStat stat(String path) throws IOException {
        JsonNode json = callJson("files/stat", path, Map.of());
        String cid = text(json, "Hash", "files/stat", path);
        String type = text(json, "Type", "files/stat", path);
        return new FileStat(cid, number(json, "Size", "files/stat", path), "directory".equals(type),
                isSymlink(json.path("Mode").asText("")));
    }

    /** Kubo reports a UnixFS mode as Go's os.FileMode in octal; bit 27 is os.ModeSymlink. */
    private static boolean isSymlink(String octalMode) {
        try {
            return !octalMode.isEmpty() && (Long.parseLong(octalMode, 8) & (1L << 27)) != 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * Lists a directory cheaply ({@code resolve-type=false}, {@code size=false}): kubo then
     * reports a size only for raw-leaf children (type 2, CID codec raw); other sizes are -1.
     * Listing a file gives an empty list, as kubo does.
     */
    @Override
    public List<DirectoryEntry> ls(String path) throws IOException {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("resolve-type", "false");
        options.put("size", "false");
        JsonNode json = callJson("ls", path, options);
        JsonNode objects = json.get("Objects");
        if (objects == null || !objects.isArray()) {
            throw KuboErrors.unexpectedAnswer(description, "ls", path, "no \"Objects\" array in " + snippet(json));
        }
        List<DirectoryEntry> entries = new ArrayList<>();
        for (JsonNode object : objects) {
            JsonNode links = object.get("Links");
            if (links == null || !links.isArray()) {
                throw KuboErrors.unexpectedAnswer(description, "ls", path, "no \"Links\" array in " + snippet(json));
            }
            for (JsonNode link : links) {
                long size = link.path("Type").asInt(-1) == 2 ? number(link, "Size", "ls", path) : -1;
                entries.add(new DirectoryEntry(text(link, "Name", "ls", path), text(link, "Hash", "ls", path), size));
            }
        }
        return List.copyOf(entries);
    }

    @Override
    public String resolve(String path) throws IOException {
        JsonNode json = callJson("resolve", path, Map.of("recursive", "true"));
        String resolved = text(json, "Path", "resolve", path);
        if (!resolved.startsWith("/ipfs/")) {
            throw KuboErrors.unexpectedAnswer(description, "resolve", path, "resolved to \"" + resolved
                    + "\", not an /ipfs/ path");
        }
        return resolved;
    }

    /**
     * Adds a directory tree: {@code add?cid-version=1&raw-leaves=true}, the same CIDs as {@code
     * ipfs add -r --cid-version 1 --raw-leaves DIR}. The tree streams from disk. See {@link KuboAdd}
     * for how the upload is bounded in time.
     *
     * @param directory the tree to add; its file name becomes the top entry's name
     * @param options pinning, wrapping, progress
     * @return the root CID and every entry kubo reported
     * @throws IOException the mapped failure; nothing is returned for a tree kubo did not finish
     */
    public AddResult add(Path directory, AddOptions options) throws IOException {
        return new KuboAdd(this, http, watchdog, description, deadline).add(directory, options);
    }

    /**
     * {@code version}: a cheap call to check that the node answers before long work.
     *
     * @return kubo's version, e.g. {@code 0.43.1}
     */
    public String version() throws IOException {
        String subject = "its version";
        try (InputStream body = call("version", List.of(), subject, Map.of(), true)) {
            return text(JSON.readTree(body), "Version", "version", subject);
        } catch (JsonProcessingException e) {
            throw KuboErrors.unexpectedAnswer(description, "version", subject, "malformed JSON");
        }
    }

    /**
     * {@code files/cp FROM TO}: puts {@code /ipfs/…} content into kubo's MFS without sending it.
     *
     * @param from an {@code /ipfs/<cid>[/path]} or MFS path
     * @param to an MFS path that does not exist yet
     */
    public void filesCopy(String from, String to) throws IOException {
        drain(call("files/cp", List.of(from, to), from + " -> " + to, Map.of(), true));
    }

    /**
     * {@code files/rm -r --force PATH}.
     *
     * @param mfsPath the MFS path to remove
     */
    public void filesRemove(String mfsPath) throws IOException {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("recursive", "true");
        options.put("force", "true");
        drain(call("files/rm", List.of(mfsPath), mfsPath, options, true));
    }

    /**
     * {@code pin/add CID} (recursive).
     *
     * @param cid what to pin: a CID or an IPFS path
     */
    @Override
    public void pin(String cid) throws IOException {
        drain(call("pin/add", List.of(cid), cid, Map.of("recursive", "true"), true));
    }

    /**
     * {@code pin/rm CID}; an absent pin is not an error.
     *
     * @param cid what to unpin
     */
    public void unpin(String cid) throws IOException {
        try {
            drain(call("pin/rm", List.of(cid), cid, Map.of(), true));
        } catch (IpfsNodeException e) {
            if (!String.valueOf(e.getMessage()).contains("not pinned")) {
                throw e;
            }
        }
    }

    private static void drain(InputStream body) throws IOException {
        try (body) {
            body.transferTo(OutputStream.nullOutputStream());
        }
    }

    @Override
    public String describe() {
        return description;
    }

    /** @return the node's gateway that {@link #readFile} uses, if one was given */
    public java.util.Optional<URI> gateway() {
        return java.util.Optional.ofNullable(gateway).map(KuboGateway::base);
    }

    /** @return the deadline applied to every call */
    public Duration deadline() {
        return deadline;
    }

    /** Stops the watchdog; streams still open lose their idle bound. Further calls are refused. */
    @Override
    public void close() {
        watchdog.shutdownNow();
    }

    @Override
    public String toString() {
        return description;
    }

    private JsonNode callJson(String command, String path, Map<String, String> options) throws IOException {
        try (InputStream body = call(command, path, options, true)) {
            JsonNode json = JSON.readTree(body);
            if (json == null || !json.isObject()) {
                throw KuboErrors.unexpectedAnswer(description, command, path, "expected a JSON object, got "
                        + (json == null || json.isMissingNode() ? "an empty body" : snippet(json)));
            }
            return json;
        } catch (JsonProcessingException e) {
            throw KuboErrors.unexpectedAnswer(description, command, path, "malformed JSON ("
                    + e.getOriginalMessage() + ")");
        }
    }

    /** Sends one command; returns the body of a 2xx answer, or throws the mapped failure. */
    private InputStream call(String command, String path, Map<String, String> options, boolean wholeCall)
            throws IOException {
        Objects.requireNonNull(path, "path");
        return call(command, List.of(path), path, options, wholeCall);
    }

    /** Sends one command with any number of {@code arg}s; {@code subject} names it in messages. */
    InputStream call(String command, List<String> args, String subject, Map<String, String> options,
            boolean wholeCall) throws IOException {
        String path = subject;
        if (watchdog.isShutdown()) {
            throw new IllegalStateException(description + " is closed");
        }
        HttpRequest request = HttpRequest.newBuilder(uri(command, args, options))
                .POST(HttpRequest.BodyPublishers.noBody())
                .timeout(deadline)
                .build();
        long start = System.nanoTime();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw KuboErrors.fromTransport(description, path, deadline, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while calling " + description + " for " + path);
        }
        int status = response.statusCode();
        long expected = -1;
        if (status / 100 == 2 && !wholeCall) {
            expected = response.headers().firstValueAsLong("X-Content-Length").orElse(-1);
        }
        InputStream body;
        try {
            body = new DeadlineInputStream(response.body(), watchdog, description, path, deadline,
                    wholeCall || status / 100 != 2, start, expected);
        } catch (RejectedExecutionException closedMeanwhile) {
            response.body().close();
            throw new IllegalStateException(description + " is closed", closedMeanwhile);
        }
        if (status / 100 == 2) {
            return body;
        }
        throw failure(command, path, status, response.headers().firstValue("Content-Type").orElse(""), body);
    }

    URI uri(String command, List<String> args, Map<String, String> options) {
        StringBuilder uri = new StringBuilder(baseUri.toString()).append("/api/v0/").append(command);
        char sep = '?';
        for (String arg : args) {
            uri.append(sep).append("arg=").append(encode(arg));
            sep = '&';
        }
        for (Map.Entry<String, String> option : options.entrySet()) {
            uri.append(sep).append(encode(option.getKey())).append('=').append(encode(option.getValue()));
            sep = '&';
        }
        return URI.create(uri.toString());
    }

    IOException failure(String command, String path, int status, String contentType, InputStream body)
            throws IOException {
        String text;
        try (body) {
            text = new String(body.readNBytes(MAX_ERROR_BODY), StandardCharsets.UTF_8);
        }
        if (contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            try {
                JsonNode message = JSON.readTree(text).get("Message");
                if (message != null && message.isTextual()) {
                    return KuboErrors.fromKubo(description, command, path, status, message.asText());
                }
            } catch (JsonProcessingException e) {
                // fall through: not kubo's error shape
            }
        }
        return KuboErrors.unexpectedAnswer(description, command, path, "HTTP " + status
                + (contentType.isEmpty() ? "" : " (" + contentType + ")") + " \"" + abbreviate(text.strip()) + "\"");
    }

    String text(JsonNode json, String field, String command, String path) throws IOException {
        JsonNode v = json.get(field);
        if (v == null || !v.isTextual()) {
            throw KuboErrors.unexpectedAnswer(description, command, path, "no text field \"" + field + "\" in "
                    + snippet(json));
        }
        return v.asText();
    }

    long number(JsonNode json, String field, String command, String path) throws IOException {
        JsonNode v = json.get(field);
        if (v == null || !v.canConvertToLong()) {
            throw KuboErrors.unexpectedAnswer(description, command, path, "no number field \"" + field + "\" in "
                    + snippet(json));
        }
        return v.asLong();
    }

    private static String snippet(JsonNode json) {
        return abbreviate(String.valueOf(json));
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 197) + "...";
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Settings of a {@link KuboClient}. */
    public static final class Builder {
        private final URI baseUri;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration deadline = Duration.ofSeconds(30);
        private Executor executor;
        private URI gateway;

        private Builder(URI baseUri) {
            Objects.requireNonNull(baseUri, "baseUri");
            String scheme = String.valueOf(baseUri.getScheme()).toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || baseUri.getHost() == null) {
                throw new IllegalArgumentException("kubo RPC base URI must be http(s)://host:port, not " + baseUri);
            }
            String s = baseUri.toString();
            this.baseUri = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
        }

        /**
         * @param timeout how long to wait for the TCP connection
         * @return this
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        /**
         * @param deadline the bound on every call (see {@link KuboClient})
         * @return this
         */
        public Builder deadline(Duration deadline) {
            this.deadline = positive(deadline, "deadline");
            return this;
        }

        /**
         * @param executor runs the {@link HttpClient}'s asynchronous work; default: its own pool
         * @return this
         */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * @param gatewayBase the HTTP gateway of the same node, e.g. {@code http://127.0.0.1:8080}, for
         *     reading file content ({@link KuboClient#readFile}); the node's, as it is trusted alike
         * @return this
         */
        public Builder gateway(URI gatewayBase) {
            String scheme = String.valueOf(gatewayBase.getScheme()).toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || gatewayBase.getHost() == null) {
                throw new IllegalArgumentException("kubo gateway URI must be http(s)://host:port, not " + gatewayBase);
            }
            this.gateway = gatewayBase;
            return this;
        }

        /** @return the client */
        public KuboClient build() {
            return new KuboClient(this);
        }

        private static Duration positive(Duration d, String name) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, not " + d);
            }
            return d;
        }
    }
}
