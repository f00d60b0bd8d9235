package io.github.camelkoophone.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelkoophone.component.cloud.call.Json;
import io.github.camelkoophone.component.cloud.call.RequestAssembler;
import io.github.camelkoophone.component.cloud.auth.SdkHmacSha256Signer;
import io.github.camelkoophone.component.koophone.model.CommandRequest;
import io.github.camelkoophone.component.koophone.model.GetTaskResult;
import io.github.camelkoophone.component.koophone.model.TaskResult;

/**
 * What calling the API by hand takes, shared by the raw-client variants: the same request JSON (the component's
 * model classes, the same Jackson mapper), an x-request-id like the component's, the envelope read by data binding
 * straight into the component's result classes, and optionally AK/SK signing with the component's signer.
 */
final class ByHand {

    static final ObjectMapper MAPPER = Json.MAPPER;
    static final JavaType GET_TASK = MAPPER.getTypeFactory().constructParametricType(Envelope.class, GetTaskResult.class);
    static final JavaType ASYNC_COMMAND = MAPPER.getTypeFactory().constructParametricType(Envelope.class, TaskResult.class);

    /** The API's envelope, bound in one pass. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class Envelope<T> {
        @JsonProperty("error_code")
        public String errorCode;
        @JsonProperty("error_msg")
        public String errorMsg;
        @JsonProperty("data")
        public T data;
    }

    private final String authority;
    private final SdkHmacSha256Signer signer;
    /** X-Sdk-Date has whole seconds, so it is formatted once a second, as the component's AK/SK authenticator does. */
    private volatile SigningDate date;

    private record SigningDate(long epochSecond, String text) {
    }

    /**
     * @param signed AK/SK signing (X-Sdk-Date, X-Project-Id, Authorization) instead of a static X-Auth-Token
     */
    ByHand(String baseUrl, boolean signed) {
        this.authority = java.net.URI.create(baseUrl).getRawAuthority();
        this.signer = signed ? new SdkHmacSha256Signer(Target.ACCESS_KEY, Target.SECRET_KEY) : null;
    }

    static String requestId() {
        return RequestAssembler.newRequestId();
    }

    static String getTaskPath(String taskId) {
        return StubServer.GET_TASK_PATH + taskId;
    }

    static byte[] commandBody(String command, List<String> instanceIds) throws IOException {
        CommandRequest request = new CommandRequest();
        request.setCommand(command);
        request.setInstanceIds(instanceIds);
        return MAPPER.writeValueAsBytes(request);
    }

    /** The authentication headers for one request as name, value, name, value... (x-request-id is signed too). */
    String[] auth(String method, String path, String requestId, byte[] body) {
        if (signer == null) {
            return new String[] {"X-Auth-Token", Target.TOKEN};
        }
        String date = signingDate();
        Map<String, String> signed = new HashMap<>(8);
        signed.put("host", authority);
        signed.put("x-request-id", requestId);
        signed.put(SdkHmacSha256Signer.DATE_HEADER, date);
        signed.put("X-Project-Id", Target.PROJECT_ID);
        String authorization = signer.authorization(method, path, List.of(), signed, body);
        return new String[] {SdkHmacSha256Signer.DATE_HEADER, date, "X-Project-Id", Target.PROJECT_ID, "Authorization", authorization};
    }

    private String signingDate() {
        Instant now = Instant.now();
        SigningDate cached = date;
        if (cached == null || cached.epochSecond() != now.getEpochSecond()) {
            cached = new SigningDate(now.getEpochSecond(), SdkHmacSha256Signer.formatDate(now));
            date = cached;
        }
        return cached.text();
    }

    static <T> T read(int status, InputStream body, JavaType type) throws IOException {
        if (status >= 400) {
            throw new IOException("HTTP " + status);
        }
        Envelope<T> envelope = MAPPER.readValue(body, type);
        return check(envelope);
    }

    static <T> T read(int status, byte[] body, JavaType type) throws IOException {
        if (status >= 400) {
            throw new IOException("HTTP " + status);
        }
        Envelope<T> envelope = MAPPER.readValue(body, type);
        return check(envelope);
    }

    private static <T> T check(Envelope<T> envelope) throws IOException {
        if (envelope.errorCode != null && !"0".equals(envelope.errorCode)) {
            throw new IOException("API error " + envelope.errorCode + ": " + envelope.errorMsg);
        }
        return envelope.data;
    }
}
