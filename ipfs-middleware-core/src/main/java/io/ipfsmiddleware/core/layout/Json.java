package io.ipfsmiddleware.core.layout;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ipfsmiddleware.api.error.ErrorCode;
import io.ipfsmiddleware.api.error.RegistryException;
import java.io.IOException;

/** The one Jackson mapper of the layout package, and JSON errors as registry errors. */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Json() {
    }

    static JsonNode read(byte[] json, String where, ErrorCode code) throws RegistryException {
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node == null || node.isMissingNode()) {
                throw new RegistryException(code, where + " is empty; expected a JSON document", where);
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new RegistryException(code, where + " is not valid JSON: " + e.getOriginalMessage(), where);
        } catch (IOException e) {
            throw new RegistryException(code, where + " could not be parsed: " + e.getMessage(), where);
        }
    }
}
