package io.github.camelkoophone.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelkoophone.simulator.junit.KooPhoneSimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The happy path of each of the 20 operations, checked against the documented JSON shapes. */
public class OperationShapesTest {

    @RegisterExtension
    static final KooPhoneSimulatorExtension KOOPHONE = KooPhoneSimulatorExtension.create(b -> b
            .instances(3).taskDuration(Duration.ofMillis(500)));

    private static SimClient client(KooPhoneSimulator sim) {
        return SimClient.of(sim);
    }

    private static void assertOk(SimClient.Resp r) {
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.code()).as(r.text()).isEqualTo("0");
        assertThat(r.json().has("error_msg")).isTrue();
    }

    @Test
    void syncCommand(KooPhoneSimulator sim) {
        List<String> ids = sim.inventory().ids();
        SimClient.Resp r = client(sim).post("/v1/instances/sync-command",
                Map.of("command", "echo hi there", "instance_ids", List.of(ids.get(0), "nosuch01")));
        assertOk(r);
        JsonNode results = r.data().path("cmd_results");
        assertThat(results).hasSize(2);
        assertThat(results.get(0).path("instance_id").asText()).isEqualTo(ids.get(0));
        assertThat(results.get(0).path("status").asInt()).isEqualTo(2);
        assertThat(results.get(0).path("error_code").asText()).isEmpty();
        assertThat(results.get(0).path("execute_msg").asText()).isEqualTo("hi there");
        assertThat(results.get(1).path("status").asInt()).isEqualTo(-1);
        assertThat(results.get(1).path("error_code").asText()).isEqualTo("CPS0005");
    }

    @Test
    void asyncCommandAndGetTask(KooPhoneSimulator sim) {
        List<String> ids = sim.inventory().ids();
        SimClient.Resp r = client(sim).post("/v1/instances/async-command",
                Map.of("command", "ls -l /system", "instance_ids", ids));
        assertOk(r);
        String taskId = r.data().path("task_id").asText();
        assertThat(taskId).matches("[0-9a-f]{32}");
        JsonNode jobs = r.data().path("cmd_jobs");
        assertThat(jobs).hasSize(3);
        assertThat(jobs.get(0).path("instance_id").asText()).isEqualTo(ids.get(0));
        assertThat(jobs.get(0).path("job_id").asText()).matches("[0-9a-f]{32}");

        SimClient.Resp running = client(sim).get("/v1/instances/tasks/" + taskId);
        assertOk(running);
        JsonNode job = running.data().path("jobs").get(0);
        assertThat(job.path("job_id").asText()).isEqualTo(jobs.get(0).path("job_id").asText());
        assertThat(job.path("status").asInt()).isEqualTo(1);
        assertThat(job.has("execute_msg")).isTrue();

        sim.clock().advance(Duration.ofMillis(500));
        JsonNode done = client(sim).get("/v1/instances/tasks/" + taskId).data().path("jobs").get(0);
        assertThat(done.path("status").asInt()).isEqualTo(2);
        assertThat(done.path("error_code").asText()).isEmpty();
        assertThat(done.path("error_msg").asText()).isEmpty();
        assertThat(done.path("execute_msg").asText()).contains("total 0");
    }

    @Test
    void setVideoConfig(KooPhoneSimulator sim) {
        String id = sim.inventory().ids().get(0);
        Map<String, Object> spec = Map.of("code_rate", 6000, "fps", 30);
        SimClient.Resp r = client(sim).put("/v1/instances/video-setting", Map.of("instance_ids", List.of(id),
                "instance_settings", List.of(Map.of("network_type", "WIRED", "encoding_type", "H265",
                        "video_spec_groups", List.of(Map.of("definition_540P", spec, "definition_720P", spec,
                                "definition_1080P", Map.of("code_rate", 8000, "fps", 60)))))));
        assertOk(r);
        assertThat(r.json().has("data")).isFalse();
        assertThat(sim.inventory().require(id).videoSettings().get(0).path("encoding_type").asText()).isEqualTo("H265");
    }

    @Test
    void batchQueryStatus(KooPhoneSimulator sim) {
        String id = sim.inventory().ids().get(0);
        SimClient.Resp r = client(sim).post("/v1/instances/batch-query-status",
                Map.of("instance_ids", List.of(id, "unknown1")));
        assertOk(r);
        JsonNode results = r.data().path("status_results");
        assertThat(results.get(0).path("instance_id").asText()).isEqualTo(id);
        assertThat(results.get(0).path("status").asInt()).isEqualTo(2);
        assertThat(results.get(1).path("status").asInt()).isEqualTo(0);
    }

    @Test
    void batchReset(KooPhoneSimulator sim) {
        List<String> ids = sim.inventory().ids().subList(0, 2);
        SimClient.Resp r = client(sim).post("/v1/instances/batch-reset", Map.of("instance_ids", ids));
        assertOk(r);
        assertThat(r.data().path("task_id").asText()).matches("RM_[0-9a-f]{32}");
        assertThat(r.data().path("cmd_jobs")).hasSize(2);
        assertThat(r.data().has("ecmd_jobs")).isFalse();
    }

    @Test
    void getDeviceToken(KooPhoneSimulator sim) {
        String id = sim.inventory().ids().get(1);
        SimClient.Resp r = client(sim).post("/v1/instances/" + id + "/auth", null);
        assertOk(r);
        JsonNode data = r.data();
        assertThat(data.path("device_token").asText()).matches("[0-9a-f]{32}");
        assertThat(data.path("streamingId").asText()).isNotEmpty();
        JsonNode resource = data.path("resource");
        assertThat(resource.path("kp_id").asText()).isEqualTo(id);
        assertThat(resource.path("device_id").asText()).matches("[0-9a-f]{32}");
        assertThat(resource.path("sdk").path("internal").path("aport").isTextual()).isTrue();
        assertThat(resource.path("sdk").path("internal").path("atype").isTextual()).isTrue();
        assertThat(resource.path("sdk").path("external").path("aport").isInt()).isTrue();
        assertThat(resource.path("sdk").path("external").path("atype").isInt()).isTrue();
        assertThat(resource.path("sdk").path("external").has("address_ipv6")).isTrue();
        JsonNode signaling = resource.path("rtc").path("ice_signaling");
        assertThat(signaling.path("signaling_url").asText()).startsWith("http");
        assertThat(signaling.has("expired_time")).isTrue();
        assertThat(signaling.path("ice_servers").isArray()).isTrue();
    }

    @Test
    void assignAndUnassignInstance(KooPhoneSimulator sim) {
        String id = sim.inventory().ids().get(0);
        SimClient.Resp assign = client(sim).post("/v1/instances/assign",
                Map.of("user_instances", List.of(Map.of("user_id", "1123422", "instance_id", id))));
        assertOk(assign);
        assertThat(assign.json().has("data")).isFalse();

        // The reference's unassign example sends the user id as a number.
        SimClient.Resp unassign = client(sim).post("/v1/instances/unassign",
                Map.of("user_instances", List.of(Map.of("user_id", 1123422, "instance_id", id))));
        assertOk(unassign);
        assertThat(unassign.data().path("task_id").asText()).startsWith("RM_");
        assertThat(unassign.data().path("cmd_jobs").get(0).path("instance_id").asText()).isEqualTo(id);
    }

    @Test
    void listInstances(KooPhoneSimulator sim) {
        SimClient.Resp r = client(sim).get("/v1/instances/batch-query?page_no=1&page_size=2");
        assertOk(r);
        JsonNode data = r.data();
        assertThat(data.path("page_no").asInt()).isEqualTo(1);
        assertThat(data.path("page_size").asInt()).isEqualTo(2);
        assertThat(data.path("total_count").asInt()).isEqualTo(3);
        assertThat(data.path("result")).hasSize(2);
        JsonNode record = data.path("result").get(0);
        assertThat(record.fieldNames()).toIterable().containsExactly("instance_id", "instance_name", "region",
                "instance_sku", "frozen_status", "running_status", "login_status", "assign_status", "assign_user",
                "billing_mode", "project_id", "project_name", "phone_id", "member_name", "account_name", "region_name",
                "region_name_en", "backup_status", "backup_time", "restore_status", "restore_time");
        assertThat(record.path("region").asText()).isEqualTo("cn-north-7");
        assertThat(record.path("project_id").asText()).isEqualTo(KooPhoneSimulator.DEFAULT_PROJECT_ID);
        assertThat(record.path("instance_name").asText()).isEqualTo("koophone-00001");
        assertThat(record.path("running_status").asInt()).isEqualTo(2);

        SimClient.Resp page2 = client(sim).get("/v1/instances/batch-query?page_no=2&page_size=2");
        assertThat(page2.data().path("result")).hasSize(1);
    }

    @Test
    void listInstancesFilters(KooPhoneSimulator sim) {
        String id = sim.inventory().ids().get(2);
        assertThat(client(sim).get("/v1/instances/batch-query?instance_id=" + id).data().path("result"))
                .hasSize(1);
        assertThat(client(sim).get("/v1/instances/batch-query?instance_name=00002").data().path("total_count").asInt())
                .isEqualTo(1);
        assertThat(client(sim).get("/v1/instances/batch-query?pool_scene_tag=CLOUD_APP").data().path("total_count")
                .asInt()).isZero();
        assertThat(client(sim).get("/v1/instances/batch-query?poolSceneTag=CLOUD_PHONE").data().path("total_count")
                .asInt()).isEqualTo(3);
        String created = sim.inventory().require(id).createTime();
        assertThat(client(sim).get("/v1/instances/batch-query?query_start_time=" + created.replace(" ", "%20"))
                .data().path("total_count").asInt()).isEqualTo(1);
        assertThat(client(sim).get("/v1/instances/batch-query?query_end_time=" + created.replace(" ", "%20"))
                .data().path("total_count").asInt()).isEqualTo(3);
    }

    @Test
    void batchRebootInstance(KooPhoneSimulator sim) {
        SimClient.Resp r = client(sim).post("/v1/instances/reboot", Map.of("instance_ids", sim.inventory().ids()));
        assertOk(r);
        assertThat(r.json().has("data")).isFalse();
    }

    @Test
    void batchShowSku(KooPhoneSimulator sim) {
        SimClient.Resp r = client(sim).get("/v1/instances/sku");
        assertOk(r);
        JsonNode data = r.data();
        assertThat(data.path("bandInfo").path("cbcSkuId").asText()).isEqualTo("kp.bandwidth");
        assertThat(data.path("bandInfo").path("id").asText()).isNotEmpty();
        JsonNode region = data.path("skuSpecResponseList").get(0);
        assertThat(region.path("regionId").asText()).isEqualTo("cn-north-7");
        JsonNode sku = region.path("skuResponses").get(0);
        for (String field : List.of("type", "cbcSkuId", "name", "calcSpec", "storageSpec", "specDesc", "specDescEn",
                "bandSize", "chargeMode", "maxResolution", "poolinfo", "nestinfo")) {
            assertThat(sku.has(field)).as(field).isTrue();
        }
        JsonNode aosp = sku.path("poolinfo").path("aosp").get(0);
        assertThat(aosp.fieldNames()).toIterable().contains("version", "resPoolId", "id", "network", "enable");

        JsonNode enterprise = client(sim).get("/v1/instances/sku?type=ENTERPRISE").data();
        assertThat(enterprise.findValuesAsText("type")).containsOnly("ENTERPRISE");
    }

    public static Map<String, Object> createBody(int count) {
        return Map.of("os", "AOSP11", "instanceSkuId", "kp.professional.2xlarge.128g.2", "bandSkuId", "kp.bandwidth",
                "regionId", "cn-north-7", "instanceNamePrefix", "koophone", "bandSize", 4, "count", count,
                "chargeParam", Map.of("chargingMode", 1, "periodType", 2, "periodNum", 1, "isAutoPay", 1,
                        "isAutoRenew", 1),
                "network", "EIP");
    }

    @Test
    void createInstance(KooPhoneSimulator sim) {
        SimClient.Resp r = client(sim).post("/v1/instances/create", createBody(2));
        assertOk(r);
        assertThat(r.data().path("orderId").asText()).matches("CS\\d{10}[A-Z0-9]{5}");
        JsonNode infos = r.data().path("instanceInfos");
        assertThat(infos).hasSize(2);
        assertThat(infos.get(0).path("instanceId").asText()).hasSize(8);
        assertThat(infos.get(0).path("instanceName").asText()).isEqualTo("koophone-00001");
        assertThat(sim.inventory().size()).isEqualTo(5);
    }

    @Test
    void deleteInstance(KooPhoneSimulator sim) {
        String id = sim.inventory().ids().get(0);
        SimClient.Resp r = client(sim).post("/v1/instances/delete", Map.of("instanceIdList", List.of(id)));
        assertOk(r);
        assertThat(r.json().has("data")).isTrue();
        assertThat(r.json().get("data").isNull()).isTrue();
        assertThat(sim.inventory().get(id)).isEmpty();
    }

    @Test
    void batchPrepareInstancesAndShowProgress(KooPhoneSimulator sim) {
        List<String> ids = sim.inventory().ids();
        SimClient.Resp r = client(sim).post("/v1/instances/prepare",
                Map.of("user_id", "1008600000104285462", "instance_ids", ids.subList(0, 2)));
        assertOk(r);
        JsonNode list = r.data().path("status_list");
        assertThat(list).hasSize(2);
        assertThat(list.get(0).path("instance_id").asText()).isEqualTo(ids.get(0));
        assertThat(list.get(0).path("status").asInt()).isZero();

        SimClient.Resp p = client(sim).post("/v1/instances/prepare-progress",
                Map.of("user_id", "1008600000104285462", "instance_id", ids.get(0)));
        assertOk(p);
        assertThat(p.data().path("status").asInt()).isZero();
        assertThat(p.data().has("waitingCount")).isTrue();
    }

    @Test
    void batchBackupInstances(KooPhoneSimulator sim) {
        List<String> ids = sim.inventory().ids();
        SimClient.Resp r = client(sim).post("/v1/instances/backup", Map.of("instance_ids", ids.subList(0, 2)));
        assertOk(r);
        assertThat(r.data().path("task_id").asText()).startsWith("RM_");
        assertThat(r.data().path("cmd_jobs")).hasSize(2);

        // The reference's example body uses user_id/instance_id.
        SimClient.Resp single = client(sim).post("/v1/instances/backup",
                Map.of("user_id", "1", "instance_id", ids.get(2)));
        assertOk(single);
        assertThat(single.data().path("cmd_jobs").get(0).path("instance_id").asText()).isEqualTo(ids.get(2));
    }

    @Test
    void stopInstancesStreamingAndReleaseSession(KooPhoneSimulator sim) {
        String id = sim.inventory().ids().get(0);
        client(sim).post("/v1/instances/" + id + "/auth", null);
        assertThat(sim.inventory().require(id).streaming()).isTrue();

        SimClient.Resp stop = client(sim).post("/v1/instances/streaming/stop", Map.of("instance_id", id));
        assertOk(stop);
        assertThat(sim.inventory().require(id).streaming()).isFalse();

        SimClient.Resp release = client(sim).post("/v1/instances/session/release", Map.of("instance_id", id));
        assertOk(release);
        assertThat(sim.inventory().require(id).sessionActive()).isFalse();
        assertThat(sim.inventory().require(id).loginStatus()).isZero();
    }

    static Map<String, Object> installBody(List<String> ids) {
        return Map.of("fast_install", "1", "object_name", "com.example.app", "file_name", "app.apk",
                "object_version", "8.0.58", "object_size", 120, "biz_type", "apk",
                "content_type", "application/octet-stream", "content_md5", "fghfg",
                "install_package_url", "https://obs.example.com/app.apk", "instance_id_list", ids);
    }

    @Test
    void installApp(KooPhoneSimulator sim) {
        List<String> ids = sim.inventory().ids().subList(0, 2);
        SimClient.Resp r = client(sim).post("/v1/instances/app/install", installBody(ids));
        assertOk(r);
        JsonNode inner = r.data().path("data");
        assertThat(inner.path("task_id").asText()).startsWith("ZGCA").hasSize(36);
        assertThat(inner.path("cmd_jobs")).hasSize(2);
        assertThat(inner.path("cmd_jobs").get(1).path("instance_id").asText()).isEqualTo(ids.get(1));

        sim.clock().advance(Duration.ofSeconds(1));
        assertThat(sim.inventory().require(ids.get(0)).installedApps()).containsExactly("com.example.app");
        JsonNode jobs = client(sim).get("/v1/instances/tasks/" + inner.path("task_id").asText()).data().path("jobs");
        assertThat(jobs.get(0).path("status").asInt()).isEqualTo(2);
    }

    @Test
    void unknownPathIs404FromTheGateway(KooPhoneSimulator sim) {
        SimClient.Resp r = client(sim).get("/v1/instances/nothing-here");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.code()).isEqualTo("APIGW.0101");
    }

    @Test
    void everyContractOperationIsServed(KooPhoneSimulator sim) {
        assertThat(sim.operations()).containsExactlyInAnyOrder("iamToken", "syncCommand", "asyncCommand", "getTask",
                "setVideoConfig", "batchQueryStatus", "batchReset", "getDeviceToken", "assignInstance",
                "unassignInstance", "listInstances", "batchRebootInstance", "batchShowSku", "createInstance",
                "deleteInstance", "batchPrepareInstances", "showProgress", "batchBackupInstances",
                "stopInstancesStreaming", "releaseInstancesSession", "installApp",
                // CPH mode
                "listCloudPhones", "restartCloudPhones", "listJobs", "showJob");
    }
}
