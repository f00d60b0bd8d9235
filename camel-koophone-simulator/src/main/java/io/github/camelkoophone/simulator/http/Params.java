package io.github.camelkoophone.simulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelkoophone.simulator.json.SimJson;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Body checks shared by the operations, answering with the codes of {@link ErrorCodes}. */
public final class Params {

    public static final int MAX_IDS = 100;
    public static final int MAX_ID_LENGTH = 32;
    static final int MAX_COMMAND_BYTES = 1024;

    private Params() {
    }

    /** The body as an object; an empty body counts as an object without fields. */
    public static JsonNode object(Call call) {
        JsonNode body = call.body();
        if (body.isNull() || body.isMissingNode()) {
            return SimJson.object();
        }
        if (!body.isObject()) {
            throw ApiError.badRequest("request body must be a JSON object");
        }
        return body;
    }

    /** A required list of instance ids: present and non-empty (0005), at most 100 (0004), strings of at most 32 chars (1000). */
    public static List<String> idList(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull() || (node.isArray() && node.isEmpty())) {
            throw ApiError.missing(field);
        }
        if (!node.isArray()) {
            throw ApiError.badRequest(field + " must be an array of strings");
        }
        if (node.size() > MAX_IDS) {
            throw new ApiError(200, ErrorCodes.TOO_MANY_IDS,
                    field + " has " + node.size() + " entries; at most " + MAX_IDS + " are allowed");
        }
        List<String> ids = new ArrayList<>(node.size());
        for (JsonNode id : node) {
            ids.add(id(id, field));
        }
        return ids;
    }

    /** A required single instance id. */
    public static String instanceId(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull() || (node.isTextual() && node.asText().isBlank())) {
            throw ApiError.missing(field);
        }
        return id(node, field);
    }

    /** A required string; numbers are accepted as their text (the reference sends user ids both ways). */
    public static String string(JsonNode body, String field) {
        return optionalString(body, field).orElseThrow(() -> ApiError.missing(field));
    }

    public static Optional<String> optionalString(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isValueNode()) {
            throw ApiError.badRequest(field + " must be a string");
        }
        String text = node.asText();
        return text.isBlank() ? Optional.empty() : Optional.of(text);
    }

    /** A required integer. */
    public static int integer(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            throw ApiError.missing(field);
        }
        if (node.isIntegralNumber()) {
            return node.asInt();
        }
        if (node.isTextual()) {
            try {
                return Integer.parseInt(node.asText().trim());
            } catch (NumberFormatException e) {
                // fall through
            }
        }
        throw ApiError.badRequest(field + " must be an integer");
    }

    /** A required number, whole or not (the reference types bandSize as a Double). */
    public static double number(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            throw ApiError.missing(field);
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        if (node.isTextual()) {
            try {
                return Double.parseDouble(node.asText().trim());
            } catch (NumberFormatException e) {
                // fall through
            }
        }
        throw ApiError.badRequest(field + " must be a number");
    }

    /** The adb command: required, at most 1,024 UTF-8 bytes. */
    public static String command(JsonNode body) {
        String command = string(body, "command");
        int bytes = command.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_COMMAND_BYTES) {
            throw ApiError.badRequest("command is " + bytes + " bytes; at most " + MAX_COMMAND_BYTES + " are allowed");
        }
        return command;
    }

    private static String id(JsonNode node, String field) {
        if (!node.isTextual() && !node.isIntegralNumber()) {
            throw ApiError.badRequest(field + " entries must be strings");
        }
        String id = node.asText();
        if (id.isEmpty() || id.length() > MAX_ID_LENGTH) {
            throw ApiError.badRequest(field + " entry '" + abbreviate(id) + "' must be 1 to " + MAX_ID_LENGTH + " characters");
        }
        return id;
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
