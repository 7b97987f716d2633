package io.ipfsmiddleware.core.kubo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.InterruptedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One {@code add} call of {@link KuboClient}.
 *
 * <p>Time bound: an upload may take far longer than the client's deadline, so the request has no
 * overall timeout; instead the call fails when no body byte has been taken by the connection for
 * a whole deadline (kubo stopped reading), and, once kubo answers, every read of the answer is
 * bounded as for {@code cat}.
 *
 * <p>{@code progress=false}: {@code java.net.http} reads the answer only after it has sent the
 * whole body, so kubo's progress lines (one per 256 KiB chunk) would pile up unread and could fill
 * the socket buffers of a large upload; progress is counted on our side instead, as bytes handed
 * to the connection. Without it kubo writes one short line per file and directory.
 */
final class KuboAdd {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KuboClient client;
    private final HttpClient http;
    private final ScheduledExecutorService watchdog;
    private final String node;
    private final Duration deadline;

    KuboAdd(KuboClient client, HttpClient http, ScheduledExecutorService watchdog, String node, Duration deadline) {
        this.client = client;
        this.http = http;
        this.watchdog = watchdog;
        this.node = node;
        this.deadline = deadline;
    }

    AddResult add(Path directory, AddOptions options) throws IOException {
        if (watchdog.isShutdown()) {
            throw new IllegalStateException(node + " is closed");
        }
        MultipartTree body = MultipartTree.of(directory);
        String subject = "add of the tree " + directory.getFileName();
        Map<String, String> query = new LinkedHashMap<>();
        query.put("cid-version", "1");
        query.put("raw-leaves", "true");
        query.put("wrap-with-directory", Boolean.toString(options.wrapWithDirectory()));
        query.put("pin", Boolean.toString(options.pin()));
        query.put("progress", "false");
        AtomicLong sent = new AtomicLong();
        HttpRequest request = HttpRequest.newBuilder(client.uri("add", List.of(), query))
                .header("Content-Type", body.contentType())
                .POST(HttpRequest.BodyPublishers.fromPublisher(
                        HttpRequest.BodyPublishers.ofInputStream(() -> body.open(sent)), body.length()))
                .build();
        long start = System.nanoTime();
        HttpResponse<InputStream> response = await(http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream()),
                sent, options, subject);
        options.bytesSent().accept(sent.get());
        InputStream answer = new DeadlineInputStream(response.body(), watchdog, node, subject, deadline,
                response.statusCode() / 100 != 2, start, -1);
        if (response.statusCode() / 100 != 2) {
            throw client.failure("add", subject, response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), answer);
        }
        List<AddedEntry> entries = readEntries(answer, subject);
        if (entries.isEmpty()) {
            throw KuboErrors.unexpectedAnswer(node, "add", subject, "no entries in the answer");
        }
        AddedEntry root = entries.get(entries.size() - 1);
        String expected = options.wrapWithDirectory() ? "" : String.valueOf(directory.getFileName());
        if (!root.name().equals(expected)) {
            throw KuboErrors.unexpectedAnswer(node, "add", subject, "the last entry is \"" + root.name()
                    + "\", not the tree's top \"" + expected + "\" (the add did not finish)");
        }
        return new AddResult(root.cid(), entries, sent.get());
    }

    /** Waits for the answer while the body is being sent; fails when sending stalls for a deadline. */
    private HttpResponse<InputStream> await(CompletableFuture<HttpResponse<InputStream>> future, AtomicLong sent,
            AddOptions options, String subject) throws IOException {
        long last = -1;
        long lastChange = System.nanoTime();
        while (true) {
            try {
                return future.get(200, TimeUnit.MILLISECONDS);
            } catch (TimeoutException notYet) {
                long now = sent.get();
                if (now != last) {
                    last = now;
                    lastChange = System.nanoTime();
                    options.bytesSent().accept(now);
                } else if (System.nanoTime() - lastChange > deadline.toNanos()) {
                    future.cancel(true);
                    throw new io.ipfsmiddleware.core.node.IpfsTimeoutException(node + " took no data and gave no answer "
                            + "for " + KuboErrors.format(deadline) + " during the " + subject);
                }
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof IOException io) {
                    throw KuboErrors.fromTransport(node, subject, deadline, io);
                }
                throw new IOException(node + " failed the " + subject + ": " + cause, cause);
            } catch (InterruptedException e) {
                future.cancel(true);
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted during the " + subject + " to " + node);
            }
        }
    }

    private List<AddedEntry> readEntries(InputStream answer, String subject) throws IOException {
        List<AddedEntry> entries = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(answer, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode json;
                try {
                    json = JSON.readTree(line);
                } catch (JsonProcessingException e) {
                    throw KuboErrors.unexpectedAnswer(node, "add", subject, "malformed JSON line ("
                            + e.getOriginalMessage() + ")");
                }
                if (json.has("Message") && !json.has("Hash")) {
                    throw KuboErrors.fromKubo(node, "add", subject, 200, json.path("Message").asText());
                }
                if (!json.has("Hash")) {
                    continue; // a progress line
                }
                entries.add(new AddedEntry(client.text(json, "Name", "add", subject),
                        client.text(json, "Hash", "add", subject), json.path("Size").asLong(-1)));
            }
        } catch (IOException e) {
            throw KuboErrors.whileReading(node, subject, e);
        }
        return entries;
    }
}
