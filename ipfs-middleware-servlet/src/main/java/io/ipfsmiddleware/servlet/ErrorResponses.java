package io.ipfsmiddleware.servlet;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ipfsmiddleware.api.error.ErrorCode;
import io.ipfsmiddleware.api.error.RegistryException;
import io.ipfsmiddleware.api.error.RegistryIOException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes OCI error responses, for this filter and for host registries that want the same format: {@code {"errors":[{"code","message","detail"}]}} with the status of
 * the {@link ErrorCode}. The one place where failures become HTTP responses.
 */
public final class ErrorResponses {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ErrorResponses() {
    }

    /**
     * Turns a failure from reading content into the error a client should see: the code a
     * {@link RegistryIOException} carries, else {@code UNAVAILABLE}.
     *
     * @param e the failure
     * @return the error, quoting it
     */
    public static RegistryException fromIOException(IOException e) {
        String message = e.getMessage() != null ? e.getMessage() : e.toString();
        if (e instanceof RegistryIOException known) {
            return new RegistryException(known.code(), message, null, e);
        }
        return new RegistryException(ErrorCode.UNAVAILABLE, "the content could not be read: " + message, null, e);
    }

    /**
     * Writes an error response, replacing whatever status, headers and body were set before (so no
     * success header such as an ETag or a long Cache-Control outlives the failure).
     *
     * @param response the response, not yet committed
     * @param error the error
     * @param withBody false for HEAD requests
     * @param headers more headers for this error, as name, value, name, value…
     * @throws IOException when writing fails
     */
    public static void write(HttpServletResponse response, RegistryException error, boolean withBody,
            String... headers) throws IOException {
        response.reset();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            response.setHeader(headers[i], headers[i + 1]);
        }
        response.setStatus(error.code().httpStatus());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        if (error.code() == ErrorCode.UNAVAILABLE) {
            response.setHeader("Retry-After", "10");
        }
        byte[] body = body(error);
        response.setContentLength(body.length);
        if (withBody) {
            response.getOutputStream().write(body);
        }
    }

    /**
     * @param error the error
     * @return its OCI error body, {@code {"errors":[{"code","message","detail"}]}}, for adapters
     *     other than this servlet filter
     */
    public static byte[] body(RegistryException error) {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode entry = root.putArray("errors").addObject();
        entry.put("code", error.code().name());
        entry.put("message", error.getMessage());
        if (error.detail() != null) {
            entry.put("detail", error.detail());
        }
        try {
            return MAPPER.writeValueAsBytes(root);
        } catch (IOException e) {
            return ("{\"errors\":[{\"code\":\"" + error.code().name() + "\"}]}").getBytes(StandardCharsets.UTF_8);
        }
    }
}
