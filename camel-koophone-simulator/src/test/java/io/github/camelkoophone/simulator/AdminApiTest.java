package io.github.camelkoophone.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelkoophone.simulator.junit.KooPhoneSimulatorExtension;
import io.github.camelkoophone.simulator.state.SimInstance;
import io.github.camelkoophone.simulator.state.SimTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The /_sim/ control API, as a shell script would use it. */
class AdminApiTest {

    @RegisterExtension
    static final KooPhoneSimulatorExtension KOOPHONE = KooPhoneSimulatorExtension.create(b -> b
            .instances(3).taskDuration(Duration.ofSeconds(5)));

    private static SimClient admin(KooPhoneSimulator sim) {
        return SimClient.of(sim).noAuth().noRequestId();
    }

    @Test
    void healthAndSettings(KooPhoneSimulator sim) {
        JsonNode health = admin(sim).get("/_sim/health").json();
        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.path("instances").asInt()).isEqualTo(3);

        JsonNode settings = admin(sim).post("/_sim/settings",
                Map.of("quirk_mode", true, "task_failure_rate", 0.5, "task_duration_ms", 100)).json();
        assertThat(settings.path("quirk_mode").asBoolean()).isTrue();
        assertThat(sim.settings().taskFailureRate()).isEqualTo(0.5);
        assertThat(sim.settings().taskDuration()).isEqualTo(Duration.ofMillis(100));
        assertThat(admin(sim).get("/_sim/settings").json().path("task_duration_ms").asLong()).isEqualTo(100);
        assertThat(admin(sim).post("/_sim/settings", Map.of("task_failure_rate", 3)).status()).isEqualTo(400);
    }

    @Test
    void taskDurationMaxRoundTrips(KooPhoneSimulator sim) {
        assertThat(admin(sim).get("/_sim/settings").json().path("task_duration_max_ms").isNull()).isTrue();
        // Both bounds in one request, although the new minimum is above the old one.
        JsonNode set = admin(sim).post("/_sim/settings", Map.of("task_duration_ms", 8000, "task_duration_max_ms", 30000))
                .json();
        assertThat(set.path("task_duration_ms").asLong()).isEqualTo(8000);
        assertThat(set.path("task_duration_max_ms").asLong()).isEqualTo(30000);
        assertThat(sim.settings().taskDurationMax()).isEqualTo(Duration.ofSeconds(30));
        assertThat(admin(sim).get("/_sim/settings").json().path("task_duration_max_ms").asLong()).isEqualTo(30000);

        SimClient.Resp refused = admin(sim).post("/_sim/settings", Map.of("task_duration_max_ms", 1000));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text()).contains("taskDurationMax", "taskDuration ");
        assertThat(sim.settings().taskDurationMax()).isEqualTo(Duration.ofSeconds(30));

        admin(sim).post("/_sim/settings", "{\"task_duration_max_ms\":null}");
        assertThat(sim.settings().taskDurationMax()).isNull();
        assertThat(admin(sim).get("/_sim/settings").json().path("task_duration_max_ms").isNull()).isTrue();

        admin(sim).post("/_sim/settings", Map.of("task_duration_max_ms", 20000));
        sim.reset();
        assertThat(sim.settings().taskDurationMax()).isNull();
        assertThat(sim.settings().taskDuration()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void journalAndCounters(KooPhoneSimulator sim) {
        SimClient.of(sim).post("/v1/instances/reboot", Map.of("instance_ids", sim.inventory().ids()));
        SimClient.of(sim).get("/v1/instances/sku");
        JsonNode journal = admin(sim).get("/_sim/journal").json();
        assertThat(journal).hasSize(2);
        assertThat(journal.get(0).path("operation").asText()).isEqualTo("batchRebootInstance");
        assertThat(journal.get(0).path("executed").asBoolean()).isTrue();
        assertThat(journal.get(0).path("headers").path("x-auth-token").asText()).startsWith("****");
        assertThat(admin(sim).get("/_sim/journal?operation=batchShowSku").json()).hasSize(1);
        assertThat(admin(sim).get("/_sim/journal?since=1").json()).hasSize(1);

        JsonNode counters = admin(sim).get("/_sim/counters").json();
        assertThat(counters.path("batchRebootInstance").path("requests").asInt()).isEqualTo(1);
        assertThat(counters.path("batchRebootInstance").path("executed").asInt()).isEqualTo(1);

        assertThat(admin(sim).delete("/_sim/journal").status()).isEqualTo(200);
        assertThat(sim.journal().size()).isZero();
    }

    @Test
    void faultsOverHttp(KooPhoneSimulator sim) {
        admin(sim).post("/_sim/faults", Map.of("operation", "batchShowSku", "status", 429, "retry_after", 2, "times", 1));
        admin(sim).post("/_sim/faults", Map.of("path", "/v1/instances/batch-query", "business_error",
                "KOOPHONE.API.1004", "business_msg", "downstream failed", "times", 1));
        JsonNode listed = admin(sim).get("/_sim/faults").json();
        assertThat(listed.path("rules")).hasSize(2);
        assertThat(listed.path("rules").get(0).path("status").asInt()).isEqualTo(429);

        SimClient.Resp throttled = SimClient.of(sim).get("/v1/instances/sku");
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("Retry-After")).isEqualTo("2");
        SimClient.Resp business = SimClient.of(sim).get("/v1/instances/batch-query");
        assertThat(business.status()).isEqualTo(200);
        assertThat(business.code()).isEqualTo("KOOPHONE.API.1004");

        admin(sim).post("/_sim/faults", Map.of("operation", "batchShowSku", "drop", true));
        assertThatThrownBy(() -> SimClient.of(sim).sendOrThrow("GET", "/v1/instances/sku", null))
                .isInstanceOf(IOException.class);
        admin(sim).delete("/_sim/faults");
        assertThat(SimClient.of(sim).get("/v1/instances/sku").status()).isEqualTo(200);

        admin(sim).post("/_sim/faults", Map.of("random", Map.of("seed", 5, "status", Map.of("503", 1.0))));
        assertThat(SimClient.of(sim).get("/v1/instances/sku").status()).isEqualTo(503);
        assertThat(admin(sim).get("/_sim/faults").json().path("random").path("seed").asLong()).isEqualTo(5);
        admin(sim).post("/_sim/faults", "{\"random\":null}");
        assertThat(SimClient.of(sim).get("/v1/instances/sku").status()).isEqualTo(200);
    }

    @Test
    void instancesCanBeReadReplacedAndPatched(KooPhoneSimulator sim) {
        JsonNode all = admin(sim).get("/_sim/instances").json();
        assertThat(all).hasSize(3);
        assertThat(all.get(0).has("installed_apps")).isTrue();

        admin(sim).put("/_sim/instances", List.of(
                Map.of("instance_id", "abc12345", "instance_name", "mine-1", "running_status", 1),
                Map.of("instance_id", "abc12346", "pool_scene_tag", "CLOUD_APP")));
        assertThat(sim.inventory().ids()).containsExactly("abc12345", "abc12346");
        SimInstance first = sim.inventory().require("abc12345");
        assertThat(first.runningStatus()).isEqualTo(1);
        assertThat(first.projectId()).isEqualTo(KooPhoneSimulator.DEFAULT_PROJECT_ID);
        assertThat(first.phoneId()).matches("[0-9a-f]{32}");

        JsonNode patched = admin(sim).put("/_sim/instances/abc12345", Map.of("frozen_status", 1, "fail_jobs", true))
                .json();
        assertThat(patched.path("frozen_status").asInt()).isEqualTo(1);
        assertThat(patched.path("instance_name").asText()).isEqualTo("mine-1");
        assertThat(sim.inventory().require("abc12345").failJobs()).isTrue();

        assertThat(admin(sim).get("/_sim/instances/abc12346").json().path("pool_scene_tag").asText())
                .isEqualTo("CLOUD_APP");
        assertThat(admin(sim).delete("/_sim/instances/abc12346").status()).isEqualTo(200);
        assertThat(admin(sim).get("/_sim/instances/abc12346").status()).isEqualTo(404);
        assertThat(admin(sim).put("/_sim/instances", "{}").status()).isEqualTo(400);
    }

    @Test
    void tasksClockAndReset(KooPhoneSimulator sim) {
        String taskId = SimClient.of(sim).post("/v1/instances/batch-reset", Map.of("instance_ids", sim.inventory().ids()))
                .data().path("task_id").asText();
        JsonNode tasks = admin(sim).get("/_sim/tasks").json();
        assertThat(tasks).hasSize(1);
        assertThat(tasks.get(0).path("finished").asBoolean()).isFalse();
        assertThat(tasks.get(0).path("jobs").get(0).has("instance_id")).isTrue();

        JsonNode clock = admin(sim).post("/_sim/clock", Map.of("advance_ms", 5000)).json();
        assertThat(clock.path("offset_ms").asLong()).isEqualTo(5000);
        assertThat(admin(sim).get("/_sim/tasks/" + taskId).json().path("finished").asBoolean()).isTrue();

        SimClient.of(sim).post("/v1/instances/batch-reset", Map.of("instance_ids", sim.inventory().ids()));
        admin(sim).post("/_sim/tasks/complete", null);
        assertThat(sim.tasks().all()).allMatch(SimTask::finished);

        admin(sim).post("/_sim/reset", null);
        assertThat(sim.tasks().all()).isEmpty();
        assertThat(sim.journal().size()).isZero();
        assertThat(sim.clock().offset()).isZero();
    }

    @Test
    void revokeTokensOverHttp(KooPhoneSimulator sim) {
        String token = IamTokenTest.login(sim);
        assertThat(admin(sim).post("/_sim/revoke-tokens", null).json().path("revoked").asInt()).isPositive();
        assertThat(SimClient.of(sim).token(token).get("/v1/instances/sku").status()).isEqualTo(401);
    }

    @Test
    void adminCallsAreNotJournaledAndUnknownOnesAre404(KooPhoneSimulator sim) {
        admin(sim).get("/_sim/health");
        assertThat(sim.journal().size()).isZero();
        assertThat(admin(sim).get("/_sim/nothing").status()).isEqualTo(404);
    }
}
