package io.github.camelkoophone.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.github.camelkoophone.simulator.iam.AccessKey;
import io.github.camelkoophone.simulator.iam.RequestSigning;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A small HTTP client for tests: token or AK/SK auth, x-request-id by default, JSON in and out. Public for the tests
 * that sit in the simulator's sub-packages next to the package-private code they check.
 */
public final class SimClient {

    public static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final HttpClient http;
    private String token;
    private AccessKey accessKey;
    private Instant sdkDate;
    private boolean requestId = true;
    private String fixedRequestId;
    private final Map<String, String> extraHeaders = new LinkedHashMap<>();

    private SimClient(String baseUrl, HttpClient http) {
        this.baseUrl = baseUrl;
        this.http = http;
    }

    /** Authenticates with the simulator's static token. */
    public static SimClient of(KooPhoneSimulator sim) {
        return new SimClient(sim.url(), HTTP).token(sim.staticToken());
    }

    public static SimClient of(String url, HttpClient http) {
        return new SimClient(url, http);
    }

    public SimClient token(String t) {
        this.token = t;
        this.accessKey = null;
        return this;
    }

    public SimClient aksk(AccessKey key) {
        this.accessKey = key;
        this.token = null;
        return this;
    }

    public SimClient sdkDate(Instant date) {
        this.sdkDate = date;
        return this;
    }

    public SimClient noAuth() {
        this.token = null;
        this.accessKey = null;
        return this;
    }

    public SimClient noRequestId() {
        this.requestId = false;
        return this;
    }

    public SimClient requestId(String id) {
        this.fixedRequestId = id;
        return this;
    }

    public SimClient header(String name, String value) {
        extraHeaders.put(name, value);
        return this;
    }

    public Resp get(String pathAndQuery) {
        return send("GET", pathAndQuery, null);
    }

    public Resp post(String path, Object body) {
        return send("POST", path, body);
    }

    public Resp put(String path, Object body) {
        return send("PUT", path, body);
    }

    public Resp delete(String path) {
        return send("DELETE", path, null);
    }

    public Resp send(String method, String pathAndQuery, Object body) {
        try {
            return sendOrThrow(method, pathAndQuery, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Resp sendOrThrow(String method, String pathAndQuery, Object body) throws IOException {
        byte[] bytes = body == null ? new byte[0]
                : body instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : MAPPER.writeValueAsBytes(body);
        URI uri = URI.create(baseUrl + pathAndQuery);
        HttpRequest.Builder rb = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .method(method, bytes.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (bytes.length > 0) {
            rb.header("Content-Type", "application/json");
        }
        Map<String, String> signed = new LinkedHashMap<>();
        if (requestId) {
            String id = fixedRequestId != null ? fixedRequestId : UUID.randomUUID().toString().replace("-", "");
            rb.header("x-request-id", id);
            signed.put("x-request-id", id);
        }
        extraHeaders.forEach((k, v) -> {
            rb.header(k, v);
            signed.put(k.toLowerCase(), v);
        });
        if (token != null) {
            rb.header("X-Auth-Token", token);
        }
        if (accessKey != null) {
            String date = RequestSigning.SDK_DATE.format(sdkDate != null ? sdkDate : Instant.now());
            rb.header("X-Sdk-Date", date);
            signed.put("x-sdk-date", date);
            signed.put("host", uri.getAuthority());
            if (accessKey.securityToken() != null && !signed.containsKey("x-security-token")) {
                rb.header("X-Security-Token", accessKey.securityToken());
                signed.put("x-security-token", accessKey.securityToken());
            }
            List<String> names = new ArrayList<>(signed.keySet());
            String canonical = RequestSigning.canonicalRequest(method, uri.getPath(), uri.getRawQuery(), names,
                    signed::get, bytes);
            String signature = RequestSigning.signature(accessKey.secretKey(),
                    RequestSigning.stringToSign(date, canonical));
            rb.header("Authorization", RequestSigning.authorizationHeader(accessKey.accessKey(), names, signature));
        }
        try {
            HttpResponse<String> r = http.send(rb.build(), HttpResponse.BodyHandlers.ofString());
            return new Resp(r.statusCode(), r.headers(), r.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    public record Resp(int status, HttpHeaders headers, String text) {

        public JsonNode json() {
            try {
                return text == null || text.isEmpty() ? MissingNode.getInstance() : MAPPER.readTree(text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public JsonNode data() {
            return json().path("data");
        }

        public String code() {
            return json().path("error_code").asText(null);
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }
}
