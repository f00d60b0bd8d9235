package io.github.camelkoophone.component.koophone;

import java.time.Duration;
import java.time.Instant;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The credential rules of the component doc's "Authentication" section, on the wire: a login IAM refused is
 * remembered for a minute and no longer, and a configured {@code authToken} is what gets sent whatever else is set.
 */
class KooPhoneCredentialRulesTest extends WireMockTestSupport {

    private static final String IAM = "/v3/auth/tokens";
    private static final String TASK = "/v1/instances/tasks/t1";
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private final MutableClock clock = new MutableClock(START);

    @Override
    protected void configure(KooPhoneComponent component) {
        component.useClock(clock);
    }

    @BeforeEach
    void taskAnswers() {
        wm.stubFor(get(TASK).willReturn(okJson("{\"error_code\":\"0\",\"data\":{\"jobs\":[]}}")));
    }

    private static void iamRefuses() {
        wm.stubFor(post(IAM).willReturn(aResponse().withStatus(401)
                .withBody("{\"error\":{\"code\":401,\"title\":\"Unauthorized\",\"message\":\"The username or password is wrong.\"}}")));
    }

    private static void iamIssues(String token) {
        wm.stubFor(post(IAM).willReturn(aResponse().withStatus(201).withHeader("X-Subject-Token", token)
                .withBody("{\"token\":{\"expires_at\":\"" + START.plus(Duration.ofDays(1)) + "\"}}")));
    }

    private Exchange getTaskWithPasswordLogin() {
        return call("koophone:getTask?taskId=t1&authToken=&username=robot&password=RAW(Pa55-w0rd!)&domainName=acme"
                    + "&projectName=cn-north-4", null);
    }

    @Test
    void aRefusedLoginIsRememberedForAMinuteThenTriedOnceMore() {
        iamRefuses();
        assertThat(getTaskWithPasswordLogin().getException()).isInstanceOf(KooPhoneApiException.class);
        wm.verify(1, postRequestedFor(urlEqualTo(IAM)));

        clock.advance(Duration.ofSeconds(59));
        Exchange remembered = getTaskWithPasswordLogin();
        assertThat(remembered.getException()).isInstanceOfSatisfying(KooPhoneApiException.class, e -> {
            assertThat(e.getOperation()).isEqualTo("iamToken");
            assertThat(e.getHttpStatus()).isEqualTo(401);
        });
        wm.verify(1, postRequestedFor(urlEqualTo(IAM)));

        // the password was fixed meanwhile: past the minute, one login, and the call goes through with its token
        iamIssues("TOKEN-AFTER-A-MINUTE");
        clock.advance(Duration.ofSeconds(2));
        assertThat(getTaskWithPasswordLogin().getException()).isNull();
        wm.verify(2, postRequestedFor(urlEqualTo(IAM)));
        wm.verify(1, getRequestedFor(urlEqualTo(TASK)));
        assertThat(wm.findAll(getRequestedFor(urlEqualTo(TASK))).get(0).getHeader("X-Auth-Token"))
                .isEqualTo("TOKEN-AFTER-A-MINUTE");
    }

    @Test
    void anAuthTokenIsSentAndNothingSignedWhenAccessKeysAndAPasswordAreConfiguredToo() {
        iamIssues("TOKEN-FROM-A-LOGIN");
        KooPhoneConfiguration c = component.getConfiguration();
        c.setAccessKey("AKEXAMPLE0123456789");
        c.setSecretKey("secret-key-that-must-not-be-used");
        c.setProjectId("0123456789abcdef0123456789abcdef");
        c.setUsername("robot");
        c.setPassword("Pa55-w0rd!");
        c.setDomainName("acme");
        c.setProjectName("cn-north-4");

        // the component's token (WireMockTestSupport sets one), then a token of the endpoint's own
        assertThat(call("koophone:getTask?taskId=t1", null).getException()).isNull();
        assertThat(call("koophone:getTask?taskId=t1&authToken=RAW(ENDPOINT-TOKEN)", null).getException()).isNull();

        assertThat(wm.findAll(getRequestedFor(urlEqualTo(TASK)))).extracting(r -> r.getHeader("X-Auth-Token"))
                .containsExactly(TOKEN, "ENDPOINT-TOKEN");
        for (LoggedRequest sent : wm.findAll(getRequestedFor(urlEqualTo(TASK)))) {
            assertThat(sent.containsHeader("Authorization")).isFalse();
            assertThat(sent.containsHeader("X-Sdk-Date")).isFalse();
            assertThat(sent.containsHeader("X-Project-Id")).isFalse();
        }
        wm.verify(0, postRequestedFor(urlEqualTo(IAM)));
    }
}
