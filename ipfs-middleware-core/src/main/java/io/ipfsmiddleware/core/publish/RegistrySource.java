package io.ipfsmiddleware.core.publish;

import com.fasterxml.jackson.databind.JsonNode;
import io.ipfsmiddleware.api.model.Descriptor;
import io.ipfsmiddleware.api.model.Digest;
import io.ipfsmiddleware.api.model.MediaTypes;
import io.ipfsmiddleware.core.verify.Digests;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code docker://host/name:tag}: a small OCI distribution pull client on {@code java.net.http}.
 * It fetches the manifest (any of the OCI and Docker schema 2 types), then, as the copier asks,
 * child manifests and blobs; everything is checked against its digest by the copier. Anonymous
 * bearer tokens are fetched when the registry asks for them ({@code WWW-Authenticate: Bearer
 * realm=…}), as Docker Hub does for public images; credentials are not supported.
 */
final class RegistrySource implements ImageSource {
    private static final String ACCEPT = String.join(", ", MediaTypes.OCI_INDEX, MediaTypes.OCI_MANIFEST,
            MediaTypes.DOCKER_MANIFEST_LIST, MediaTypes.DOCKER_MANIFEST);
    private static final Pattern PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    private final RegistryReference ref;
    private final String description;
    private final Duration timeout;
    private final HttpClient http;
    private volatile String token;

    RegistrySource(RegistryReference ref, String description, Duration timeout) {
        this.ref = ref;
        this.description = description;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    @Override
    public OpenedSource open(Path scratch) throws IOException {
        HttpResponse<InputStream> response = get("manifests/" + ref.reference(), ACCEPT);
        byte[] bytes;
        try (InputStream body = response.body()) {
            bytes = body.readNBytes(ImageCopier.MAX_MANIFEST + 1);
        }
        Digest digest = Digests.of(bytes, new Digest("sha256", "0".repeat(64)));
        if (ref.digest() != null && !ref.digest().equals(digest.toString())) {
            throw new PublishException(description + ": the registry sent a manifest with digest " + digest
                    + ", not the one asked for");
        }
        String contentType = response.headers().firstValue("Content-Type").orElse("").split(";")[0].trim();
        Descriptor root = Descriptor.of(contentType, digest, bytes.length);
        BlobSource blobs = new BlobSource() {
            @Override
            public InputStream open(Descriptor d) throws IOException {
                return get("blobs/" + d.digest(), "*/*").body();
            }

            @Override
            public InputStream openManifest(Descriptor d) throws IOException {
                if (d.digest().equals(digest)) {
                    return new ByteArrayInputStream(bytes);
                }
                return get("manifests/" + d.digest(), ACCEPT).body();
            }
        };
        return new OpenedSource(description, List.of(new SourceImage(ref.tag(), root)), blobs, () -> { });
    }

    private HttpResponse<InputStream> get(String path, String accept) throws IOException {
        URI uri = URI.create(ref.baseUri() + "/v2/" + ref.repository() + "/" + path);
        HttpResponse<InputStream> response = send(uri, accept);
        // A 401 asks for a token, or a fresh one: anonymous tokens expire (Docker Hub's after
        // about 5 minutes), so a long pull renews it once per request.
        if (response.statusCode() == 401) {
            String challenge = response.headers().firstValue("WWW-Authenticate").orElse("");
            response.body().close();
            token = fetchToken(challenge);
            response = send(uri, accept);
        }
        if (response.statusCode() / 100 != 2) {
            String body;
            try (InputStream in = response.body()) {
                body = new String(in.readNBytes(2048), StandardCharsets.UTF_8).strip();
            }
            throw new PublishException(description + ": " + ref.baseUri() + " answered HTTP " + response.statusCode()
                    + " for " + path + (body.isEmpty() ? "" : " (" + abbreviate(body) + ")"));
        }
        return response;
    }

    private HttpResponse<InputStream> send(URI uri, String accept) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", accept).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while pulling " + description);
        } catch (IOException e) {
            throw new PublishException(description + ": cannot reach the registry at " + ref.baseUri() + " (" + e
                    + ")", e);
        }
    }

    private String fetchToken(String challenge) throws IOException {
        if (!challenge.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new PublishException(description + ": the registry wants authentication (" + challenge
                    + "); only anonymous pulls are supported");
        }
        Map<String, String> params = new java.util.HashMap<>();
        Matcher m = PARAM.matcher(challenge);
        while (m.find()) {
            params.put(m.group(1), m.group(2));
        }
        String realm = params.get("realm");
        if (realm == null) {
            throw new PublishException(description + ": the registry's token challenge has no realm: " + challenge);
        }
        StringBuilder uri = new StringBuilder(realm).append(realm.contains("?") ? '&' : '?')
                .append("scope=").append(URLEncoder.encode(params.getOrDefault("scope",
                        "repository:" + ref.repository() + ":pull"), StandardCharsets.UTF_8));
        if (params.containsKey("service")) {
            uri.append("&service=").append(URLEncoder.encode(params.get("service"), StandardCharsets.UTF_8));
        }
        HttpResponse<InputStream> response = send(URI.create(uri.toString()), "application/json");
        try (InputStream in = response.body()) {
            byte[] body = in.readNBytes(1024 * 1024);
            if (response.statusCode() / 100 != 2) {
                throw new PublishException(description + ": the token service " + realm + " answered HTTP "
                        + response.statusCode());
            }
            JsonNode json = PublishJson.read(body, "the token from " + realm);
            String t = json.path("token").asText(json.path("access_token").asText(""));
            if (t.isEmpty()) {
                throw new PublishException(description + ": the token service " + realm + " sent no token");
            }
            return t;
        }
    }

    private static String abbreviate(String s) {
        String one = s.replaceAll("\\s+", " ");
        return one.length() <= 200 ? one : one.substring(0, 197) + "...";
    }

    @Override
    public String toString() {
        return description;
    }
}
