package io.github.camelkoophone.component.cloud.call;

import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkoophone.component.cloud.api.CloudService;
import io.github.camelkoophone.component.cloud.api.HuaweiCloudApiException;
import io.github.camelkoophone.component.cloud.http.ApiResponse;

/**
 * Reads a service's envelope {@code {"error_code", "error_msg", "data"}}: turns errors (HTTP >= 400, or an
 * {@code error_code} other than "0" where the service fails that way in a 2xx answer) into its exception, and
 * otherwise binds the {@code data} object, in one normal form whatever quirk the response has, to the operation's
 * result type:
 * <ul>
 * <li>no {@code data} wrapper (fields at the top level): the top level is the data;</li>
 * <li>{@code data.data}: the inner object is the data;</li>
 * <li>fields beside {@code data} (paging counters, error_code, error_msg) are copied in where the data has none, so
 * the data's own {@code error_code} wins over the envelope's.</li>
 * </ul>
 * Spelling quirks inside the data ({@code ecmd_jobs}) are the models' business.
 */
public final class ResponseReader {

    private static final int SNIPPET = 120;

    private final CloudService service;

    public ResponseReader(CloudService service) {
        this.service = service;
    }

    /** What one call answered, its data bound to the operation's result type. */
    public Reply reply(ApiOperation op, ApiResponse response, String requestId) {
        ObjectNode data = read(op.name(), op.iamAction(), response, requestId, op.errorCodeInSuccessIsFailure());
        Object result;
        try {
            result = Json.reader(op.resultType()).readValue(data);
        } catch (JsonProcessingException e) {
            throw service.failure(op.name(), response.status(), null, "unexpected response shape: " + e.getOriginalMessage(),
                    requestId);
        } catch (IOException e) {
            throw new IllegalStateException(e); // a tree has no I/O
        }
        return new Reply(result, text(data.get("error_code")), text(data.get("error_msg")), text(data.get(op.taskIdField())));
    }

    /**
     * The data of an answer in normal form, or the failure it reports.
     *
     * @param iamAction          named in a 403's message, or null
     * @param errorCodeIsFailure whether a 2xx answer's {@code error_code} other than "0" is a failure
     */
    ObjectNode read(String operation, String iamAction, ApiResponse response, String requestId, boolean errorCodeIsFailure) {
        int status = response.status();
        if (status >= 400) {
            throw error(operation, iamAction, response, requestId);
        }
        ObjectNode envelope = envelope(operation, response, requestId);
        String code = text(envelope.get("error_code"));
        if (errorCodeIsFailure && code != null && !"0".equals(code)) {
            throw service.failure(operation, status, code, message(envelope), requestId);
        }
        return normalise(envelope);
    }

    /** The response's JSON object; fails when the body is empty, not JSON or not an object. */
    private ObjectNode envelope(String operation, ApiResponse response, String requestId) {
        if (response.body().length == 0) {
            throw service.failure(operation, response.status(), null, "empty response body", requestId);
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw service.failure(operation, response.status(), null, "malformed JSON response (" + response.body().length
                                                                       + " bytes): " + snippet(response.bodyAsString()), requestId);
        }
        if (!(root instanceof ObjectNode envelope)) {
            throw service.failure(operation, response.status(), null,
                    "unexpected response, not a JSON object: " + snippet(response.bodyAsString()), requestId);
        }
        return envelope;
    }

    /** The data in normal form; the envelope was parsed for this call alone, so its nodes are moved, not copied. */
    static ObjectNode normalise(ObjectNode envelope) {
        JsonNode data = envelope.get("data");
        ObjectNode normal;
        if (data instanceof ObjectNode object) {
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

    /** The exception for an HTTP error answer to a call named {@code operation} (an IAM login, a refused call). */
    public HuaweiCloudApiException error(String operation, ApiResponse response, String requestId) {
        return error(operation, null, response, requestId);
    }

    /**
     * The exception for an HTTP error: the envelope's code and message, or IAM's {@code {"error": {code, message}}};
     * a 403's message names the IAM action the operation needs, when known.
     */
    private HuaweiCloudApiException error(String operation, String iamAction, ApiResponse response, String requestId) {
        if (response.body().length == 0) {
            return service.failure(operation, response.status(), null, "no response body", requestId);
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
        if (response.status() == 403 && iamAction != null) {
            message = message + " (the credentials' IAM policy must allow " + iamAction + ")";
        }
        return service.failure(operation, response.status(), code, message, requestId);
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

    /** A scalar's text; null for a missing field, JSON null, or an object or array (no id or code is either). */
    private static String text(JsonNode node) {
        return node == null || !node.isValueNode() || node.isNull() ? null : node.asText();
    }

    /** A short, single-line excerpt of a body for an exception message. */
    static String snippet(String body) {
        String flat = body.replaceAll("\\s+", " ").trim();
        return flat.length() <= SNIPPET ? flat : flat.substring(0, SNIPPET) + "...";
    }
}
