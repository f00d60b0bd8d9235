package io.github.camelkoophone.component.cloud.auth;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkoophone.component.cloud.api.CloudService;
import io.github.camelkoophone.component.cloud.api.HuaweiCloudApiException;
import io.github.camelkoophone.component.cloud.call.Attempts;
import io.github.camelkoophone.component.cloud.call.Json;
import io.github.camelkoophone.component.cloud.http.ApiRequest;
import io.github.camelkoophone.component.cloud.http.ApiResponse;

/**
 * Logs in to IAM with a password and returns a project-scoped token ({@code POST /v3/auth/tokens}: 201, the token
 * in {@code X-Subject-Token}, its expiry in {@code token.expires_at}).
 */
final class IamTokenClient {

    static final String NAME = "iamToken";

    private final Attempts logins;
    private final String iamEndpoint;
    private final byte[] body;
    private final long timeout;
    private final Clock clock;
    private final CloudService service;

    IamTokenClient(Attempts logins, String iamEndpoint, String username, String password, String domainName,
                   String projectName, String projectId, long timeout, Clock clock, CloudService service) {
        this.logins = logins;
        this.service = service;
        this.iamEndpoint = stripTrailingSlash(iamEndpoint);
        this.body = loginBody(username, password, domainName, projectName, projectId);
        this.timeout = timeout;
        this.clock = clock;
    }

    private static byte[] loginBody(String username, String password, String domainName, String projectName, String projectId) {
        ObjectNode auth = Json.MAPPER.createObjectNode();
        ObjectNode identity = auth.putObject("auth").putObject("identity");
        identity.putArray("methods").add("password");
        ObjectNode user = identity.putObject("password").putObject("user");
        user.put("name", username).put("password", password).putObject("domain").put("name", domainName);
        ObjectNode project = ((ObjectNode) auth.get("auth")).putObject("scope").putObject("project");
        if (projectId != null) {
            project.put("id", projectId);
        } else {
            project.put("name", projectName);
        }
        try {
            return Json.MAPPER.writeValueAsBytes(auth);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    CompletableFuture<IamToken> fetch() {
        ApiRequest request = new ApiRequest(NAME, "POST", iamEndpoint, "/v3/auth/tokens", List.of(),
                Map.of("Content-Type", "application/json"), body, null, true, true, timeout);
        Instant sent = clock.instant();
        return logins.run(request).thenApply(response -> toToken(response, sent));
    }

    private IamToken toToken(ApiResponse response, Instant sent) {
        String token = response.header("X-Subject-Token");
        if (response.status() >= 300 || token == null || token.isBlank()) {
            throw failure(response);
        }
        Instant expiresAt = sent.plusSeconds(23 * 3600);
        try {
            JsonNode expires = Json.MAPPER.readTree(response.body()).path("token").path("expires_at");
            if (expires.isTextual()) {
                expiresAt = Instant.parse(expires.asText());
            }
        } catch (IOException | RuntimeException unreadable) {
            // the token header is what matters; a missing expiry falls back to a conservative lifetime
        }
        return new IamToken(token, sent, expiresAt);
    }

    private HuaweiCloudApiException failure(ApiResponse response) {
        String code = null;
        String message = null;
        try {
            JsonNode root = Json.MAPPER.readTree(response.body());
            JsonNode error = root.path("error");
            code = text(error.path("code"), text(root.path("error_code"), null));
            message = text(error.path("message"), text(root.path("error_msg"), null));
        } catch (IOException | RuntimeException notJson) {
            // an HTML page from a proxy, say: the status is all we can report
        }
        if (response.status() < 300) {
            message = "IAM answered HTTP " + response.status() + " without an X-Subject-Token header";
        }
        return service.failure(NAME, response.status(), code, message, null);
    }

    private static String text(JsonNode node, String fallback) {
        return node.isMissingNode() || node.isNull() ? fallback : node.asText();
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
