package io.ipfsmiddleware.servlet;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ipfsmiddleware.api.error.ErrorCode;
import io.ipfsmiddleware.api.error.RegistryException;
import io.ipfsmiddleware.api.model.ByteRange;
import io.ipfsmiddleware.api.model.Descriptor;
import io.ipfsmiddleware.api.model.Digest;
import io.ipfsmiddleware.api.model.ManifestContent;
import io.ipfsmiddleware.api.model.MediaTypes;
import io.ipfsmiddleware.api.model.TagPage;
import io.ipfsmiddleware.api.spi.Repository;
import io.micrometer.core.instrument.Counter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/** Answers the read side of the distribution API (GET and HEAD) from a {@link Repository}. */
final class RepositoryResponder {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int COPY_BUFFER = 64 * 1024;
    private static final int MAX_PAGE = 10_000;
    private static final Pattern JSON_TYPE = Pattern.compile("application/[a-z0-9][a-z0-9.+-]*\\+json");

    private RepositoryResponder() {
    }

    static void manifest(Repository repository, String reference, HttpServletRequest request,
            HttpServletResponse response, boolean head) throws RegistryException, IOException {
        ManifestContent manifest = repository.manifests().get(reference);
        if (Digest.isDigest(reference) && !manifest.digest().toString().equals(reference)) {
            throw new RegistryException(ErrorCode.MANIFEST_UNKNOWN, "asked for " + reference + " but the repository "
                    + "returned " + manifest.digest(), reference);
        }
        String etag = "\"" + manifest.digest() + "\"";
        response.setHeader("Docker-Content-Digest", manifest.digest().toString());
        response.setHeader("ETag", etag);
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (matches(request.getHeader("If-None-Match"), etag)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(servedManifestType(manifest.mediaType()));
        response.setContentLength(manifest.size());
        if (!head) {
            manifest.writeTo(response.getOutputStream());
        }
    }

    static void blob(Repository repository, String digestText, HttpServletRequest request,
            HttpServletResponse response, boolean head, Counter bytesSent) throws RegistryException, IOException {
        Digest digest = Digest.parse(digestText);
        Descriptor blob = repository.blobs().stat(digest);
        String etag = "\"" + digest + "\"";
        response.setHeader("Docker-Content-Digest", digest.toString());
        response.setHeader("ETag", etag);
        response.setHeader("Accept-Ranges", "bytes");
        response.setHeader("Cache-Control", "max-age=31536000");
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (matches(request.getHeader("If-None-Match"), etag)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        Optional<ByteRange> range;
        try {
            range = RangeHeader.parse(request.getHeader("Range"), blob.size());
        } catch (RegistryException e) {
            ErrorResponses.write(response, e, !head, "Content-Range", "bytes */" + blob.size());
            return;
        }
        response.setContentType(blob.mediaType());
        if (range.isPresent()) {
            response.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
            response.setHeader("Content-Range", "bytes " + range.get().contentRange(blob.size()));
            response.setContentLengthLong(range.get().length());
        } else {
            response.setStatus(HttpServletResponse.SC_OK);
            response.setContentLengthLong(blob.size());
        }
        if (head) {
            return;
        }
        try (InputStream in = repository.blobs().open(digest, range.orElse(null))) {
            copy(in, response.getOutputStream(), bytesSent);
        }
    }

    static void tags(Repository repository, HttpServletRequest request, HttpServletResponse response, boolean head)
            throws RegistryException, IOException {
        int limit = pageSize(request.getParameter("n"));
        String last = request.getParameter("last");
        TagPage page = repository.tags().list(limit, last);
        ObjectNode body = MAPPER.createObjectNode();
        body.put("name", repository.name().value());
        page.tags().forEach(body.putArray("tags")::add);
        if (page.more() && !page.tags().isEmpty()) {
            String next = request.getContextPath() + "/v2/" + repository.name().value() + "/tags/list?n=" + limit + "&last="
                    + URLEncoder.encode(page.tags().get(page.tags().size() - 1), StandardCharsets.UTF_8);
            response.setHeader("Link", "<" + next + ">; rel=\"next\"");
        }
        byte[] bytes = MAPPER.writeValueAsBytes(body);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentType("application/json");
        response.setContentLength(bytes.length);
        if (!head) {
            response.getOutputStream().write(bytes);
        }
    }

    /**
     * A stored manifest's media type comes from content anyone can publish: serve it only when it
     * is a manifest type or a JSON type, never something a browser would render (text/html).
     */
    static String servedManifestType(String stored) {
        return MediaTypes.isManifest(stored) || JSON_TYPE.matcher(stored).matches() ? stored : "application/json";
    }

    /** @return whether an {@code If-None-Match} header matches {@code etag} (weak comparison, lists, *) */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || (tag.startsWith("W/") ? tag.substring(2) : tag).equals(etag)) {
                return true;
            }
        }
        return false;
    }

    private static int pageSize(String n) throws RegistryException {
        if (n == null || n.isEmpty()) {
            return -1;
        }
        try {
            int value = Integer.parseInt(n);
            if (value >= 0 && value <= MAX_PAGE) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new RegistryException(ErrorCode.PAGINATION_NUMBER_INVALID,
                "n must be a whole number from 0 to " + MAX_PAGE + ", got '" + n + "'", n);
    }

    private static void copy(InputStream in, OutputStream out, Counter bytesSent) throws IOException {
        byte[] buffer = new byte[COPY_BUFFER];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            out.write(buffer, 0, n);
            bytesSent.increment(n);
        }
    }
}
