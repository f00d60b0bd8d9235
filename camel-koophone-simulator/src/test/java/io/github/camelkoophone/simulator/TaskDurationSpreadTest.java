package io.github.camelkoophone.simulator;

import io.github.camelkoophone.simulator.state.SimJob;
import io.github.camelkoophone.simulator.state.SimTask;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** taskDurationMax: per-task durations drawn from the seed between taskDuration and taskDurationMax. */
class TaskDurationSpreadTest {

    private static final Instant T0 = Instant.parse("2025-06-01T08:00:00Z");
    private static final Duration MIN = Duration.ofSeconds(1);
    private static final Duration MAX = Duration.ofSeconds(30);

    private static KooPhoneSimulator.Builder builder(long seed, Duration max) {
        return KooPhoneSimulator.builder().instances(2).seed(seed).taskDuration(MIN).taskDurationMax(max)
                .clock(Clock.fixed(T0, ZoneOffset.UTC));
    }

    private static String asyncCommand(KooPhoneSimulator sim) {
        return SimClient.of(sim).post("/v1/instances/async-command",
                Map.of("command", "whoami", "instance_ids", sim.inventory().ids())).data().path("task_id").asText();
    }

    /** Starts {@code count} tasks and returns each one's duration, checking that its jobs share it. */
    private static Map<String, Duration> start(KooPhoneSimulator sim, int count) {
        for (int n = 0; n < count; n++) {
            asyncCommand(sim);
        }
        Map<String, Duration> out = new LinkedHashMap<>();
        for (SimTask t : sim.tasks().all()) {
            List<Instant> finishes = t.jobs().stream().map(SimJob::finishAt).distinct().toList();
            assertThat(finishes).hasSize(1);
            out.put(t.taskId(), Duration.between(t.createdAt(), finishes.get(0)));
        }
        return out;
    }

    private static Map<String, Duration> durations(long seed, Duration max, int count) {
        try (KooPhoneSimulator sim = builder(seed, max).start()) {
            return start(sim, count);
        }
    }

    private static long finished(KooPhoneSimulator sim) {
        return sim.tasks().all().stream().filter(SimTask::finished).count();
    }

    @Test
    void durationsAreSpreadBetweenMinAndMaxAndTasksFinishAccordingly() {
        try (KooPhoneSimulator sim = builder(7, MAX).start()) {
            Map<String, Duration> durations = start(sim, 200);
            assertThat(durations).hasSize(200);
            assertThat(durations.values()).allMatch(d -> d.compareTo(MIN) >= 0 && d.compareTo(MAX) <= 0);
            assertThat(durations.values().stream().distinct().count()).isGreaterThanOrEqualTo(20);
            assertThat(durations.values()).anyMatch(d -> d.compareTo(Duration.ofSeconds(5)) < 0)
                    .anyMatch(d -> d.compareTo(Duration.ofSeconds(25)) > 0);

            // The clock, not just the recorded finish times, decides: walk it and watch tasks finish on schedule.
            sim.clock().advance(MIN.minusMillis(1));
            assertThat(finished(sim)).isZero();
            Duration elapsed = MIN.minusMillis(1);
            for (int s = 1; s <= 30; s++) {
                Duration target = Duration.ofSeconds(s);
                sim.clock().advance(target.minus(elapsed));
                elapsed = target;
                long due = durations.values().stream().filter(d -> d.compareTo(target) <= 0).count();
                assertThat(finished(sim)).as("finished after %s", target).isEqualTo(due);
            }
            assertThat(finished(sim)).isEqualTo(200);
            String anyTask = durations.keySet().iterator().next();
            assertThat(SimClient.of(sim).get("/v1/instances/tasks/" + anyTask).data().path("jobs").get(0)
                    .path("status").asInt()).isEqualTo(SimJob.SUCCEEDED);
        }
    }

    @Test
    void sameSeedSameDurations() {
        Map<String, Duration> first = durations(11, MAX, 50);
        assertThat(durations(11, MAX, 50)).isEqualTo(first);
        assertThat(List.copyOf(durations(12, MAX, 50).values())).isNotEqualTo(List.copyOf(first.values()));
        // Durations come from their own stream, so switching the spread on leaves the seed's ids alone.
        assertThat(durations(11, null, 50).keySet()).containsExactlyElementsOf(first.keySet());

        try (KooPhoneSimulator sim = builder(11, MAX).start()) {
            assertThat(start(sim, 50)).isEqualTo(first);
            sim.reset();
            assertThat(sim.settings().taskDurationMax()).isEqualTo(MAX);
            assertThat(start(sim, 50)).isEqualTo(first);
        }
    }

    @Test
    void unsetOrEqualMaxMeansEveryTaskTakesTaskDuration() {
        assertThat(durations(7, null, 30).values()).containsOnly(MIN);
        assertThat(durations(7, MIN, 30).values()).containsOnly(MIN);
        try (KooPhoneSimulator sim = KooPhoneSimulator.builder().instances(1).start()) {
            assertThat(sim.settings().taskDurationMax()).isNull();
        }
    }

    @Test
    void maxShorterThanMinIsRefused() {
        assertThatThrownBy(() -> KooPhoneSimulator.builder().taskDuration(Duration.ofSeconds(5))
                .taskDurationMax(Duration.ofSeconds(2)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("taskDurationMax").hasMessageContaining("PT2S")
                .hasMessageContaining("taskDuration ").hasMessageContaining("PT5S");
        try (KooPhoneSimulator sim = builder(7, MAX).build()) {
            assertThatThrownBy(() -> sim.settings().taskDurationMax(Duration.ofMillis(500)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PT0.5S").hasMessageContaining("PT1S");
            assertThatThrownBy(() -> sim.settings().taskDuration(Duration.ofMinutes(1)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PT30S").hasMessageContaining("PT1M");
            assertThat(sim.settings().taskDuration()).isEqualTo(MIN);
            assertThat(sim.settings().taskDurationMax()).isEqualTo(MAX);
        }
    }
}
