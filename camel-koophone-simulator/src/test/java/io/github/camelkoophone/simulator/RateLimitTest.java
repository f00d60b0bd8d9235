package io.github.camelkoophone.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelkoophone.simulator.http.ErrorCodes;
import io.github.camelkoophone.simulator.iam.AccessKey;
import io.github.camelkoophone.simulator.journal.JournalEntry;
import io.github.camelkoophone.simulator.journal.OperationCounter;
import io.github.camelkoophone.simulator.junit.KooPhoneSimulatorExtension;
import io.github.camelkoophone.simulator.state.RateLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's rate limit: token buckets per project (and per project and operation) on the simulated clock. The
 * base clock is fixed, so only {@code advance} refills a bucket and every count below is exact.
 */
class RateLimitTest {

    private static final Instant T0 = Instant.parse("2025-06-01T08:00:00Z");
    private static final String OTHER_PROJECT = "ffffffffffffffffffffffffffffffff";
    private static final AccessKey OTHER_TENANT = new AccessKey("OTHERTENANTAK0000001", "other-tenant-secret")
            .inProject(OTHER_PROJECT);

    /** 2 requests per second, bursts of 3. */
    @RegisterExtension
    static final KooPhoneSimulatorExtension KOOPHONE = KooPhoneSimulatorExtension.create(b -> b
            .instances(2).taskDuration(Duration.ofMinutes(1)).clock(Clock.fixed(T0, ZoneOffset.UTC))
            .accessKey(OTHER_TENANT).rateLimit(2, 3));

    private static SimClient.Resp list(KooPhoneSimulator sim) {
        return SimClient.of(sim).get("/v1/instances/batch-query");
    }

    private static SimClient.Resp getTask(KooPhoneSimulator sim) {
        return SimClient.of(sim).get("/v1/instances/tasks/0123456789abcdef0123456789abcdef");
    }

    private static SimClient.Resp asyncCommand(KooPhoneSimulator sim) {
        return SimClient.of(sim).post("/v1/instances/async-command",
                Map.of("command", "whoami", "instance_ids", sim.inventory().ids()));
    }

    private static SimClient admin(KooPhoneSimulator sim) {
        return SimClient.of(sim).noAuth().noRequestId();
    }

    private static void assertThrottled(SimClient.Resp r, String retryAfter) {
        assertThat(r.status()).as(r.text()).isEqualTo(429);
        assertThat(r.code()).isEqualTo(ErrorCodes.GATEWAY_THROTTLED).isEqualTo("APIGW.0308");
        assertThat(r.json().path("error_msg").asText()).startsWith("The throttling threshold has been reached: ");
        assertThat(r.header("Retry-After")).isEqualTo(retryAfter);
    }

    @Test
    void burstPassesThenThrottledUntilTheClockRefills(KooPhoneSimulator sim) {
        List<Integer> statuses = new ArrayList<>();
        for (int n = 0; n < 5; n++) {
            statuses.add(list(sim).status());
        }
        assertThat(statuses).containsExactly(200, 200, 200, 429, 429);
        assertThrottled(list(sim), "1");

        sim.clock().advance(Duration.ofMillis(500));
        assertThat(list(sim).status()).isEqualTo(200);
        assertThrottled(list(sim), "1");

        // Journaled like any answer; counted as failed and as throttled.
        List<JournalEntry> entries = sim.journal().entries("listInstances");
        assertThat(entries).extracting(JournalEntry::status).containsExactly(200, 200, 200, 429, 429, 429, 200, 429);
        assertThat(entries.get(3).errorCode()).isEqualTo("APIGW.0308");
        assertThat(entries.get(3).executed()).isFalse();
        assertThat(sim.journal().counters().get("listInstances")).isEqualTo(new OperationCounter(8, 0, 4, 4));
        assertThat(sim.journal().throttledCount("listInstances")).isEqualTo(4);
        assertThat(sim.journal().throttledCount()).isEqualTo(4);
        assertThat(admin(sim).get("/_sim/counters").json().path("listInstances").path("throttled").asLong())
                .isEqualTo(4);
    }

