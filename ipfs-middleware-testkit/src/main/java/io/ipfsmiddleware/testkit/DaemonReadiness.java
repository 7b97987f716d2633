package io.ipfsmiddleware.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Polls a starting daemon until the addresses it bound are known and its API answers. */
final class DaemonReadiness {

    record Addresses(String apiMultiaddr, URI gatewayUri) {
    }

    private DaemonReadiness() {
    }

    static Addresses await(Process daemon, Path repo, Path log, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        String lastProblem = "no api file yet";
        while (System.nanoTime() < deadline) {
            if (!daemon.isAlive()) {
                throw new IllegalStateException("the daemon exited with code " + daemon.exitValue());
            }
            Path apiFile = repo.resolve("api");
            Path gatewayFile = repo.resolve("gateway");
            if (Files.exists(apiFile) && Files.exists(gatewayFile)) {
                String api = Files.readString(apiFile, StandardCharsets.UTF_8).strip();
                String gateway = Files.readString(gatewayFile, StandardCharsets.UTF_8).strip();
                if (!api.isEmpty() && !gateway.isEmpty()) {
                    lastProblem = probe(http, Multiaddrs.toHttpUri(api));
                    if (lastProblem == null) {
                        return new Addresses(api, URI.create(gateway.endsWith("/") ? gateway : gateway + "/"));
                    }
                }
            }
            sleep(100);
        }
        throw new IllegalStateException("the daemon did not become ready within " + timeout
                + " (last check: " + lastProblem + ")");
    }

    /** @return null when {@code POST /api/v0/version} answers 200, else what went wrong */
    private static String probe(HttpClient http, URI api) {
        HttpRequest request = HttpRequest.newBuilder(api.resolve("api/v0/version"))
                .timeout(Duration.ofSeconds(5))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? null : "API answered HTTP " + response.statusCode();
        } catch (IOException e) {
            return "API not answering: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the daemon", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the daemon", e);
        }
    }
}
