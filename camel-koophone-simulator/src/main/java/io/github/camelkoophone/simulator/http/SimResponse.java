package io.github.camelkoophone.simulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkoophone.simulator.json.SimJson;

import java.util.LinkedHashMap;
import java.util.Map;

/** What the simulator answers: a status, extra headers and a JSON body. */
public final class SimResponse {

    private final int status;
    private final JsonNode body;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public SimResponse(int status, JsonNode body) {
        this.status = status;
        this.body = body;
    }

    /** Success envelope with a {@code data} member. */
    public static SimResponse ok(JsonNode data) {
        ObjectNode root = SimJson.object();
        root.put("error_code", "0");
        root.put("error_msg", "ok");
        root.set("data", data);
        return new SimResponse(200, root);
    }

    /** Success envelope for operations that return no data. */
    public static SimResponse ok() {
        ObjectNode root = SimJson.object();
        root.put("error_code", "0");
        root.put("error_msg", "ok");
        return new SimResponse(200, root);
    }

    /** Error envelope; {@code messageField} is {@code error_msg} except in quirk mode's 4xx/5xx answers. */
    static SimResponse error(int status, String code, String message, String messageField) {
        ObjectNode root = SimJson.object();
        root.put("error_code", code);
        root.put(messageField, message);
        return new SimResponse(status, root);
    }

    public SimResponse header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    int status() {
        return status;
    }

    public JsonNode body() {
        return body;
    }

    Map<String, String> headers() {
        return headers;
    }

    /** The error code in the body, "0" on success, or null when the body has none. */
    String errorCode() {
        if (body == null) {
            return null;
        }
        if (body.hasNonNull("error_code")) {
            return body.get("error_code").asText();
        }
        // IAM answers errors in its own shape: {"error":{"code":401,...}}
        JsonNode iamCode = body.path("error").path("code");
        return iamCode.isMissingNode() || iamCode.isNull() ? null : iamCode.asText();
    }
}