    @Test
    void retryAfterIsWholeSecondsUntilTheNextToken(KooPhoneSimulator sim) {
        sim.settings().rateLimits(RateLimits.NONE).rateLimit(0.25, 1);
        assertThat(list(sim).status()).isEqualTo(200);
        assertThrottled(list(sim), "4");
        sim.clock().advance(Duration.ofMillis(1000));
        assertThrottled(list(sim), "3");
        sim.clock().advance(Duration.ofMillis(2500));
        assertThrottled(list(sim), "1");
        sim.clock().advance(Duration.ofMillis(500));
        assertThat(list(sim).status()).isEqualTo(200);
    }

    @Test
    void operationLimitThrottlesOnlyThatOperation(KooPhoneSimulator sim) {
        sim.settings().rateLimits(RateLimits.NONE).operationRateLimit("getTask", 1, 2);
        assertThat(getTask(sim).status()).isEqualTo(400);
        assertThat(getTask(sim).status()).isEqualTo(400);
        assertThrottled(getTask(sim), "1");
        for (int n = 0; n < 10; n++) {
            assertThat(list(sim).status()).isEqualTo(200);
        }
        sim.clock().advance(Duration.ofSeconds(1));
        assertThat(getTask(sim).status()).isEqualTo(400);
        assertThat(sim.journal().throttledCount("getTask")).isEqualTo(1);
        assertThat(sim.journal().throttledCount("listInstances")).isZero();
    }

    @Test
    void aRequestRefusedByOneBucketTakesNothingFromTheOther(KooPhoneSimulator sim) {
        // The operation's bucket refuses: the project's keeps its tokens.
        sim.settings().rateLimit(1, 3).operationRateLimit("getTask", 0.001, 1);
        assertThat(getTask(sim).status()).isEqualTo(400);
        assertThat(getTask(sim).status()).isEqualTo(429);
        assertThat(list(sim).status()).isEqualTo(200);
        assertThat(list(sim).status()).isEqualTo(200);
        assertThat(list(sim).status()).isEqualTo(429);

        // The project's bucket refuses: the operation's keeps its tokens.
        sim.settings().rateLimits(RateLimits.NONE).rateLimit(1, 1).operationRateLimit("getTask", 0.001, 2);
        assertThat(list(sim).status()).isEqualTo(200);
        assertThrottled(getTask(sim), "1");
        sim.clock().advance(Duration.ofSeconds(1));
        assertThat(getTask(sim).status()).isEqualTo(400);
        sim.clock().advance(Duration.ofSeconds(1));
        assertThat(getTask(sim).status()).isEqualTo(400);
        sim.clock().advance(Duration.ofSeconds(1));
        // Now the operation's bucket is empty and the slower to refill: Retry-After is its wait, about 1,000 s.
        SimClient.Resp r = getTask(sim);
        assertThat(r.status()).isEqualTo(429);
        assertThat(Long.parseLong(r.header("Retry-After"))).isBetween(990L, 1000L);
    }

