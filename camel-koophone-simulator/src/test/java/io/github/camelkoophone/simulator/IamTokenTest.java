package io.github.camelkoophone.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkoophone.simulator.junit.KooPhoneSimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

public class IamTokenTest {

    @RegisterExtension
    static final KooPhoneSimulatorExtension KOOPHONE = KooPhoneSimulatorExtension.create(b -> b
            .instances(2)
            .tokenLifetime(Duration.ofHours(1)));

    static ObjectNode loginBody(String user, String password, String domain, String projectName) {
        ObjectNode root = SimClient.MAPPER.createObjectNode();
        ObjectNode auth = root.putObject("auth");
        ObjectNode identity = auth.putObject("identity");
        identity.putArray("methods").add("password");
        ObjectNode u = identity.putObject("password").putObject("user");
        u.put("name", user);
        u.put("password", password);
        u.putObject("domain").put("name", domain);
        if (projectName != null) {
            auth.putObject("scope").putObject("project").put("name", projectName);
        }
        return root;
    }

    public static String login(KooPhoneSimulator sim) {
        SimClient.Resp r = SimClient.of(sim).noAuth().noRequestId().post("/v3/auth/tokens",
                loginBody(KooPhoneSimulator.DEFAULT_USER, KooPhoneSimulator.DEFAULT_PASSWORD,
                        KooPhoneSimulator.DEFAULT_DOMAIN, KooPhoneSimulator.DEFAULT_PROJECT_NAME));
        assertThat(r.status()).isEqualTo(201);
        return r.header("X-Subject-Token");
    }

    private static SimClient.Resp status(KooPhoneSimulator sim, String token) {
        return SimClient.of(sim).token(token).post("/v1/instances/batch-query-status",
                Map.of("instance_ids", sim.inventory().ids()));
    }

    @Test
    void passwordLoginReturns201WithSubjectTokenAndExpiry(KooPhoneSimulator sim) {
        Instant before = sim.clock().instant();
        SimClient.Resp r = SimClient.of(sim).noAuth().noRequestId().post("/v3/auth/tokens",
                loginBody(KooPhoneSimulator.DEFAULT_USER, KooPhoneSimulator.DEFAULT_PASSWORD,
                        KooPhoneSimulator.DEFAULT_DOMAIN, KooPhoneSimulator.DEFAULT_PROJECT_NAME));
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.header("X-Subject-Token")).startsWith("MII").hasSizeGreaterThan(60);
        String expiresAt = r.json().path("token").path("expires_at").asText();
        assertThat(expiresAt).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
        assertThat(Duration.between(before, Instant.parse(expiresAt))).isBetween(Duration.ofMinutes(59),
                Duration.ofMinutes(61));
        assertThat(r.json().path("token").path("project").path("id").asText())
                .isEqualTo(KooPhoneSimulator.DEFAULT_PROJECT_ID);

