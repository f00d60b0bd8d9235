package io.github.camelkoophone.component.cloud.http;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One HTTP call as data: what every interceptor sees. Immutable; interceptors add headers with
 * {@link #withHeader(String, String)}, so a retry starts again from the request as it was built.
 *
 * @param name       what is called, for logs and exceptions (an operation name, or "iamToken")
 * @param method     the HTTP method
 * @param baseUrl    scheme and authority, no trailing slash
 * @param path       the decoded path; segments are encoded on the wire
 * @param query      decoded query parameters in sending order
 * @param headers    request headers (auth headers are added per attempt)
 * @param body       the exact body bytes, or null for none
 * @param requestId  the x-request-id, the same across retries (null for calls that carry none)
 * @param idempotent whether repeating the call is safe after it may have reached the server
 * @param sensitive  whether the body must never be logged (it carries a password)
 * @param timeout    the deadline of one attempt, in milliseconds
 */
public record ApiRequest(
        String name, String method, String baseUrl, String path, List<Map.Entry<String, String>> query,
        Map<String, String> headers, byte[] body, String requestId, boolean idempotent, boolean sensitive,
        long timeout) {

    public ApiRequest {
        // copies of immutable collections are the collections themselves, so withHeader copies once, not twice
        query = query == null ? List.of() : List.copyOf(query);
        headers = Map.copyOf(headers);
    }

    public ApiRequest withHeader(String name, String value) {
        return withHeaders(name, value);
    }

    /**
     * This request with headers added, a name already present replaced.
     *
     * @param namesAndValues name, value, name, value...
     */
    @SuppressWarnings("unchecked")
    public ApiRequest withHeaders(String... namesAndValues) {
        // straight into an immutable map, which the constructor keeps as it is: one copy per attempt, not two
        Map.Entry<String, String>[] entries = new Map.Entry[headers.size() + namesAndValues.length / 2];
        int n = 0;
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if (!names(namesAndValues, header.getKey())) {
                entries[n++] = header;
            }
        }
        for (int i = 0; i < namesAndValues.length; i += 2) {
            entries[n++] = Map.entry(namesAndValues[i], namesAndValues[i + 1]);
        }
        return new ApiRequest(name, method, baseUrl, path, query, Map.ofEntries(n == entries.length ? entries : Arrays.copyOf(entries, n)),
                body, requestId, idempotent, sensitive, timeout);
    }

    private static boolean names(String[] namesAndValues, String name) {
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i].equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** Base URLs are few: each is parsed once. */
    private static final Map<String, URI> BASE_URIS = new ConcurrentHashMap<>();

    /** The base URL, parsed. */
    public URI baseUri() {
        return BASE_URIS.computeIfAbsent(baseUrl, URI::create);
    }

    /** The authority as sent in the Host header and signed: keeps an explicit port. */
    public String authority() {
        return baseUri().getRawAuthority();
    }

    /** The path (after the base URL's) and query as sent: every path segment and query component percent-encoded. */
    public String target() {
        if (query.isEmpty() && UrlEncoding.isPathOfUnreserved(path)) {
            return path; // nothing to encode, the usual case
        }
        StringBuilder target = new StringBuilder(path.length() + 16);
        int start = 0;
        for (int slash; (slash = path.indexOf('/', start)) >= 0; start = slash + 1) {
            appendSegment(target, start, slash);
            target.append('/');
        }
        appendSegment(target, start, path.length());
        char separator = '?';
        for (Map.Entry<String, String> param : query) {
            target.append(separator).append(UrlEncoding.encode(param.getKey())).append('=')
                    .append(UrlEncoding.encode(param.getValue()));
            separator = '&';
        }
        return target.toString();
    }

    private void appendSegment(StringBuilder target, int from, int to) {
        if (from < to) {
            target.append(UrlEncoding.encode(path.substring(from, to)));
        }
    }

    @Override
    public String toString() {
        return method + " " + path + (requestId == null ? "" : " x-request-id=" + requestId);
    }
}
