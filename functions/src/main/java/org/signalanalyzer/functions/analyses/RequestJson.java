package org.signalanalyzer.functions.analyses;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.signalanalyzer.functions.web.ApiException;

/**
 * Request bodies that carry shared-dsp's own JSON (a FilterChain) are read as trees with shared-dsp's Jackson,
 * so the chain reaches {@code FilterChain.fromJson} exactly as the client wrote it.
 */
public final class RequestJson {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    private RequestJson() {}

    public static JsonNode parse(String body) {
        if (body == null || body.isBlank()) throw ApiException.invalid("This call needs a JSON body.");
        try {
            JsonNode root = MAPPER.readTree(body);
            if (root == null || !root.isObject()) throw ApiException.invalid("The body must be a JSON object.");
            return root;
        } catch (JsonProcessingException e) {
            throw ApiException.invalid("The request body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ApiException.invalid("The request body could not be read: " + e.getMessage());
        }
    }

    public static String requiredText(JsonNode root, String field) {
        JsonNode n = root.get(field);
        if (n == null || !n.isTextual() || n.asText().isBlank()) {
            throw ApiException.invalid("'" + field + "' is required (a string).");
        }
        return n.asText();
    }

    public static int optionalInt(JsonNode root, String field, int fallback) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) return fallback;
        if (!n.canConvertToInt() || !n.isIntegralNumber())
            throw ApiException.invalid("'" + field + "' must be a whole number.");
        return n.asInt();
    }

    /** A [from, to] pair of numbers. */
    public static double[] pair(JsonNode root, String field) {
        return pair(root, field, field);
    }

    /** A [from, to] pair of numbers; {@code path} names the field in a refusal ("ranges.hyperpol"). */
    public static double[] pair(JsonNode root, String field, String path) {
        JsonNode n = root.get(field);
        if (n == null
                || !n.isArray()
                || n.size() != 2
                || !n.get(0).isNumber()
                || !n.get(1).isNumber()) {
            throw ApiException.invalid("'" + path + "' must be two numbers [from, to].");
        }
        return new double[] {n.get(0).asDouble(), n.get(1).asDouble()};
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("stored JSON is damaged", e);
        }
    }

    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
