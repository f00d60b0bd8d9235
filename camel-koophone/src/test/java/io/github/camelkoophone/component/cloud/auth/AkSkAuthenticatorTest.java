package io.github.camelkoophone.component.cloud.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.github.camelkoophone.component.cloud.api.CloudService;
import io.github.camelkoophone.component.cloud.api.HuaweiCloudApiException;
import io.github.camelkoophone.component.koophone.MutableClock;
import io.github.camelkoophone.component.cloud.http.ApiRequest;
import io.github.camelkoophone.component.cloud.http.ApiResponse;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

class AkSkAuthenticatorTest {

    private static final Instant START = Instant.parse("2026-11-23T17:59:59.400Z");

    @Test
    void theSigningDateFollowsTheClockToTheSecond() {
        MutableClock clock = new MutableClock(START);
        AkSkAuthenticator authenticator = new AkSkAuthenticator("AK", "SK", "p1", null, clock, CloudService.named("KooPhone"));

        assertThat(authenticator.signingDate()).isEqualTo("20261123T175959Z");
        clock.advance(Duration.ofMillis(500)); // 17:59:59.900, the same second
        assertThat(authenticator.signingDate()).isEqualTo("20261123T175959Z");
        clock.advance(Duration.ofMillis(100)); // 18:00:00.000
        assertThat(authenticator.signingDate()).isEqualTo("20261123T180000Z");
        clock.advance(Duration.ofDays(-1)); // a clock set back is followed too
        assertThat(authenticator.signingDate()).isEqualTo(SdkHmacSha256Signer.formatDate(clock.instant()));
    }

    @Test
    void aSignedRequestCarriesTheDateItWasSignedWith() {
        MutableClock clock = new MutableClock(START);
        AkSkAuthenticator authenticator = new AkSkAuthenticator("AK", "SK", "p1", null, clock, CloudService.named("KooPhone"));
        ApiRequest request = new ApiRequest("getTask", "GET", "http://127.0.0.1:8080", "/v1/instances/tasks/t1", List.of(),
                Map.of("x-request-id", "rid"), null, "rid", true, false, 30_000);

        clock.advance(Duration.ofSeconds(3));
        ApiRequest signed = authenticator.authenticate(request);

        String date = signed.headers().get(SdkHmacSha256Signer.DATE_HEADER);
        assertThat(date).isEqualTo("20261123T180002Z");
        String expected = new SdkHmacSha256Signer("AK", "SK").authorization("GET", "/v1/instances/tasks/t1", List.of(),
                Map.of("host", "127.0.0.1:8080", "x-request-id", "rid", SdkHmacSha256Signer.DATE_HEADER, date,
                        AkSkAuthenticator.PROJECT_HEADER, "p1"), null);
        assertThat(signed.headers()).containsEntry(AkSkAuthenticator.AUTHORIZATION_HEADER, expected)
                .containsEntry(AkSkAuthenticator.PROJECT_HEADER, "p1").containsEntry("x-request-id", "rid");
    }

    private static ApiRequest getTask() {
        return new ApiRequest("getTask", "GET", "http://127.0.0.1:8080", "/v1/instances/tasks/t1", List.of(),
                Map.of("x-request-id", "rid"), null, "rid", true, false, 30_000);
    }

    private static ApiResponse gatewayRefusal() {
        return new ApiResponse(401, Map.of(),
                "{\"error_code\":\"APIGW.0301\",\"error_msg\":\"Incorrect IAM authentication information\"}".getBytes());
    }

    /**
     * Another caller reading the refusal exactly while it is being recorded (the clock is read in between) sees
     * either no refusal or a whole one, never a refusal without its time.
     */
    @Test
    void aRefusalIsSeenWholeOrNotAtAllByAConcurrentCaller() {
        MutableClock clock = new MutableClock(START);
        AkSkAuthenticator authenticator = new AkSkAuthenticator("AK", "SK", "p1", null, clock, CloudService.named("KooPhone"));
        Throwable[] seenMeanwhile = new Throwable[1];
        clock.onNextRead(() -> seenMeanwhile[0] = catchThrowable(() -> authenticator.authenticate(getTask())));

        authenticator.reauthenticate(getTask(), getTask(), gatewayRefusal());

        assertThat(seenMeanwhile[0]).as("what a caller saw while the refusal was recorded")
                .satisfiesAnyOf(seen -> assertThat(seen).isNull(), seen -> assertThat(seen).isInstanceOf(HuaweiCloudApiException.class));
        assertThatThrownBy(() -> authenticator.authenticate(getTask())).isInstanceOfSatisfying(HuaweiCloudApiException.class,
                e -> assertThat(e.getErrorCode()).isEqualTo("APIGW.0301"));
        clock.advance(Duration.ofMinutes(1));
        assertThat(authenticator.authenticate(getTask()).headers()).containsKey(AkSkAuthenticator.AUTHORIZATION_HEADER);
    }
}
