package io.github.camelkoophone.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelkoophone.simulator.junit.KooPhoneSimulatorExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The reference examples' odd shapes, on demand. */
class QuirkModeTest {

    @RegisterExtension
    static final KooPhoneSimulatorExtension KOOPHONE = KooPhoneSimulatorExtension.create(b -> b
            .instances(3).quirkMode(true).busyCheck(false));

    private List<String> ids;

    @BeforeEach
    void ids() {
        ids = KOOPHONE.inventory().ids();
    }

    @Test
    void jobListsAreSpelledEcmdJobs(KooPhoneSimulator sim) {
        JsonNode reset = SimClient.of(sim).post("/v1/instances/batch-reset", Map.of("instance_ids", ids)).data();
        assertThat(reset.has("ecmd_jobs")).isTrue();
        assertThat(reset.has("cmd_jobs")).isFalse();
        assertThat(reset.path("ecmd_jobs")).hasSize(3);

        SimClient.of(sim).post("/v1/instances/assign",
                Map.of("user_instances", List.of(Map.of("user_id", "u", "instance_id", ids.get(0)))));
        JsonNode unassign = SimClient.of(sim).post("/v1/instances/unassign",
                Map.of("user_instances", List.of(Map.of("user_id", "u", "instance_id", ids.get(0))))).data();
        assertThat(unassign.has("ecmd_jobs")).isTrue();

        JsonNode backup = SimClient.of(sim).post("/v1/instances/backup", Map.of("instance_ids", ids)).data();
        assertThat(backup.has("ecmd_jobs")).isTrue();

        // asyncCommand and installApp keep cmd_jobs, as their examples do.
        assertThat(SimClient.of(sim).post("/v1/instances/async-command",
                Map.of("command", "whoami", "instance_ids", ids)).data().has("cmd_jobs")).isTrue();
        assertThat(SimClient.of(sim).post("/v1/instances/app/install", OperationShapesTest.installBody(ids)).data()
                .path("data").has("cmd_jobs")).isTrue();
    }

    @Test
    void syncCommandSaysEmdResults(KooPhoneSimulator sim) {
        JsonNode data = SimClient.of(sim).post("/v1/instances/sync-command",
                Map.of("command", "whoami", "instance_ids", ids)).data();
        assertThat(data.has("emd_results")).isTrue();
        assertThat(data.path("emd_results").get(0).path("execute_msg").asText()).isEqualTo("root");
    }

    @Test
    void batchQueryStatusHasNoDataWrapper(KooPhoneSimulator sim) {
        SimClient.Resp r = SimClient.of(sim).post("/v1/instances/batch-query-status", Map.of("instance_ids", ids));
        assertThat(r.json().has("data")).isFalse();
        assertThat(r.json().path("status_results")).hasSize(3);
        assertThat(r.code()).isEqualTo("0");
    }

    @Test
    void listInstancesPagingBesideData(KooPhoneSimulator sim) {
        JsonNode root = SimClient.of(sim).get("/v1/instances/batch-query?page_size=2").json();
        assertThat(root.path("page_no").asInt()).isEqualTo(1);
        assertThat(root.path("page_size").asInt()).isEqualTo(2);
        assertThat(root.path("total_count").asInt()).isEqualTo(3);
        assertThat(root.path("data").has("page_no")).isFalse();
        assertThat(root.path("data").path("result")).hasSize(2);
    }

    @Test
    void installAppIsAlwaysNestedAndDeviceTokenTypesAreMixed(KooPhoneSimulator sim) {
        JsonNode install = SimClient.of(sim).post("/v1/instances/app/install", OperationShapesTest.installBody(ids)).data();
        assertThat(install.path("data").path("task_id").asText()).startsWith("ZGCA");

        JsonNode sdk = SimClient.of(sim).post("/v1/instances/" + ids.get(0) + "/auth", null).data()
                .path("resource").path("sdk");
        assertThat(sdk.path("internal").path("aport").isTextual()).isTrue();
        assertThat(sdk.path("external").path("aport").isInt()).isTrue();
    }

    @Test
    void errorsSpellErrorInfo(KooPhoneSimulator sim) {
        SimClient.Resp r = SimClient.of(sim).post("/v1/instances/sync-command",
                Map.of("command", "x".repeat(2000), "instance_ids", ids));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().has("error_info")).isTrue();
        assertThat(r.json().has("error_msg")).isFalse();
    }

    @Test
    void quirkModeCanBeSwitchedOffAtRuntime(KooPhoneSimulator sim) {
        sim.quirkMode(false);
        assertThat(SimClient.of(sim).post("/v1/instances/batch-reset", Map.of("instance_ids", ids)).data()
                .has("cmd_jobs")).isTrue();
    }
}
