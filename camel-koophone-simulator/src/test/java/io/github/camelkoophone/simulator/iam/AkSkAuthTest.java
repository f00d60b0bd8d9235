package io.github.camelkoophone.simulator.iam;

import io.github.camelkoophone.simulator.KooPhoneSimulator;
import io.github.camelkoophone.simulator.SimClient;
import io.github.camelkoophone.simulator.junit.KooPhoneSimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AkSkAuthTest {

    static final AccessKey TEMPORARY = new AccessKey("TEMPAK0000000000000", "temp-secret", "SECURITY-TOKEN-1");

    @RegisterExtension
    static final KooPhoneSimulatorExtension KOOPHONE = KooPhoneSimulatorExtension.create(b -> b
            .instances(2).accessKey(TEMPORARY));

    private static SimClient signed(KooPhoneSimulator sim) {
        return SimClient.of(sim).aksk(sim.accessKey());
    }

    @Test
    void signedPostAndSignedGetWithQueryAreAccepted(KooPhoneSimulator sim) {
        SimClient.Resp post = signed(sim).post("/v1/instances/batch-query-status", Map.of("instance_ids", sim.inventory().ids()));
        assertThat(post.status()).isEqualTo(200);
        assertThat(post.code()).isEqualTo("0");

        SimClient.Resp get = signed(sim).get("/v1/instances/batch-query?page_size=1&page_no=2&pool_scene_tag=CLOUD_PHONE");
        assertThat(get.status()).isEqualTo(200);
        assertThat(get.data().path("result")).hasSize(1);
        assertThat(sim.journal().last().orElseThrow().auth()).isEqualTo("aksk");
    }

    @Test
    void wrongSecretIsRefused(KooPhoneSimulator sim) {
        SimClient.Resp r = SimClient.of(sim).aksk(new AccessKey(KooPhoneSimulator.DEFAULT_ACCESS_KEY, "wrong-secret"))
                .post("/v1/instances/batch-query-status", Map.of("instance_ids", List.of("a")));
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.code()).isEqualTo("APIGW.0301");
        assertThat(r.json().path("error_msg").asText()).contains("verify aksk signature fail");
    }

    @Test
    void unknownAccessKeyIsRefused(KooPhoneSimulator sim) {
        SimClient.Resp r = SimClient.of(sim).aksk(new AccessKey("NOSUCHAK", "x"))
                .post("/v1/instances/batch-query-status", Map.of("instance_ids", List.of("a")));
        assertThat(r.status()).isEqualTo(401);
    }

    @Test
    void dateMoreThanFifteenMinutesOffIsRefused(KooPhoneSimulator sim) {
        SimClient.Resp stale = signed(sim).sdkDate(Instant.now().minus(Duration.ofMinutes(16)))
                .post("/v1/instances/batch-query-status", Map.of("instance_ids", List.of("a")));
        assertThat(stale.status()).isEqualTo(401);
        assertThat(stale.json().path("error_msg").asText()).contains("signature expired");

        SimClient.Resp future = signed(sim).sdkDate(Instant.now().plus(Duration.ofMinutes(16)))
                .post("/v1/instances/batch-query-status", Map.of("instance_ids", List.of("a")));
        assertThat(future.status()).isEqualTo(401);

        SimClient.Resp slightlyOff = signed(sim).sdkDate(Instant.now().minus(Duration.ofMinutes(10)))
                .post("/v1/instances/batch-query-status", Map.of("instance_ids", List.of("a")));
        assertThat(slightlyOff.status()).isEqualTo(200);
    }

    @Test
    void temporaryCredentialsNeedTheirSecurityToken(KooPhoneSimulator sim) {
        assertThat(SimClient.of(sim).aksk(TEMPORARY).post("/v1/instances/batch-query-status",
                Map.of("instance_ids", List.of("a"))).status()).isEqualTo(200);

        SimClient.Resp wrongToken = SimClient.of(sim).aksk(TEMPORARY).header("X-Security-Token", "other")
                .post("/v1/instances/batch-query-status", Map.of("instance_ids", List.of("a")));
        assertThat(wrongToken.status()).isEqualTo(401);
    }

    @Test
    void bodyChangedAfterSigningIsDetected(KooPhoneSimulator sim) throws Exception {
        String date = SignatureVerifier.SDK_DATE.format(Instant.now());
        String host = "127.0.0.1:" + sim.port();
        Map<String, String> signed = Map.of("host", host, "x-sdk-date", date);
        byte[] signedBody = "{\"instance_ids\":[\"a\"]}".getBytes(StandardCharsets.UTF_8);
        String canonical = SignatureVerifier.canonicalRequest("POST", "/v1/instances/batch-query-status", null,
                List.of("host", "x-sdk-date"), signed::get, signedBody);
        String signature = SignatureVerifier.signature(KooPhoneSimulator.DEFAULT_SECRET_KEY,
                SignatureVerifier.stringToSign(date, canonical));
        HttpRequest request = HttpRequest.newBuilder(URI.create(sim.url() + "/v1/instances/batch-query-status"))
                .header("X-Sdk-Date", date)
                .header("x-request-id", "0123456789abcdef0123456789abcdef")
                .header("Authorization", SignatureVerifier.authorizationHeader(KooPhoneSimulator.DEFAULT_ACCESS_KEY,
                        List.of("host", "x-sdk-date"), signature))
                .POST(HttpRequest.BodyPublishers.ofString("{\"instance_ids\":[\"b\"]}"))
                .build();
        HttpResponse<String> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).contains("APIGW.0301", "verify aksk signature fail");
    }
}
