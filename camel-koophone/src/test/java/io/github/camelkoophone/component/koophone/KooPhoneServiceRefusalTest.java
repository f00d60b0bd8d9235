package io.github.camelkoophone.component.koophone;

import java.time.Instant;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.apache.camel.Exchange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.params.provider.EnumSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 401 or 403 that carries a service code is the service's answer about the request (an instance id that is not
 * the caller's, an API this tenant may not call, a missing IAM action), not a refusal of the credentials: the
 * exchange fails with it, and nothing is refreshed, repeated or remembered, so the next exchange goes through.
 */
class KooPhoneServiceRefusalTest extends WireMockTestSupport {

    private static final String IAM = "/v3/auth/tokens";
    private static final String STATUS = "/v1/instances/batch-query-status";
    private static final String RESET = "/v1/instances/batch-reset";

    enum Credentials {
        STATIC_TOKEN, IAM_PASSWORD, AK_SK;

        void apply(KooPhoneConfiguration c) {
            c.setAuthToken(null);
            switch (this) {
                case STATIC_TOKEN -> c.setAuthToken(TOKEN);
                case IAM_PASSWORD -> {
                    c.setUsername("robot");
                    c.setPassword("Pa55-w0rd!");
                    c.setDomainName("acme");
                    c.setProjectName("cn-north-4");
                }
                case AK_SK -> {
                    c.setAccessKey("AKEXAMPLE");
                    c.setSecretKey("SKEXAMPLE");
                    c.setProjectId("p1");
                }
            }
        }
    }

    private void stubIam() {
        wm.stubFor(post(IAM).willReturn(aResponse().withStatus(201).withHeader("X-Subject-Token", "MIIiam-token")
                .withBody("{\"token\":{\"expires_at\":\"" + Instant.now().plusSeconds(86_400) + "\"}}")));
    }

