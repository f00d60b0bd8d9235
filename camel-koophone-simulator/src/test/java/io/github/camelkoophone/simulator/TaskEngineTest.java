package io.github.camelkoophone.simulator;

import io.github.camelkoophone.simulator.state.SimInstance;
import io.github.camelkoophone.simulator.state.SimJob;
import io.github.camelkoophone.simulator.state.SimTask;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Task completion timing, failure rate and determinism. */
class TaskEngineTest {

    private static List<Integer> outcomes(long seed, double rate) {
        try (KooPhoneSimulator sim = KooPhoneSimulator.builder().instances(50).seed(seed)
                .taskDuration(Duration.ofMillis(300)).taskFailureRate(rate).start()) {
            String taskId = SimClient.of(sim).post("/v1/instances/async-command",
                    Map.of("command", "whoami", "instance_ids", sim.inventory().ids())).data().path("task_id").asText();
            sim.clock().advance(Duration.ofMillis(300));
            return sim.tasks().get(taskId).orElseThrow().jobs().stream().map(SimJob::status).toList();
        }
    }

    @Test
    void failureRateIsHonouredAndDeterministicForASeed() {
        List<Integer> first = outcomes(7, 0.3);
        List<Integer> again = outcomes(7, 0.3);
        List<Integer> otherSeed = outcomes(8, 0.3);
        assertThat(first).isEqualTo(again);
        assertThat(first).isNotEqualTo(otherSeed);
        long failed = first.stream().filter(s -> s == SimJob.FAILED).count();
        assertThat(failed).isBetween(5L, 25L);
        assertThat(first).containsOnly(SimJob.SUCCEEDED, SimJob.FAILED);
        assertThat(outcomes(7, 0.0)).containsOnly(SimJob.SUCCEEDED);
        assertThat(outcomes(7, 1.0)).containsOnly(SimJob.FAILED);
    }

    @Test
    void jobsFinishExactlyAfterTheDurationAndReportOverHttp() {
        try (KooPhoneSimulator sim = KooPhoneSimulator.builder().instances(2).taskDuration(Duration.ofMillis(250))
                .taskFailureRate(1.0).clock(Clock.fixed(Instant.parse("2025-06-01T08:00:00Z"), ZoneOffset.UTC)).start()) {
            String taskId = SimClient.of(sim).post("/v1/instances/async-command",
                    Map.of("command", "whoami", "instance_ids", sim.inventory().ids())).data().path("task_id").asText();
            assertThat(sim.tasks().get(taskId).orElseThrow().finished()).isFalse();
            assertThat(sim.tasks().runningJobs()).isEqualTo(2);
            sim.clock().advance(Duration.ofMillis(249));
            assertThat(SimClient.of(sim).get("/v1/instances/tasks/" + taskId).data().path("jobs").get(0).path("status")
                    .asInt()).isEqualTo(1);
            sim.clock().advance(Duration.ofMillis(1));
            var job = SimClient.of(sim).get("/v1/instances/tasks/" + taskId).data().path("jobs").get(0);
            assertThat(job.path("status").asInt()).isEqualTo(-1);
            assertThat(job.path("error_code").asText()).isEqualTo("CPS.0191");
            assertThat(job.path("error_msg").asText()).isNotEmpty();
        }
    }

    @Test
    void realTimeAlsoCompletesTasks() throws InterruptedException {
        try (KooPhoneSimulator sim = KooPhoneSimulator.builder().instances(1).taskDuration(Duration.ofMillis(50)).start()) {
            String taskId = SimClient.of(sim).post("/v1/instances/async-command",
                    Map.of("command", "whoami", "instance_ids", sim.inventory().ids())).data().path("task_id").asText();
            Thread.sleep(80);
            assertThat(sim.tasks().get(taskId).orElseThrow().finished()).isTrue();
        }
    }

    @Test
    void completeAllFinishesEverythingNow() {
        try (KooPhoneSimulator sim = KooPhoneSimulator.builder().instances(3).taskDuration(Duration.ofHours(1)).start()) {
            SimClient.of(sim).post("/v1/instances/batch-reset", Map.of("instance_ids", sim.inventory().ids()));
            sim.tasks().completeAll();
            assertThat(sim.tasks().all()).allMatch(SimTask::finished);
            assertThat(sim.inventory().all()).allMatch(i -> i.runningStatus() == SimInstance.STATUS_RUNNING);
        }
    }

    @Test
    void jobsOnUnknownInstancesFailAtOnce() {
        try (KooPhoneSimulator sim = KooPhoneSimulator.builder().instances(1).start()) {
            String taskId = SimClient.of(sim).post("/v1/instances/async-command",
                    Map.of("command", "whoami", "instance_ids", List.of("ghost001"))).data().path("task_id").asText();
            SimJob job = sim.tasks().get(taskId).orElseThrow().jobs().get(0);
            assertThat(job.status()).isEqualTo(SimJob.FAILED);
            assertThat(job.errorCode()).isEqualTo("CPS0005");
        }
    }

    @Test
    void unknownTaskIsABadRequest() {
        try (KooPhoneSimulator sim = KooPhoneSimulator.builder().instances(1).start()) {
            SimClient.Resp r = SimClient.of(sim).get("/v1/instances/tasks/0123456789abcdef0123456789abcdef");
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.code()).isEqualTo("KOOPHONE.API.1000");
        }
    }

    @Test
    void sameSeedSameInstanceIds() {
        try (KooPhoneSimulator a = KooPhoneSimulator.builder().instances(5).seed(1).build();
             KooPhoneSimulator b = KooPhoneSimulator.builder().instances(5).seed(1).build()) {
            assertThat(a.inventory().ids()).isEqualTo(b.inventory().ids()).allMatch(id -> id.matches("[A-Za-z0-9]{8}"));
        }
    }
}