    @Test
    void throttledRequestChangesNothing(KooPhoneSimulator sim) {
        sim.settings().rateLimits(RateLimits.NONE).rateLimit(1, 1);
        assertThat(asyncCommand(sim).code()).isEqualTo("0");
        assertThat(sim.tasks().all()).hasSize(1);
        assertThrottled(asyncCommand(sim), "1");
        assertThat(sim.tasks().all()).hasSize(1);
        JournalEntry last = sim.journal().last("asyncCommand").orElseThrow();
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.errorCode()).isEqualTo("APIGW.0308");
        assertThat(last.executed()).isFalse();
        assertThat(sim.journal().executedCount("asyncCommand")).isEqualTo(1);
    }

    @Test
    void iamAdminAndRefusedCredentialsAreNeverThrottled(KooPhoneSimulator sim) {
        sim.settings().rateLimits(RateLimits.NONE).rateLimit(1, 1);
        String token = null;
        for (int n = 0; n < 5; n++) {
            token = IamTokenTest.login(sim);
        }
        for (int n = 0; n < 5; n++) {
            assertThat(admin(sim).get("/_sim/health").status()).isEqualTo(200);
            assertThat(SimClient.of(sim).noAuth().get("/v1/instances/batch-query").status()).isEqualTo(401);
        }
        assertThat(sim.journal().entries("iamToken")).extracting(JournalEntry::status).containsOnly(201);
        // The gateway limits after authentication: the refused requests took no token either.
        assertThat(SimClient.of(sim).token(token).get("/v1/instances/batch-query").status()).isEqualTo(200);
        assertThrottled(SimClient.of(sim).token(token).get("/v1/instances/batch-query"), "1");
    }

    @Test
    void limitsArePerProjectAndCoverCph(KooPhoneSimulator sim) {
        String cphPhones = "/v1/" + sim.projectId() + "/cloud-phone/phones";
        assertThat(list(sim).status()).isEqualTo(200);
        assertThat(list(sim).status()).isEqualTo(200);
        assertThat(SimClient.of(sim).get(cphPhones).status()).isEqualTo(200);
        assertThrottled(SimClient.of(sim).get(cphPhones), "1");
        assertThat(sim.journal().throttledCount("listCloudPhones")).isEqualTo(1);

        // Another tenant's key has a bucket of its own.
        SimClient other = SimClient.of(sim).aksk(OTHER_TENANT).sdkDate(sim.clock().instant());
        for (int n = 0; n < 3; n++) {
            assertThat(other.get("/v1/instances/batch-query").status()).isEqualTo(200);
        }
        assertThat(other.get("/v1/instances/batch-query").status()).isEqualTo(429);
    }

    @Test
    void adminSettingsRoundTripRefillAndRemove(KooPhoneSimulator sim) {
        JsonNode initial = admin(sim).get("/_sim/settings").json().path("rate_limit");
        assertThat(initial.path("per_second").asDouble()).isEqualTo(2.0);
        assertThat(initial.path("burst").asInt()).isEqualTo(3);
        assertThat(initial.path("operations").isEmpty()).isTrue();

        for (int n = 0; n < 3; n++) {
            list(sim);
        }
        assertThat(list(sim).status()).isEqualTo(429);
        JsonNode set = admin(sim).post("/_sim/settings", "{\"rate_limit\":{\"per_second\":5,\"burst\":2,"
                + "\"operations\":{\"getTask\":{\"per_second\":0.5}}}}").json().path("rate_limit");
        assertThat(set.path("per_second").asDouble()).isEqualTo(5.0);
        assertThat(set.path("burst").asInt()).isEqualTo(2);
        assertThat(set.path("operations").path("getTask").path("per_second").asDouble()).isEqualTo(0.5);
        assertThat(set.path("operations").path("getTask").path("burst").asInt()).isEqualTo(1);
        assertThat(sim.settings().rateLimits()).isEqualTo(new RateLimits(new RateLimits.Limit(5, 2),
                Map.of("getTask", new RateLimits.Limit(0.5, 1))));
        // A change starts from full buckets.
        assertThat(list(sim).status()).isEqualTo(200);
        assertThat(list(sim).status()).isEqualTo(200);
        assertThat(list(sim).status()).isEqualTo(429);

        SimClient.Resp refused = admin(sim).post("/_sim/settings", "{\"rate_limit\":{\"per_second\":0}}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(admin(sim).post("/_sim/settings", "{\"rate_limit\":{\"burst\":3}}").status()).isEqualTo(400);
        assertThat(sim.settings().rateLimits().project()).isEqualTo(new RateLimits.Limit(5, 2));

        admin(sim).post("/_sim/settings", "{\"rate_limit\":null}");
        assertThat(admin(sim).get("/_sim/settings").json().path("rate_limit").isNull()).isTrue();
        for (int n = 0; n < 20; n++) {
            assertThat(list(sim).status()).isEqualTo(200);
        }

        sim.reset();
        assertThat(sim.settings().rateLimits().project()).isEqualTo(new RateLimits.Limit(2, 3));
    }

    @Test
    void unsetMeansNever429() {
        try (KooPhoneSimulator sim = KooPhoneSimulator.builder().instances(1).clock(Clock.fixed(T0, ZoneOffset.UTC))
                .start()) {
            for (int n = 0; n < 50; n++) {
                assertThat(list(sim).status()).isEqualTo(200);
            }
            assertThat(sim.settings().rateLimits()).isEqualTo(RateLimits.NONE);
            assertThat(admin(sim).get("/_sim/settings").json().path("rate_limit").isNull()).isTrue();
            assertThat(sim.journal().throttledCount()).isZero();
        }
    }
}