        assertThat(status(sim, r.header("X-Subject-Token")).status()).isEqualTo(200);
    }

    @Test
    void scopeByProjectIdWorksToo(KooPhoneSimulator sim) {
        ObjectNode body = loginBody(KooPhoneSimulator.DEFAULT_USER, KooPhoneSimulator.DEFAULT_PASSWORD,
                KooPhoneSimulator.DEFAULT_DOMAIN, null);
        ((ObjectNode) body.path("auth")).putObject("scope").putObject("project")
                .put("id", KooPhoneSimulator.DEFAULT_PROJECT_ID);
        SimClient.Resp r = SimClient.of(sim).noAuth().noRequestId().post("/v3/auth/tokens", body);
        assertThat(r.status()).isEqualTo(201);
        assertThat(status(sim, r.header("X-Subject-Token")).status()).isEqualTo(200);
    }

    @Test
    void wrongPasswordOrProjectIs401InIamShape(KooPhoneSimulator sim) {
        SimClient.Resp wrong = SimClient.of(sim).noAuth().noRequestId().post("/v3/auth/tokens",
                loginBody(KooPhoneSimulator.DEFAULT_USER, "nope", KooPhoneSimulator.DEFAULT_DOMAIN, "cn-north-7"));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().path("error").path("code").asInt()).isEqualTo(401);
        assertThat(wrong.header("X-Subject-Token")).isNull();

        SimClient.Resp otherProject = SimClient.of(sim).noAuth().noRequestId().post("/v3/auth/tokens",
                loginBody(KooPhoneSimulator.DEFAULT_USER, KooPhoneSimulator.DEFAULT_PASSWORD,
                        KooPhoneSimulator.DEFAULT_DOMAIN, "ap-southeast-1"));
        assertThat(otherProject.status()).isEqualTo(401);
    }

    @Test
    void expiredTokenIsRefusedWithApigw0301(KooPhoneSimulator sim) {
        String token = login(sim);
        sim.clock().advance(Duration.ofMinutes(59));
        assertThat(status(sim, token).status()).isEqualTo(200);
        sim.clock().advance(Duration.ofMinutes(2));
        SimClient.Resp r = status(sim, token);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.code()).isEqualTo("APIGW.0301");
        assertThat(r.json().path("error_msg").asText()).contains("expired");
    }

    @Test
    void tokenLifetimeIsConfigurableAtRuntime(KooPhoneSimulator sim) {
        sim.settings().tokenLifetime(Duration.ofSeconds(30));
        String token = login(sim);
        sim.clock().advance(Duration.ofSeconds(31));
        assertThat(status(sim, token).status()).isEqualTo(401);
    }

    @Test
    void revokedAndUnknownTokensAreRefused(KooPhoneSimulator sim) {
        String token = login(sim);
        assertThat(sim.revokeTokens()).isPositive();
        SimClient.Resp revoked = status(sim, token);
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(revoked.code()).isEqualTo("APIGW.0301");
        assertThat(revoked.json().path("error_msg").asText()).contains("revoked");

        SimClient.Resp unknown = status(sim, "not-a-token");
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.code()).isEqualTo("APIGW.0301");

        String fresh = login(sim);
        assertThat(status(sim, fresh).status()).isEqualTo(200);
        assertThat(sim.iam().revoke(fresh)).isTrue();
        assertThat(status(sim, fresh).status()).isEqualTo(401);
    }

    @Test
    void staticTokensSurviveRevocationAndClockJumps(KooPhoneSimulator sim) {
        sim.revokeTokens();
        sim.clock().advance(Duration.ofDays(30));
        assertThat(status(sim, sim.staticToken()).status()).isEqualTo(200);
    }

    @Test
    void unscopedTokenCannotCallTheApi(KooPhoneSimulator sim) {
        SimClient.Resp r = SimClient.of(sim).noAuth().noRequestId().post("/v3/auth/tokens",
                loginBody(KooPhoneSimulator.DEFAULT_USER, KooPhoneSimulator.DEFAULT_PASSWORD,
                        KooPhoneSimulator.DEFAULT_DOMAIN, null));
        assertThat(r.status()).isEqualTo(201);
        assertThat(status(sim, r.header("X-Subject-Token")).status()).isEqualTo(401);
    }

    @Test
    void requestWithoutCredentialsIs401(KooPhoneSimulator sim) {
        SimClient.Resp r = SimClient.of(sim).noAuth().post("/v1/instances/batch-query-status",
                Map.of("instance_ids", List.of("x")));
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.code()).isEqualTo("APIGW.0301");
        assertThat(r.json().path("error_msg").asText()).contains("x-auth-token not found");
    }

    @Test
    void configuredUsersCanLogIn() {
        try (KooPhoneSimulator sim = KooPhoneSimulator.builder().withoutDefaultCredentials()
                .user("alice", "s3cret", "acme").instances(1).start()) {
            SimClient.Resp r = SimClient.of(sim.url(), java.net.http.HttpClient.newHttpClient()).noRequestId()
                    .post("/v3/auth/tokens", loginBody("alice", "s3cret", "acme", KooPhoneSimulator.DEFAULT_PROJECT_NAME));
            assertThat(r.status()).isEqualTo(201);
            assertThat(sim.staticTokens()).isEmpty();
            assertThat(sim.accessKeys()).isEmpty();
        }
    }
}
