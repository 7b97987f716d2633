package io.ipfsmiddleware.servlet;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ipfsmiddleware.api.error.ErrorCode;
import io.ipfsmiddleware.api.error.RegistryException;
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
     * Turns a transport failure that no layer translated into the error a client should see.
     *
     * @param e the failure
     * @return a {@code UNAVAILABLE} error quoting it
     */
    public static RegistryException fromIOException(IOException e) {
        return new RegistryException(ErrorCode.UNAVAILABLE, "the content could not be read: " + e.getMessage(), null, e);
    }

    /**
     * Writes an error response, replacing whatever was buffered.
     *
     * @param response the response, not yet committed
     * @param error the error
     * @param withBody false for HEAD requests
     * @throws IOException when writing fails
     */
    public static void write(HttpServletResponse response, RegistryException error, boolean withBody) throws IOException {
        response.resetBuffer();
        response.setStatus(error.code().httpStatus());
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

    static byte[] body(RegistryException error) {
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
