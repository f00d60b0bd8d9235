package io.github.camelkoophone.component.koophone.api;

import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkoophone.component.koophone.KooPhoneApiException;
import io.github.camelkoophone.component.koophone.transport.ApiResponse;

/**
 * Reads the API's envelope {@code {"error_code", "error_msg", "data"}}: turns errors (HTTP >= 400, or any
 * {@code error_code} but "0" even with HTTP 200) into {@link KooPhoneApiException}, and otherwise returns the
 * {@code data} object in one normal form, whatever quirk the response has:
 * <ul>
 * <li>no {@code data} wrapper (fields at the top level): the top level is the data;</li>
 * <li>{@code data.data}: the inner object is the data;</li>
 * <li>fields beside {@code data} (paging counters, error_code, error_msg) are copied in where absent.</li>
 * </ul>
 * Spelling quirks inside the data ({@code ecmd_jobs}) are the models' business.
 */
public final class ResponseReader {

    private static final int SNIPPET = 120;

    private ResponseReader() {
    }

    public static ObjectNode read(String operation, ApiResponse response, String requestId) {
        return read(operation, response, requestId, true);
    }

    /**
     * Reads one call's response as {@link #read} does and binds the data to the operation's result type. A plain
     * envelope (only {@code error_code}, {@code error_msg} and a {@code data} object without a {@code data} of
     * its own), which is nearly every answer, is bound in one streaming pass; every other shape, and anything
     * that fails, takes the tree path, so quirks and error messages are the same either way.
     */
    public static Reply reply(ApiOperation op, ApiResponse response, String requestId) {
        if (response.status() < 400 && response.body().length > 0) {
            PlainEnvelope plain = PlainEnvelope.read(op, response.body());
            if (plain != null && !(op.errorCodeInSuccessIsFailure() && plain.failed())) {
                return new Reply(plain.result(), plain.errorCode(), plain.errorMessage(), plain.taskId());
            }
        }
        if (response.status() == 403 && op.iamAction() != null) {
            KooPhoneApiException refused = error(op.name(), response, requestId);
            throw new KooPhoneApiException(op.name(), 403, refused.getErrorCode(), refused.getErrorMessage()
                    + " (the credentials' IAM policy must allow " + op.iamAction() + ")", requestId);
        }
        ObjectNode data = read(op.name(), response, requestId, op.errorCodeInSuccessIsFailure());
        return new Reply(ResultAssembler.convert(op, data, requestId), text(data.get("error_code")),
                text(data.get("error_msg")), text(data.get(op.taskIdField())));
    }

    /**
     * @param errorCodeIsFailure whether a 2xx answer's {@code error_code} other than "0" is a failure (see
     *                           {@link ApiOperation#errorCodeInSuccessIsFailure()})
     */
    public static ObjectNode read(String operation, ApiResponse response, String requestId, boolean errorCodeIsFailure) {
        int status = response.status();
        if (status >= 400) {
            throw error(operation, response, requestId);
        }
        if (response.body().length == 0) {
            throw new KooPhoneApiException(operation, status, null, "empty response body", requestId);
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new KooPhoneApiException(operation, status, null,
                    "malformed JSON response (" + response.body().length + " bytes): " + snippet(response.bodyAsString()), requestId);
        }
        if (!(root instanceof ObjectNode envelope)) {
            throw new KooPhoneApiException(operation, status, null,
                    "unexpected response, not a JSON object: " + snippet(response.bodyAsString()), requestId);
        }
        String code = text(envelope.get("error_code"));
        if (errorCodeIsFailure && code != null && !"0".equals(code)) {
            throw new KooPhoneApiException(operation, status, code, message(envelope), requestId);
        }
        return normalise(envelope);
    }

    static ObjectNode normalise(ObjectNode envelope) {
        JsonNode data = envelope.get("data");
        ObjectNode normal;
        if (data instanceof ObjectNode object) {
            // the envelope was parsed for this call alone, so its nodes can be moved rather than copied
            normal = object;
            while (normal.get("data") instanceof ObjectNode inner) {
                normal.remove("data");
                copyAbsent(normal, inner);
                normal = inner;
            }
        } else {
            normal = Json.MAPPER.createObjectNode();
        }
        copyAbsent(envelope, normal);
        normal.remove("data");
        return normal;
    }

    private static void copyAbsent(ObjectNode from, ObjectNode to) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = from.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!"data".equals(field.getKey()) && !to.has(field.getKey())) {
                to.set(field.getKey(), field.getValue());
            }
        }
    }

    private static KooPhoneApiException error(String operation, ApiResponse response, String requestId) {
        if (response.body().length == 0) {
            return new KooPhoneApiException(operation, response.status(), null, "no response body", requestId);
        }
        String code = null;
        String message;
        try {
            JsonNode root = Json.MAPPER.readTree(response.body());
            if (root instanceof ObjectNode envelope) {
                JsonNode iamError = envelope.path("error");
                code = text(envelope.get("error_code"));
                if (code == null && iamError.isObject()) {
                    code = text(iamError.get("code"));
                }
                message = message(envelope);
                if (message == null && iamError.isObject()) {
                    message = text(iamError.get("message"));
                }
            } else {
                message = "non-JSON error body: " + snippet(response.bodyAsString());
            }
        } catch (IOException notJson) {
            message = "non-JSON error body: " + snippet(response.bodyAsString());
        }
        return new KooPhoneApiException(operation, response.status(), code, message, requestId);
    }

    /** The top-level {@code error_code} of a response, or null when it has none or is no JSON object. */
    public static String envelopeErrorCode(ApiResponse response) {
        try {
            JsonNode root = Json.MAPPER.readTree(response.body());
            return root instanceof ObjectNode envelope ? text(envelope.get("error_code")) : null;
        } catch (IOException notJson) {
            return null;
        }
    }

    private static String message(ObjectNode envelope) {
        String message = text(envelope.get("error_msg"));
        return message != null ? message : text(envelope.get("error_info"));
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    /** A short, single-line excerpt of a body for an exception message. */
    static String snippet(String body) {
        String flat = body.replaceAll("\\s+", " ").trim();
        return flat.length() <= SNIPPET ? flat : flat.substring(0, SNIPPET) + "...";
    }
}
