package io.github.camelkoophone.simulator;

import io.github.camelkoophone.simulator.faults.Fault;
import io.github.camelkoophone.simulator.faults.RandomFaults;
import io.github.camelkoophone.simulator.journal.JournalEntry;
import io.github.camelkoophone.simulator.junit.KooPhoneSimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaultInjectionTest {

    @RegisterExtension
    static final KooPhoneSimulatorExtension KOOPHONE = KooPhoneSimulatorExtension.create(b -> b.instances(2));

    private static SimClient.Resp reset(KooPhoneSimulator sim) {
        return SimClient.of(sim).post("/v1/instances/batch-reset", Map.of("instance_ids", sim.inventory().ids()));
    }

    private static SimClient.Resp status(KooPhoneSimulator sim) {
        return SimClient.of(sim).post("/v1/instances/batch-query-status", Map.of("instance_ids", sim.inventory().ids()));
    }

    @Test
    void statusNTimesThenNormal(KooPhoneSimulator sim) {
        Fault fault = sim.faults().add(Fault.on("batchQueryStatus").httpStatus(503).times(2));
        SimClient.Resp first = status(sim);
        assertThat(first.status()).isEqualTo(503);
        assertThat(first.code()).isEqualTo("APIGW.0203");
        assertThat(status(sim).status()).isEqualTo(503);
        assertThat(status(sim).status()).isEqualTo(200);
        assertThat(fault.hits()).isEqualTo(2);
        assertThat(fault.remaining()).isZero();
        assertThat(sim.journal().entries("batchQueryStatus")).extracting(JournalEntry::fault)
                .containsExactly("status:503", "status:503", null);
    }

    @Test
    void throttlingCarriesRetryAfter(KooPhoneSimulator sim) {
        sim.faults().add(Fault.on("batchReset").httpStatus(429).retryAfter(3).times(1));
        SimClient.Resp r = reset(sim);
        assertThat(r.status()).isEqualTo(429);
        assertThat(r.header("Retry-After")).isEqualTo("3");
        assertThat(r.code()).isEqualTo("APIGW.0308");
        assertThat(sim.tasks().all()).isEmpty();
        assertThat(reset(sim).status()).isEqualTo(200);
    }

    @Test
    void internalErrorWithCustomBody(KooPhoneSimulator sim) {
        sim.faults().add(Fault.on("batchReset").httpStatus(500).body("KOOPHONE.API.9000", "boom").times(1));
        SimClient.Resp r = reset(sim);
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.code()).isEqualTo("KOOPHONE.API.9000");
        assertThat(r.json().path("error_msg").asText()).isEqualTo("boom");
    }

    @Test
    void businessErrorWithHttp200(KooPhoneSimulator sim) {
        sim.faults().add(Fault.on("batchReset").businessError("KOOPHONE.API.4001", "Instance busy").times(1));
        SimClient.Resp r = reset(sim);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.code()).isEqualTo("KOOPHONE.API.4001");
        assertThat(r.json().path("error_msg").asText()).isEqualTo("Instance busy");
        assertThat(sim.journal().last().orElseThrow().failed()).isTrue();
    }

    @Test
    void droppedConnectionHasNoResponse(KooPhoneSimulator sim) {
        sim.faults().add(Fault.onPath("/v1/instances/batch-reset").drop().times(1));
        assertThatThrownBy(() -> SimClient.of(sim).sendOrThrow("POST", "/v1/instances/batch-reset",
                Map.of("instance_ids", sim.inventory().ids()))).isInstanceOf(IOException.class);
        JournalEntry dropped = sim.journal().entries("batchReset").get(0);
        assertThat(dropped.status()).isZero();
        assertThat(dropped.fault()).isEqualTo("drop");
        assertThat(dropped.executed()).isFalse();
        assertThat(reset(sim).status()).isEqualTo(200);
    }

    @Test
    void fixedLatencyDelaysTheAnswer(KooPhoneSimulator sim) {
        sim.faults().add(Fault.on("batchQueryStatus").latency(Duration.ofMillis(150)).times(1));
        long start = System.nanoTime();
        assertThat(status(sim).status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
    }

    @Test
    void latencyDoesNotSerializeOtherClients(KooPhoneSimulator sim) throws Exception {
        Fault held = Fault.on("batchQueryStatus").latency(Duration.ofSeconds(2)).times(1);
        sim.faults().add(held);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> first = pool.submit(() -> status(sim).status());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (held.hits() == 0) { // from here the simulator holds the first call's answer
                assertThat(System.nanoTime()).as("the first call reached the simulator").isLessThan(deadline);
                Thread.sleep(5);
            }
            for (int i = 0; i < 3; i++) {
                assertThat(status(sim).status()).isEqualTo(200);
            }
            assertThat(first.get()).isEqualTo(200);
        } finally {
            pool.shutdownNow();
        }
        // the journal records each call as it is answered: the three made while the first was held came back first
        List<JournalEntry> answered = sim.journal().entries("batchQueryStatus");
        assertThat(answered).hasSize(4);
        assertThat(answered.get(3).fault()).as("the held call, answered last").isEqualTo("latency");
    }

    @Test
    void tokenRevocationOnDemand(KooPhoneSimulator sim) {
        String token = IamTokenTest.login(sim);
        sim.faults().add(Fault.on("batchQueryStatus").revokeTokens().times(1));
        SimClient.Resp r = SimClient.of(sim).token(token).post("/v1/instances/batch-query-status",
                Map.of("instance_ids", sim.inventory().ids()));
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.code()).isEqualTo("APIGW.0301");
        String fresh = IamTokenTest.login(sim);
        assertThat(SimClient.of(sim).token(fresh).post("/v1/instances/batch-query-status",
                Map.of("instance_ids", sim.inventory().ids())).status()).isEqualTo(200);
    }

    @Test
    void afterExecutionFaultChangesStateButReportsFailure(KooPhoneSimulator sim) {
        sim.faults().add(Fault.on("batchReset").httpStatus(500).afterExecution().times(1));
        SimClient client = SimClient.of(sim).requestId("0123456789abcdef0123456789abcdef");
        SimClient.Resp first = client.post("/v1/instances/batch-reset", Map.of("instance_ids", sim.inventory().ids()));
        assertThat(first.status()).isEqualTo(500);
        assertThat(sim.tasks().all()).hasSize(1);
        assertThat(sim.journal().last().orElseThrow().executed()).isTrue();

        // A naive retry with the same request id executes a second time: the journal shows it.
        sim.settings().busyCheck(false);
        assertThat(client.post("/v1/instances/batch-reset", Map.of("instance_ids", sim.inventory().ids())).status())
                .isEqualTo(200);
        assertThat(sim.journal().duplicateExecutions()).containsOnlyKeys("0123456789abcdef0123456789abcdef");
    }

    @Test
    void afterSkipsTheFirstMatches(KooPhoneSimulator sim) {
        sim.faults().add(Fault.on("batchQueryStatus").httpStatus(502).after(2).times(1));
        assertThat(List.of(status(sim).status(), status(sim).status(), status(sim).status(), status(sim).status()))
                .containsExactly(200, 200, 502, 200);
    }

    @Test
    void faultsOnIamLogin(KooPhoneSimulator sim) {
        sim.faults().add(Fault.on("iamToken").httpStatus(503).times(1));
        SimClient.Resp r = SimClient.of(sim).noAuth().noRequestId().post("/v3/auth/tokens",
                IamTokenTest.loginBody(KooPhoneSimulator.DEFAULT_USER, KooPhoneSimulator.DEFAULT_PASSWORD,
                        KooPhoneSimulator.DEFAULT_DOMAIN, KooPhoneSimulator.DEFAULT_PROJECT_NAME));
        assertThat(r.status()).isEqualTo(503);
        assertThat(IamTokenTest.login(sim)).isNotBlank();
    }

    @Test
    void randomFaultsFollowTheirRatesAndSeed(KooPhoneSimulator sim) {
        List<Integer> first = randomRun(sim, 11);
        List<Integer> second = randomRun(sim, 11);
        assertThat(first).isEqualTo(second);
        long unavailable = first.stream().filter(s -> s == 503).count();
        long throttled = first.stream().filter(s -> s == 429).count();
        long dropped = first.stream().filter(s -> s == 0).count();
        assertThat(unavailable).isBetween(10L, 35L);
        assertThat(throttled).isBetween(3L, 20L);
        assertThat(dropped).isBetween(1L, 12L);
        assertThat(first.stream().filter(s -> s == 200).count()).isGreaterThan(120L);
    }

    private static List<Integer> randomRun(KooPhoneSimulator sim, long seed) {
        sim.faults().clear();
        sim.faults().random(RandomFaults.seed(seed).status(503, 0.10).status(429, 0.05).drop(0.03));
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            try {
                statuses.add(SimClient.of(sim).sendOrThrow("POST", "/v1/instances/batch-query-status",
                        Map.of("instance_ids", List.of("a"))).status());
            } catch (IOException e) {
                statuses.add(0);
            }
        }
        sim.faults().clear();
        return statuses;
    }
}