    private void stubStatus(String instanceId, int status, String body) {
        wm.stubFor(post(STATUS).withRequestBody(containing(instanceId))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body)));
    }

    private static final String STATUS_OK = "{\"error_code\":\"0\",\"data\":{\"status_results\":[{\"instance_id\":\"a1\",\"status\":2}]}}";

    @ParameterizedTest
    @EnumSource(Credentials.class)
    void anInstanceThatIsNotTheCallersFailsOnlyItsOwnExchange(Credentials credentials) {
        credentials.apply(component.getConfiguration());
        stubIam();
        stubStatus("wrong1", 401, "{\"error_code\":\"KOOPHONE.API.1001\",\"error_msg\":\"no instance permission\"}");
        stubStatus("a1", 200, STATUS_OK);

        Exchange refused = call("koophone:batchQueryStatus?instanceIds=wrong1", null);
        Exchange next = call("koophone:batchQueryStatus?instanceIds=a1", null);

        assertThat(refused.getException()).isInstanceOfSatisfying(KooPhoneApiException.class, e -> {
            assertThat(e.getHttpStatus()).isEqualTo(401);
            assertThat(e.getErrorCode()).isEqualTo("KOOPHONE.API.1001");
            assertThat(e.getErrorMessage()).isEqualTo("no instance permission");
        });
        assertThat(next.getException()).as("the next exchange is sent and succeeds").isNull();
        wm.verify(1, postRequestedFor(urlEqualTo(STATUS)).withRequestBody(containing("wrong1")));
        wm.verify(1, postRequestedFor(urlEqualTo(STATUS)).withRequestBody(containing("a1")));
        wm.verify(credentials == Credentials.IAM_PASSWORD ? 1 : 0, postRequestedFor(urlEqualTo(IAM)));
    }

    @ParameterizedTest
    @EnumSource(Credentials.class)
    void anApiTheTenantMayNotCallIsNotACredentialFailure(Credentials credentials) {
        credentials.apply(component.getConfiguration());
        stubIam();
        stubStatus("a2", 401, "{\"error_code\":\"KOOPHONE.API.1003\",\"error_msg\":\"tenant not allowed\"}");
        stubStatus("a1", 200, STATUS_OK);

        Exchange refused = call("koophone:batchQueryStatus?instanceIds=a2", null);
        Exchange next = call("koophone:batchQueryStatus?instanceIds=a1", null);

        assertThat(refused.getException()).isInstanceOfSatisfying(KooPhoneApiException.class,
                e -> assertThat(e.getErrorCode()).isEqualTo("KOOPHONE.API.1003"));
        assertThat(next.getException()).isNull();
        wm.verify(2, postRequestedFor(urlEqualTo(STATUS)));
        wm.verify(credentials == Credentials.IAM_PASSWORD ? 1 : 0, postRequestedFor(urlEqualTo(IAM)));
    }

    @ParameterizedTest
    @EnumSource(Credentials.class)
    void a403NamesTheIamActionAndRefreshesNothing(Credentials credentials) {
        credentials.apply(component.getConfiguration());
        stubIam();
        wm.stubFor(post(RESET).willReturn(aResponse().withStatus(403)
                .withBody("{\"error_code\":\"KOOPHONE.API.6002\",\"error_msg\":\"no permission\"}")));
        stubStatus("a1", 200, STATUS_OK);

        Exchange refused = call("koophone:batchReset?instanceIds=a1", null);
        Exchange next = call("koophone:batchQueryStatus?instanceIds=a1", null);

        assertThat(refused.getException()).isInstanceOfSatisfying(KooPhoneApiException.class, e -> {
            assertThat(e.getHttpStatus()).isEqualTo(403);
            assertThat(e.getErrorCode()).isEqualTo("KOOPHONE.API.6002");
            assertThat(e.getMessage()).contains("koophone:cloudphoneResource:batchResetInstance");
        });
        assertThat(next.getException()).isNull();
        wm.verify(1, postRequestedFor(urlEqualTo(RESET)));
        wm.verify(credentials == Credentials.IAM_PASSWORD ? 1 : 0, postRequestedFor(urlEqualTo(IAM)));
    }

    /**
     * The gateway's refusal, a 401 that is no service envelope, and KOOPHONE.API.6001 (the reference's "token
     * expired or invalid") do refuse the credentials: the IAM token is fetched again once and the call repeated.
     */
    @ParameterizedTest
    @ValueSource(strings = {
            "{\"error_code\":\"APIGW.0301\",\"error_msg\":\"Incorrect IAM authentication information\"}",
            "<html><body>401 Unauthorized</body></html>",
            "{\"error_code\":\"KOOPHONE.API.6001\",\"error_msg\":\"token invalid\"}" })
    void aRefusalOfTheTokenIsFollowedByOneLogin(String refusal) {
        Credentials.IAM_PASSWORD.apply(component.getConfiguration());
        String expires = Instant.now().plusSeconds(86_400).toString();
        wm.stubFor(post(IAM).inScenario("iam").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("second")
                .willReturn(aResponse().withStatus(201).withHeader("X-Subject-Token", "MIIfirst")
                        .withBody("{\"token\":{\"expires_at\":\"" + expires + "\"}}")));
        wm.stubFor(post(IAM).inScenario("iam").whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(201).withHeader("X-Subject-Token", "MIIsecond")
                        .withBody("{\"token\":{\"expires_at\":\"" + expires + "\"}}")));
        wm.stubFor(post(STATUS).withHeader("X-Auth-Token", equalTo("MIIfirst")).willReturn(aResponse().withStatus(401).withBody(refusal)));
        wm.stubFor(post(STATUS).withHeader("X-Auth-Token", equalTo("MIIsecond")).willReturn(okJson(STATUS_OK)));

        Exchange out = call("koophone:batchQueryStatus?instanceIds=a1", null);

        assertThat(out.getException()).isNull();
        wm.verify(2, postRequestedFor(urlEqualTo(IAM)));
        wm.verify(2, postRequestedFor(urlEqualTo(STATUS)));
    }
}
