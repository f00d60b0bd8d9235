package io.github.camelkoophone.simulator.state;

import io.github.camelkoophone.simulator.KooPhoneSimulator;
import io.github.camelkoophone.simulator.OperationShapesTest;
import io.github.camelkoophone.simulator.SimClient;
import io.github.camelkoophone.simulator.http.ErrorCodes;
import io.github.camelkoophone.simulator.junit.KooPhoneSimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** How operations change the inventory, and when. */
class StateTransitionTest {

    @RegisterExtension
    static final KooPhoneSimulatorExtension KOOPHONE = KooPhoneSimulatorExtension.create(b -> b
            .instances(4).taskDuration(Duration.ofSeconds(2))
            // A frozen base clock: only advance() moves time, so boundaries can be checked to the millisecond.
            .clock(Clock.fixed(Instant.parse("2025-06-01T08:00:00Z"), ZoneOffset.UTC)));

    private static int status(KooPhoneSimulator sim, String id) {
        return SimClient.of(sim).post("/v1/instances/batch-query-status", Map.of("instance_ids", List.of(id)))
                .data().path("status_results").get(0).path("status").asInt();
    }

    @Test
    void resetTakesThePhoneThroughStartingBackToRunningAndWipesApps(KooPhoneSimulator sim) {
        String id = sim.inventory().ids().get(0);
        sim.inventory().update(id, i -> i.installedApps(List.of("com.old.app")).streaming(true));
        SimClient.of(sim).post("/v1/instances/batch-reset", Map.of("instance_ids", List.of(id)));
        assertThat(status(sim, id)).isEqualTo(SimInstance.STATUS_STARTING);

        sim.clock().advance(Duration.ofMillis(1999));
        assertThat(status(sim, id)).isEqualTo(SimInstance.STATUS_STARTING);
        sim.clock().advance(Duration.ofMillis(1));
        assertThat(status(sim, id)).isEqualTo(SimInstance.STATUS_RUNNING);
        SimInstance after = sim.inventory().require(id);
        assertThat(after.installedApps()).isEmpty();
        assertThat(after.streaming()).isFalse();
    }

    @Test
    void failedResetRollsBackTheStatus(KooPhoneSimulator sim) {
        String id = sim.inventory().ids().get(0);
        sim.inventory().update(id, i -> i.failJobs(true).runningStatus(SimInstance.STATUS_STOPPED));
        String taskId = SimClient.of(sim).post("/v1/instances/batch-reset", Map.of("instance_ids", List.of(id)))
                .data().path("task_id").asText();
        sim.clock().advance(Duration.ofSeconds(2));
        assertThat(status(sim, id)).isEqualTo(SimInstance.STATUS_STOPPED);
        SimJob job = sim.tasks().get(taskId).orElseThrow().jobs().get(0);
        assertThat(job.status()).isEqualTo(SimJob.FAILED);
        assertThat(job.errorCode()).isEqualTo("CPS.0191");
    }

    @Test
    void rebootComesBackAfterTheTaskDuration(KooPhoneSimulator sim) {
        String id = sim.inventory().ids().get(1);
        SimClient.of(sim).post("/v1/instances/reboot", Map.of("instance_ids", List.of(id)));
        assertThat(status(sim, id)).isEqualTo(SimInstance.STATUS_STARTING);
        sim.clock().advance(Duration.ofSeconds(2));
        assertThat(status(sim, id)).isEqualTo(SimInstance.STATUS_RUNNING);
        // Reboots create no queryable task.
        assertThat(sim.tasks().all()).isEmpty();
    }

    @Test
    void assignThenUnassign(KooPhoneSimulator sim) {
        String id = sim.inventory().ids().get(2);
        SimClient.of(sim).post("/v1/instances/assign",
                Map.of("user_instances", List.of(Map.of("user_id", "u1", "instance_id", id))));
        SimInstance assigned = sim.inventory().require(id);
        assertThat(assigned.assignStatus()).isEqualTo(1);
        assertThat(assigned.assignUser()).isEqualTo("u1");
        assertThat(SimClient.of(sim).get("/v1/instances/batch-query?instance_id=" + id).data().path("result").get(0)
                .path("assign_user").asText()).isEqualTo("u1");

        // Assigning again to the same user is harmless; to another user is refused.
        assertThat(SimClient.of(sim).post("/v1/instances/assign",
                Map.of("user_instances", List.of(Map.of("user_id", "u1", "instance_id", id)))).code()).isEqualTo("0");
        SimClient.Resp taken = SimClient.of(sim).post("/v1/instances/assign",
                Map.of("user_instances", List.of(Map.of("user_id", "u2", "instance_id", id))));
        assertThat(taken.status()).isEqualTo(200);
        assertThat(taken.code()).isEqualTo(ErrorCodes.ALREADY_ASSIGNED);

        SimClient.Resp wrongUser = SimClient.of(sim).post("/v1/instances/unassign",
                Map.of("user_instances", List.of(Map.of("user_id", "u2", "instance_id", id))));
        assertThat(wrongUser.code()).isEqualTo(ErrorCodes.NOT_ASSIGNED);

        SimClient.of(sim).post("/v1/instances/unassign",
                Map.of("user_instances", List.of(Map.of("user_id", "u1", "instance_id", id))));
        assertThat(sim.inventory().require(id).assignUser()).isEqualTo("u1");
        sim.clock().advance(Duration.ofSeconds(2));
        SimInstance released = sim.inventory().require(id);
        assertThat(released.assignStatus()).isZero();
        assertThat(released.assignUser()).isNull();
        assertThat(released.runningStatus()).isEqualTo(SimInstance.STATUS_RUNNING);
    }

