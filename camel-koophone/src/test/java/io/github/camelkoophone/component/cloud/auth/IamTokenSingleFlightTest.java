package io.github.camelkoophone.component.cloud.auth;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelkoophone.component.cloud.traffic.Traffic;
import io.github.camelkoophone.component.koophone.MutableClock;
import io.github.camelkoophone.component.cloud.http.ApiRequest;
import io.github.camelkoophone.component.cloud.http.ApiResponse;
import io.github.camelkoophone.component.cloud.api.CloudService;
import io.github.camelkoophone.component.cloud.call.Attempts;
import io.github.camelkoophone.component.cloud.http.RetryPolicy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A caller that found the token due for refresh, but asks for a login only after another caller's login has
 * finished, uses that login's token instead of logging in again. The login runs in the calling thread, so under
 * load this window is real (a CI run saw two logins for eleven concurrent first calls); here a clock hook puts the
 * other caller's whole login exactly there.
 */
class IamTokenSingleFlightTest {

    @Test
    void aLoginThatFinishedMeanwhileIsUsedNotRepeated() {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        MutableClock clock = new MutableClock(start);
        AtomicInteger logins = new AtomicInteger();
        Attempts iam = new Attempts(request -> {
            // login n comes n - 1 hours in and lasts an hour; IAM does not read the clock, so the hook below can only
            // run where the authenticator reads it
            int login = logins.incrementAndGet();
            Instant expires = start.plus(Duration.ofHours(login));
            return new ApiResponse(201, Map.of("X-Subject-Token", "token-" + login),
                    ("{\"token\":{\"expires_at\":\"" + expires + "\"}}").getBytes(StandardCharsets.UTF_8));
        }, RetryPolicy.NONE, Traffic.NONE, null, Runnable::run);
        IamTokenAuthenticator authenticator = new IamTokenAuthenticator(new IamTokenClient(iam, "http://iam.invalid", "user",
                "password", "domain", "project", null, 1000, clock, CloudService.named("KooPhone")), clock);
        assertThat(authenticator.authenticate(request()).headers()).containsEntry(IamTokenAuthenticator.TOKEN_HEADER, "token-1");

        clock.advance(Duration.ofHours(1)); // token-1 is due for refresh
        // the caller below reads the clock after it saw token-1; at that moment another caller refreshes it
        AtomicBoolean raced = new AtomicBoolean();
        clock.onNextRead(() -> {
            raced.set(true);
            assertThat(authenticator.authenticate(request()).headers()).containsEntry(IamTokenAuthenticator.TOKEN_HEADER, "token-2");
        });

        assertThat(authenticator.authenticate(request()).headers()).containsEntry(IamTokenAuthenticator.TOKEN_HEADER, "token-2");
        assertThat(raced).as("the other caller's login ran inside this caller's read of the clock").isTrue();
        assertThat(logins).hasValue(2);
    }

    private static ApiRequest request() {
        return new ApiRequest("getTask", "GET", "http://api.invalid", "/v1/instances/tasks/t", List.of(), Map.of(), null,
                "rid", true, false, 1000);
    }
}
