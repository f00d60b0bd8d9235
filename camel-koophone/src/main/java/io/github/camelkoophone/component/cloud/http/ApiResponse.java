package io.github.camelkoophone.component.cloud.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * An HTTP response with its body read in full (bounded, see {@link HttpTransport}).
 *
 * @param status  the HTTP status code
 * @param headers response headers, looked up case-insensitively
 * @param body    the body bytes, empty when there was none
 */
public record ApiResponse(int status, Map<String, String> headers, byte[] body) {

    public ApiResponse {
        if (!(headers instanceof ReceivedHeaders)
            && !(headers instanceof TreeMap<String, String> sorted && sorted.comparator() == String.CASE_INSENSITIVE_ORDER)) {
            TreeMap<String, String> caseInsensitive = caseInsensitive();
            caseInsensitive.putAll(headers);
            headers = caseInsensitive;
        }
        body = body == null ? new byte[0] : body;
    }

    /**
     * A response as the transport received it.
     *
     * @param namesAndValues the headers as name, value, name, value... in the order received; a repeated name's
     *                       first value is the one looked up
     */
    public static ApiResponse received(int status, String[] namesAndValues, byte[] body) {
        return new ApiResponse(status, new ReceivedHeaders(namesAndValues), body);
    }

    /** An empty header map of the kind the constructor keeps as it is. */
    public static TreeMap<String, String> caseInsensitive() {
        return new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    }

    public String header(String name) {
        return headers.get(name);
    }

    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "HTTP " + status + " (" + body.length + " bytes)";
    }
}