    @Test
    void createdInstancesBootThenRun(KooPhoneSimulator sim) {
        String newId = SimClient.of(sim).post("/v1/instances/create", OperationShapesTest.createBody(1)).data()
                .path("instanceInfos").get(0).path("instanceId").asText();
        SimInstance created = sim.inventory().require(newId);
        assertThat(created.runningStatus()).isEqualTo(SimInstance.STATUS_STARTING);
        assertThat(created.os()).isEqualTo("AOSP11");
        assertThat(created.skuId()).isEqualTo("kp.professional.2xlarge.128g.2");
        sim.clock().advance(Duration.ofSeconds(2));
        assertThat(status(sim, newId)).isEqualTo(SimInstance.STATUS_RUNNING);
        assertThat(SimClient.of(sim).get("/v1/instances/batch-query?page_size=100").data().path("total_count").asInt())
                .isEqualTo(5);
    }

    @Test
    void deletedInstancesAreGone(KooPhoneSimulator sim) {
        String id = sim.inventory().ids().get(3);
        SimClient.of(sim).post("/v1/instances/delete", Map.of("instanceIdList", List.of(id)));
        assertThat(status(sim, id)).isEqualTo(SimInstance.STATUS_UNKNOWN);
        SimClient.Resp again = SimClient.of(sim).post("/v1/instances/delete", Map.of("instanceIdList", List.of(id)));
        assertThat(again.code()).isEqualTo(ErrorCodes.INSTANCE_NOT_FOUND);
    }

    @Test
    void backupSetsStatusAndTime(KooPhoneSimulator sim) {
        String id = sim.inventory().ids().get(0);
        SimClient.of(sim).post("/v1/instances/backup", Map.of("instance_ids", List.of(id)));
        assertThat(sim.inventory().require(id).backupStatus()).isEqualTo(1);
        sim.clock().advance(Duration.ofSeconds(2));
        SimInstance backedUp = sim.inventory().require(id);
        assertThat(backedUp.backupStatus()).isEqualTo(2);
        assertThat(backedUp.backupTime()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
    }

    @Test
    void prepareProgressMovesFromQueuedToReady(KooPhoneSimulator sim) {
        String id = sim.inventory().ids().get(0);
        Map<String, Object> progress = Map.of("user_id", "u9", "instance_id", id);
        assertThat(SimClient.of(sim).post("/v1/instances/prepare-progress", progress).data().path("status").asInt())
                .isEqualTo(PrepareTracker.NOT_REQUESTED);

        SimClient.of(sim).post("/v1/instances/prepare", Map.of("user_id", "u9", "instance_ids", List.of(id)));
        assertThat(SimClient.of(sim).post("/v1/instances/prepare", Map.of("user_id", "u9", "instance_ids", List.of(id)))
                .data().path("status_list").get(0).path("status").asInt()).isEqualTo(1);
        assertThat(SimClient.of(sim).post("/v1/instances/prepare-progress", progress).data().path("status").asInt())
                .isEqualTo(PrepareTracker.QUEUED);
        sim.clock().advance(Duration.ofSeconds(1));
        assertThat(SimClient.of(sim).post("/v1/instances/prepare-progress", progress).data().path("status").asInt())
                .isEqualTo(PrepareTracker.PREPARING);
        sim.clock().advance(Duration.ofSeconds(1));
        assertThat(SimClient.of(sim).post("/v1/instances/prepare-progress", progress).data().path("status").asInt())
                .isEqualTo(PrepareTracker.READY);
    }

    @Test
    void commandsFailOnStoppedPhones(KooPhoneSimulator sim) {
        String id = sim.inventory().ids().get(0);
        sim.inventory().update(id, i -> i.runningStatus(SimInstance.STATUS_STOPPED));
        var result = SimClient.of(sim).post("/v1/instances/sync-command",
                Map.of("command", "whoami", "instance_ids", List.of(id))).data().path("cmd_results").get(0);
        assertThat(result.path("status").asInt()).isEqualTo(-1);
        assertThat(result.path("error_code").asText()).isEqualTo("CPS.0191");
    }

    @Test
    void resetBetweenTestsRestoresTheSeededInventory(KooPhoneSimulator sim) {
        assertThat(sim.inventory().size()).isEqualTo(4);
        assertThat(sim.inventory().all()).allSatisfy(i -> {
            assertThat(i.runningStatus()).isEqualTo(SimInstance.STATUS_RUNNING);
            assertThat(i.assignUser()).isNull();
        });
        assertThat(sim.journal().size()).isZero();
        assertThat(sim.clock().offset()).isZero();
    }
}
