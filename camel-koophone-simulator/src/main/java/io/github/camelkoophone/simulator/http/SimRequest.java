package io.github.camelkoophone.simulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.sun.net.httpserver.Headers;
import io.github.camelkoophone.simulator.json.SimJson;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** One HTTP request as the simulator sees it: everything read up front so it can be journaled and re-read. */
public final class SimRequest {

    private final String method;
    private final String path;
    private final String rawQuery;
    private final Map<String, String> headers;
    private final byte[] body;
    private final Map<String, String> pathParams;
    private JsonNode json;

    SimRequest(String method, String path, String rawQuery, Map<String, String> headers, byte[] body,
               Map<String, String> pathParams) {
        this.method = method.toUpperCase(Locale.ROOT);
        this.path = path;
        this.rawQuery = rawQuery;
        this.headers = headers;
        this.body = body;
        this.pathParams = pathParams;
    }

    static SimRequest of(String method, String path, String rawQuery, Headers exchangeHeaders, byte[] body) {
        Map<String, String> headers = new TreeMap<>();
        exchangeHeaders.forEach((name, values) -> {
            if (!values.isEmpty()) {
                headers.put(name.toLowerCase(Locale.ROOT), values.get(0));
            }
        });
        return new SimRequest(method, path, rawQuery, Collections.unmodifiableMap(headers), body, Map.of());
    }

    SimRequest withPathParams(Map<String, String> params) {
        SimRequest copy = new SimRequest(method, path, rawQuery, headers, body, Map.copyOf(params));
        copy.json = json;
        return copy;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    public String rawQuery() {
        return rawQuery;
    }

    /** Header value by case-insensitive name, or null. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** All headers, names lower-cased, first value only. */
    public Map<String, String> headers() {
        return headers;
    }

    public byte[] body() {
        return body;
    }

    public String pathParam(String name) {
        return pathParams.get(name);
    }

    /** Query parameters decoded, first value per name, in the order sent. */
    public Map<String, String> query() {
        Map<String, String> out = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String part : rawQuery.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String key = decode(eq < 0 ? part : part.substring(0, eq));
            String value = eq < 0 ? "" : decode(part.substring(eq + 1));
            out.putIfAbsent(key, value);
        }
        return out;
    }

    /**
     * The body as JSON; an empty body reads as JSON null so handlers report missing fields rather
     * than a parse error.
     *
     * @throws ApiError 400 KOOPHONE.API.1000 when the body is not JSON
     */
    JsonNode json() {
        if (json == null) {
            if (body.length == 0) {
                json = NullNode.getInstance();
            } else {
                try {
                    json = SimJson.parse(body);
                } catch (IOException e) {
                    throw ApiError.badRequest("request body is not valid JSON");
                }
            }
        }
        return json;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
