package io.github.camelkoophone.component.koophone;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.camelkoophone.component.cloud.auth.SdkHmacSha256Signer;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class KooPhoneAuthenticationTest extends WireMockTestSupport {

    private static final String IAM = "/v3/auth/tokens";
    private static final String TASK = "/v1/instances/tasks/t1";
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private final MutableClock clock = new MutableClock(START);

    @Override
    protected void configure(KooPhoneComponent component) {
        KooPhoneConfiguration c = component.getConfiguration();
        c.setAuthToken(null);
        c.setUsername("robot");
        c.setPassword("Pa55-w0rd!");
        c.setDomainName("acme");
        c.setProjectName("cn-north-4");
        component.useClock(clock);
    }

    private static String tokenBody(Instant expiresAt) {
        return "{\"token\":{\"expires_at\":\"" + expiresAt + "\",\"project\":{\"name\":\"cn-north-4\"}}}";
    }

    private static void iamIssues(String token, Instant expiresAt) {
        wm.stubFor(post(IAM).willReturn(aResponse().withStatus(201).withHeader("X-Subject-Token", token)
                .withHeader("Content-Type", "application/json").withBody(tokenBody(expiresAt))));
    }

    private static void taskAcceptsToken(String token) {
        wm.stubFor(get(TASK).withHeader("X-Auth-Token", equalTo(token))
                .willReturn(okJson("{\"error_code\":\"0\",\"data\":{\"jobs\":[]}}")));
    }

    private Exchange getTask() {
        return call("koophone:getTask?taskId=t1", null);
    }

    @Test
    void passwordLoginFetchesOneTokenForManyCalls() {
        iamIssues("TOKEN-1", START.plus(Duration.ofHours(24)));
        taskAcceptsToken("TOKEN-1");

        for (int i = 0; i < 5; i++) {
            assertThat(getTask().getException()).isNull();
        }

        wm.verify(1, postRequestedFor(urlEqualTo(IAM)).withRequestBody(equalToJson(
                "{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":\"robot\","
                + "\"password\":\"Pa55-w0rd!\",\"domain\":{\"name\":\"acme\"}}}},\"scope\":{\"project\":{\"name\":\"cn-north-4\"}}}}")));
        wm.verify(5, getRequestedFor(urlEqualTo(TASK)).withHeader("X-Auth-Token", equalTo("TOKEN-1")));
    }

    @Test
    void tokenIsRefreshedShortlyBeforeItExpires() {
        iamIssues("TOKEN-1", START.plus(Duration.ofHours(24)));
        taskAcceptsToken("TOKEN-1");
        assertThat(getTask().getException()).isNull();

        clock.advance(Duration.ofHours(23).plusMinutes(50));
        assertThat(getTask().getException()).isNull();
        wm.verify(1, postRequestedFor(urlEqualTo(IAM)));

        iamIssues("TOKEN-2", START.plus(Duration.ofHours(48)));
        taskAcceptsToken("TOKEN-2");
        clock.advance(Duration.ofMinutes(6)); // 4 minutes before expiry: inside the refresh margin
        assertThat(getTask().getException()).isNull();
        wm.verify(2, postRequestedFor(urlEqualTo(IAM)));
        wm.verify(1, getRequestedFor(urlEqualTo(TASK)).withHeader("X-Auth-Token", equalTo("TOKEN-2")));
    }

    @Test
    void a401RefreshesTheTokenOnceAndRetriesOnce() {
        wm.stubFor(post(IAM).inScenario("iam").whenScenarioStateIs(Scenario.STARTED).willReturn(aResponse().withStatus(201)
                .withHeader("X-Subject-Token", "REVOKED").withBody(tokenBody(START.plus(Duration.ofHours(24))))).willSetStateTo("2"));
        wm.stubFor(post(IAM).inScenario("iam").whenScenarioStateIs("2").willReturn(aResponse().withStatus(201)
                .withHeader("X-Subject-Token", "TOKEN-2").withBody(tokenBody(START.plus(Duration.ofHours(24))))));
        wm.stubFor(get(TASK).withHeader("X-Auth-Token", equalTo("REVOKED")).willReturn(aResponse().withStatus(401)
                .withBody("{\"error_code\":\"APIGW.0301\",\"error_msg\":\"Incorrect IAM authentication information\"}")));
        taskAcceptsToken("TOKEN-2");

        Exchange out = getTask();

        assertThat(out.getException()).isNull();
        wm.verify(2, postRequestedFor(urlEqualTo(IAM)));
        wm.verify(2, getRequestedFor(urlEqualTo(TASK)));
    }

    @Test
    void a401AfterTheRefreshIsFinalNotALoop() {
        iamIssues("TOKEN-X", START.plus(Duration.ofHours(24)));
        wm.stubFor(get(TASK).willReturn(aResponse().withStatus(401)
                .withBody("{\"error_code\":\"APIGW.0301\",\"error_msg\":\"Incorrect IAM authentication information\"}")));

        Exchange out = getTask();

        assertThat(out.getException()).isInstanceOfSatisfying(KooPhoneApiException.class, e -> {
            assertThat(e.getHttpStatus()).isEqualTo(401);
            assertThat(e.getErrorCode()).isEqualTo("APIGW.0301");
        });
        wm.verify(2, postRequestedFor(urlEqualTo(IAM)));
        wm.verify(2, getRequestedFor(urlEqualTo(TASK)));
    }

    @Test
    void concurrentCallersShareOneInFlightLogin() {
        wm.stubFor(post(IAM).willReturn(aResponse().withStatus(201).withHeader("X-Subject-Token", "TOKEN-1")
                .withBody(tokenBody(START.plus(Duration.ofHours(24)))).withFixedDelay(300)));
        taskAcceptsToken("TOKEN-1");

        List<CompletableFuture<Exchange>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            calls.add(template.asyncSend("koophone:getTask?taskId=t1", exchange -> { }));
        }
        calls.forEach(call -> assertThat(call.join().getException()).isNull());

        wm.verify(1, postRequestedFor(urlEqualTo(IAM)));
        wm.verify(20, getRequestedFor(urlEqualTo(TASK)));
    }

    @Test
    void wrongPasswordFailsClearlyWithoutLoopingOrCallingTheApi() {
        wm.stubFor(post(IAM).willReturn(aResponse().withStatus(401)
                .withBody("{\"error\":{\"code\":401,\"title\":\"Unauthorized\",\"message\":\"The username or password is wrong.\"}}")));

        Exchange first = getTask();
        Exchange second = getTask();

        assertThat(first.getException()).isInstanceOfSatisfying(KooPhoneApiException.class, e -> {
            assertThat(e.getOperation()).isEqualTo("iamToken");
            assertThat(e.getHttpStatus()).isEqualTo(401);
            assertThat(e.getErrorMessage()).isEqualTo("The username or password is wrong.");
            assertThat(e.getMessage()).doesNotContain("Pa55-w0rd!");
        });
        assertThat(second.getException()).isSameAs(first.getException());
        wm.verify(1, postRequestedFor(urlEqualTo(IAM)));
        wm.verify(0, getRequestedFor(urlPathEqualTo(TASK)));
    }

    @Test
    void projectIdScopesTheTokenById() {
        iamIssues("TOKEN-1", START.plus(Duration.ofHours(24)));
        taskAcceptsToken("TOKEN-1");

        assertThat(call("koophone:getTask?taskId=t1&projectName=&projectId=0123456789abcdef", null).getException()).isNull();

        wm.verify(1, postRequestedFor(urlEqualTo(IAM)).withRequestBody(
                com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath("$.auth.scope.project.id", equalTo("0123456789abcdef"))));
    }

    @Test
    void staticTokenIsSentAsIs() {
        taskAcceptsToken("MY-TOKEN");
        assertThat(call("koophone:getTask?taskId=t1&authToken=RAW(MY-TOKEN)", null).getException()).isNull();
        wm.verify(0, postRequestedFor(urlEqualTo(IAM)));
    }

    @Test
    void aRefusedAccessKeyIsRememberedSoAStreamOfMessagesCannotLockIt() {
        wm.stubFor(get(TASK).willReturn(aResponse().withStatus(401)
                .withBody("{\"error_code\":\"APIGW.0301\",\"error_msg\":\"Incorrect IAM authentication information: verify aksk signature fail\"}")));
        String uri = "koophone:getTask?taskId=t1&authToken=&username=&password=&accessKey=AKEXAMPLE&secretKey=RAW(wrong-secret)";

        Exchange first = call(uri, null);
        Exchange second = call(uri, null);
        Exchange third = call(uri, null);

        assertThat(first.getException()).isInstanceOfSatisfying(KooPhoneApiException.class, e -> {
            assertThat(e.getHttpStatus()).isEqualTo(401);
            assertThat(e.getErrorCode()).isEqualTo("APIGW.0301");
        });
        for (Exchange later : List.of(second, third)) {
            assertThat(later.getException()).isInstanceOfSatisfying(KooPhoneApiException.class, e -> {
                assertThat(e.getErrorCode()).isEqualTo("APIGW.0301");
                assertThat(e.getMessage()).contains("verify aksk signature fail", "nothing is sent with it for a minute");
                assertThat(e.getRequestId()).isEqualTo(later.getMessage().getHeader(KooPhoneConstants.REQUEST_ID));
            });
        }
        wm.verify(1, getRequestedFor(urlEqualTo(TASK)));

        clock.advance(Duration.ofSeconds(61));
        call(uri, null);
        wm.verify(2, getRequestedFor(urlEqualTo(TASK)));
    }

    @Test
    void akSkSignatureMatchesTheOfficialSignerOnTheWire() throws Exception {
        wm.stubFor(post("/v1/instances/batch-reset").willReturn(okJson("{\"error_code\":\"0\",\"data\":{\"task_id\":\"RM_1\",\"cmd_jobs\":[]}}")));

        Exchange out = call("koophone:batchReset?accessKey=RAW(QTWAOYTTINDUT2QVKYUC)&secretKey=RAW(MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc)"
                            + "&securityToken=RAW(TEMP-TOKEN)&projectId=0123456789abcdef0123456789abcdef",
                null, Map.of(KooPhoneConstants.INSTANCE_IDS, List.of("a44uhlf7", "efjy72gs")));

        assertThat(out.getException()).isNull();
        LoggedRequest sent = wm.findAll(postRequestedFor(urlEqualTo("/v1/instances/batch-reset"))).get(0);
        assertThat(sent.getHeader("X-Auth-Token")).isNull();
        assertThat(sent.getHeader("X-Project-Id")).isEqualTo("0123456789abcdef0123456789abcdef");
        assertThat(sent.getHeader("X-Security-Token")).isEqualTo("TEMP-TOKEN");
        assertThat(sent.getHeader("X-Sdk-Date")).isEqualTo(SdkHmacSha256Signer.formatDate(START));
        assertThat(sent.getHeader("Authorization")).startsWith("SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, "
                + "SignedHeaders=host;x-project-id;x-request-id;x-sdk-date;x-security-token, Signature=");

        // recompute the signature from what arrived, with Huawei's own signer
        com.huaweicloud.sdk.core.http.HttpRequest official = com.huaweicloud.sdk.core.http.HttpRequest.newBuilder()
                .withMethod(com.huaweicloud.sdk.core.http.HttpMethod.POST)
                .withEndpoint("http://" + sent.getHeader("Host"))
                .addHeader("Host", sent.getHeader("Host"))
                .withPath("/v1/instances/batch-reset")
                .withBodyAsString(sent.getBodyAsString())
                .addHeader("X-Sdk-Date", sent.getHeader("X-Sdk-Date"))
                .addHeader("X-Project-Id", sent.getHeader("X-Project-Id"))
                .addHeader("X-Security-Token", sent.getHeader("X-Security-Token"))
                .addHeader("x-request-id", sent.getHeader("x-request-id"))
                .build();
        Map<String, String> signed = com.huaweicloud.sdk.core.auth.AKSKSigner.getInstance().sign(official,
                new com.huaweicloud.sdk.core.auth.BasicCredentials().withAk("QTWAOYTTINDUT2QVKYUC")
                        .withSk("MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc"));
        assertThat(sent.getHeader("Authorization")).isEqualTo(signed.get("Authorization"));
        wm.verify(0, postRequestedFor(urlEqualTo(IAM)).withHeader("Authorization", absent()));
    }
}
