package io.github.camelkoophone.component.koophone;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelkoophone.component.koophone.model.BatchQueryStatusResult;
import io.github.camelkoophone.component.koophone.model.BatchShowSkuResult;
import io.github.camelkoophone.component.koophone.model.CmdJob;
import io.github.camelkoophone.component.koophone.model.CreateInstanceResult;
import io.github.camelkoophone.component.koophone.model.DeviceTokenResult;
import io.github.camelkoophone.component.koophone.model.GetTaskResult;
import io.github.camelkoophone.component.koophone.model.InstanceStatus;
import io.github.camelkoophone.component.koophone.model.ListInstancesResult;
import io.github.camelkoophone.component.koophone.model.NoDataResult;
import io.github.camelkoophone.component.koophone.model.PrepareInstancesResult;
import io.github.camelkoophone.component.koophone.model.ShowProgressResult;
import io.github.camelkoophone.component.koophone.model.SyncCommandResult;
import io.github.camelkoophone.component.koophone.model.TaskResult;
import io.github.camelkoophone.simulator.http.ErrorCodes;
import io.github.camelkoophone.simulator.journal.JournalEntry;
import io.github.camelkoophone.simulator.state.SimInstance;
import io.github.camelkoophone.simulator.state.SimJob;
import io.github.camelkoophone.simulator.state.SimTask;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.camelkoophone.component.koophone.KooPhoneConstants.COMMAND;
import static io.github.camelkoophone.component.koophone.KooPhoneConstants.INSTANCE_ID;
import static io.github.camelkoophone.component.koophone.KooPhoneConstants.INSTANCE_IDS;
import static io.github.camelkoophone.component.koophone.KooPhoneConstants.TASK_ID;
import static io.github.camelkoophone.component.koophone.KooPhoneConstants.TASK_IDS;
import static io.github.camelkoophone.component.koophone.KooPhoneConstants.USER_ID;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * All 20 operations through {@code koophone:<operation>} against the simulator, asserting what they did to the
 * simulated cloud (inventory, tasks, journal), not only that they answered. Tasks take one simulated minute; tests
 * move the simulator's clock instead of waiting.
 */
class KooPhoneSimulatorOperationsTest extends SimulatorTestSupport {

    private static final Duration PAST_TASKS = Duration.ofMinutes(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    private List<String> ids;

    @BeforeEach
    void instanceIds() {
        ids = sim.inventory().ids();
        assertThat(ids).hasSize(10);
    }

    // ---------------------------------------------------------------------------------------------- commands

    @Test
    void syncCommandReportsOneResultPerInstanceWithItsOutput() {
        sim.inventory().update(ids.get(2), i -> i.runningStatus(SimInstance.STATUS_STOPPED));

        SyncCommandResult result = ok(call("koophone:syncCommand", null,
                Map.of(COMMAND, "echo hello-camel", INSTANCE_IDS, ids.subList(0, 3))), SyncCommandResult.class);

        Map<String, SyncCommandResult.CommandResult> byId = new HashMap<>();
        result.getCmdResults().forEach(r -> byId.put(r.getInstanceId(), r));
        assertThat(byId).containsOnlyKeys(ids.subList(0, 3));
        for (String id : ids.subList(0, 2)) {
            assertThat(byId.get(id).getStatus()).isEqualTo(SimJob.SUCCEEDED);
            assertThat(byId.get(id).getExecuteMsg()).isEqualTo("hello-camel");
        }
        assertThat(byId.get(ids.get(2)).getStatus()).isEqualTo(SimJob.FAILED);
        assertThat(byId.get(ids.get(2)).getErrorCode()).isEqualTo(ErrorCodes.JOB_FAILED);
        assertThat(sim.journal().executedCount("syncCommand")).isEqualTo(1);
        assertThat(sim.tasks().all()).isEmpty();
    }

    @Test
    void asyncCommandCreatesOneJobPerInstanceThatGetTaskFollowsToTheEnd() {
        List<String> targets = ids.subList(0, 3);
        Exchange out = call("koophone:asyncCommand", null, Map.of(COMMAND, "getprop ro.product.model", INSTANCE_IDS, targets));
        TaskResult task = ok(out, TaskResult.class);

        assertThat(task.getTaskId()).matches("[0-9a-f]{32}");
        assertThat(out.getMessage().getHeader(TASK_ID)).isEqualTo(task.getTaskId());
        assertThat(out.getMessage().getHeader(TASK_IDS, List.class)).containsExactly(task.getTaskId());
        SimTask simTask = sim.tasks().get(task.getTaskId()).orElseThrow();
        assertThat(simTask.operation()).isEqualTo("asyncCommand");
        assertThat(simTask.jobs()).extracting(SimJob::instanceId).containsExactlyElementsOf(targets);
        assertThat(task.getCmdJobs()).extracting(CmdJob::getInstanceId).containsExactlyElementsOf(targets);
        assertThat(task.getCmdJobs()).extracting(CmdJob::getJobId)
                .containsExactlyElementsOf(simTask.jobs().stream().map(SimJob::jobId).toList());

        GetTaskResult running = ok(call("koophone:getTask", null, Map.of(TASK_ID, task.getTaskId())), GetTaskResult.class);
        assertThat(running.getJobs()).hasSize(3).allSatisfy(j -> assertThat(j.getStatus()).isEqualTo(SimJob.RUNNING));

        sim.clock().advance(PAST_TASKS);
        GetTaskResult done = ok(call("koophone:getTask?taskId=" + task.getTaskId(), null, Map.of()), GetTaskResult.class);
        assertThat(done.getJobs()).hasSize(3).allSatisfy(j -> {
            assertThat(j.getStatus()).isEqualTo(SimJob.SUCCEEDED);
            assertThat(j.getExecuteMsg()).isEqualTo("KooPhone Simulator");
        });
        assertThat(done.getJobs()).extracting(GetTaskResult.Job::getJobId)
                .containsExactlyElementsOf(task.getCmdJobs().stream().map(CmdJob::getJobId).toList());
        assertThat(sim.tasks().get(task.getTaskId()).orElseThrow().finished()).isTrue();
    }

    @Test
    void getTaskOfAnUnknownTaskIsABadRequest() {
        Exchange out = call("koophone:getTask?taskId=0123456789abcdef0123456789abcdef", null, Map.of());

        assertThat(out.getException()).isInstanceOfSatisfying(KooPhoneApiException.class, e -> {
            assertThat(e.getHttpStatus()).isEqualTo(400);
            assertThat(e.getErrorCode()).isEqualTo(ErrorCodes.BAD_PARAMETER);
            assertThat(e.getOperation()).isEqualTo("getTask");
        });
    }

    // ---------------------------------------------------------------------------------------------- instances

    @Test
    void setVideoConfigStoresTheSettingsOnTheInstancesWithAPut() throws Exception {
        String body = """
                {"instance_settings":[
                  {"network_type":"WIFI","encoding_type":"H264","video_spec_groups":[{
                    "definition_540P":{"code_rate":2000,"fps":30},
                    "definition_720P":{"code_rate":4000,"fps":30},
                    "definition_1080P":{"code_rate":8000,"fps":60}}]},
                  {"network_type":"WIRED","encoding_type":"H265","video_spec_groups":[{
                    "definition_540P":{"code_rate":1000,"fps":30},
                    "definition_720P":{"code_rate":3000,"fps":60},
                    "definition_1080P":{"code_rate":10000,"fps":60}}]}]}
                """;

        NoDataResult result = ok(call("koophone:setVideoConfig", body, Map.of(INSTANCE_IDS, ids.get(0) + "," + ids.get(1))),
                NoDataResult.class);

        assertThat(result.getErrorCode()).isEqualTo("0");
        JournalEntry put = sim.journal().last("setVideoConfig").orElseThrow();
        assertThat(put.method()).isEqualTo("PUT");
        assertThat(put.status()).isEqualTo(200);
        assertThat(put.executed()).isTrue();
        for (String id : ids.subList(0, 2)) {
            JsonNode stored = sim.inventory().require(id).videoSettings();
            assertThat(stored).hasSize(2);
            assertThat(stored.get(0).path("network_type").asText()).isEqualTo("WIFI");
            assertThat(stored.get(1).path("video_spec_groups").get(0).path("definition_1080P").path("code_rate").asInt())
                    .isEqualTo(10000);
        }
        assertThat(sim.inventory().require(ids.get(2)).videoSettings()).isNull();
    }

    @Test
    void batchQueryStatusReportsWhatTheInventoryHolds() {
        sim.inventory().update(ids.get(1), i -> i.runningStatus(SimInstance.STATUS_STOPPED));
        sim.inventory().update(ids.get(2), i -> i.runningStatus(SimInstance.STATUS_SHUT_DOWN));
        List<String> asked = new ArrayList<>(ids.subList(0, 4));
        asked.add("nosuch01");

        BatchQueryStatusResult result = ok(call("koophone:batchQueryStatus", null, Map.of(INSTANCE_IDS, asked)),
                BatchQueryStatusResult.class);

        Map<String, Integer> expected = new LinkedHashMap<>();
        ids.subList(0, 4).forEach(id -> expected.put(id, sim.inventory().require(id).runningStatus()));
        expected.put("nosuch01", SimInstance.STATUS_UNKNOWN);
        assertThat(statuses(result.getStatusResults())).isEqualTo(expected);
        assertThat(expected).containsValues(SimInstance.STATUS_RUNNING, SimInstance.STATUS_STOPPED, SimInstance.STATUS_SHUT_DOWN);
    }

    @Test
    void batchResetStartsAnRmTaskAndBringsThePhonesBackClean() {
        sim.inventory().update(ids.get(0), i -> i.installedApps(List.of("com.example.old")));
        List<String> targets = ids.subList(0, 2);

        Exchange out = call("koophone:batchReset", null, Map.of(INSTANCE_IDS, targets));
        TaskResult task = ok(out, TaskResult.class);

        assertThat(task.getTaskId()).matches("RM_[0-9a-f]{32}");
        assertThat(out.getMessage().getHeader(TASK_IDS, List.class)).containsExactly(task.getTaskId());
        assertThat(task.getCmdJobs()).extracting(CmdJob::getInstanceId).containsExactlyElementsOf(targets);
        assertThat(sim.tasks().get(task.getTaskId()).orElseThrow().operation()).isEqualTo("batchReset");
        targets.forEach(id -> assertThat(sim.inventory().require(id).runningStatus()).isEqualTo(SimInstance.STATUS_STARTING));

        // a second reset while the first runs is refused by the service, and changes nothing
        Exchange busy = call("koophone:batchReset", null, Map.of(INSTANCE_IDS, targets.get(0)));
        assertThat(busy.getException()).isInstanceOfSatisfying(KooPhoneApiException.class,
                e -> assertThat(e.getErrorCode()).isEqualTo(ErrorCodes.INSTANCE_BUSY));
        assertThat(sim.journal().executedCount("batchReset")).isEqualTo(1);

        sim.clock().advance(PAST_TASKS);
        targets.forEach(id -> {
            assertThat(sim.inventory().require(id).runningStatus()).isEqualTo(SimInstance.STATUS_RUNNING);
            assertThat(sim.inventory().require(id).installedApps()).isEmpty();
        });
        GetTaskResult done = ok(call("koophone:getTask", null, Map.of(TASK_ID, task.getTaskId())), GetTaskResult.class);
        assertThat(done.getJobs()).extracting(GetTaskResult.Job::getStatus).containsOnly(SimJob.SUCCEEDED);
    }

    @Test
    void getDeviceTokenOpensAStreamThatStopStreamingAndReleaseSessionClose() {
        String id = ids.get(3);

        DeviceTokenResult token = ok(call("koophone:getDeviceToken", null, Map.of(INSTANCE_ID, id)), DeviceTokenResult.class);

        assertThat(token.getDeviceToken()).matches("[0-9a-f]{32}");
        assertThat(token.getStreamingId()).isNotBlank();
        assertThat(token.getResource().getKpId()).isEqualTo(id);
        assertThat(token.getResource().getDeviceId()).isNotBlank();
        // strings under internal and integers under external on the wire; strings in the typed result
        assertThat(token.getResource().getSdk().getInternal().getAport()).isEqualTo("10031");
        assertThat(token.getResource().getSdk().getExternal().getAport()).isEqualTo("10030");
        assertThat(token.getResource().getSdk().getExternal().getAtype()).isEqualTo("1");
        assertThat(token.getResource().getRtc().getIceSignaling().getSignalingUrl()).startsWith("http");
        assertThat(sim.journal().last("getDeviceToken").orElseThrow().path()).isEqualTo("/v1/instances/" + id + "/auth");
        SimInstance streaming = sim.inventory().require(id);
        assertThat(streaming.streaming()).isTrue();
        assertThat(streaming.sessionActive()).isTrue();

        NoDataResult stopped = ok(call("koophone:stopInstancesStreaming?instanceId=" + id, null, Map.of()), NoDataResult.class);
        assertThat(stopped.getErrorCode()).isEqualTo("0");
        assertThat(sim.inventory().require(id).streaming()).isFalse();
        assertThat(sim.inventory().require(id).sessionActive()).isTrue();

        NoDataResult released = ok(call("koophone:releaseInstancesSession", null, Map.of(INSTANCE_ID, id)), NoDataResult.class);
        assertThat(released.getErrorCode()).isEqualTo("0");
        assertThat(sim.inventory().require(id).sessionActive()).isFalse();
        assertThat(sim.journal().executedCount("stopInstancesStreaming")).isEqualTo(1);
        assertThat(sim.journal().executedCount("releaseInstancesSession")).isEqualTo(1);
    }

    @Test
    void assignAndUnassignChangeWhoThePhonesBelongTo() {
        List<String> targets = ids.subList(0, 2);

        NoDataResult assigned = ok(call("koophone:assignInstance", null, Map.of(USER_ID, "user-001", INSTANCE_IDS, targets)),
                NoDataResult.class);

        assertThat(assigned.getErrorCode()).isEqualTo("0");
        targets.forEach(id -> {
            assertThat(sim.inventory().require(id).assignUser()).isEqualTo("user-001");
            assertThat(sim.inventory().require(id).assignStatus()).isEqualTo(1);
        });
        assertThat(sim.inventory().require(ids.get(2)).assignUser()).isNull();
        ListInstancesResult listed = ok(call("koophone:listInstances", null, Map.of(INSTANCE_ID, targets.get(0))),
                ListInstancesResult.class);
        assertThat(listed.getResult()).singleElement().satisfies(r -> {
            assertThat(r.getAssignUser()).isEqualTo("user-001");
            assertThat(r.getAssignStatus()).isEqualTo(1);
        });

        Exchange taken = call("koophone:assignInstance?userId=user-002", null, Map.of(INSTANCE_IDS, targets.get(0)));
        assertThat(taken.getException()).isInstanceOfSatisfying(KooPhoneApiException.class,
                e -> assertThat(e.getErrorCode()).isEqualTo(ErrorCodes.ALREADY_ASSIGNED));

        Exchange out = call("koophone:unassignInstance", null, Map.of(USER_ID, "user-001", INSTANCE_IDS, targets));
        TaskResult task = ok(out, TaskResult.class);
        assertThat(task.getTaskId()).matches("RM_[0-9a-f]{32}");
        assertThat(task.getCmdJobs()).extracting(CmdJob::getInstanceId).containsExactlyElementsOf(targets);
        assertThat(sim.inventory().require(targets.get(0)).assignUser()).isEqualTo("user-001"); // until the job ends

        sim.clock().advance(PAST_TASKS);
        targets.forEach(id -> {
            assertThat(sim.inventory().require(id).assignUser()).isNull();
            assertThat(sim.inventory().require(id).assignStatus()).isZero();
        });
    }

    @Test
    void listInstancesPagesThroughTheInventory() {
        ListInstancesResult page2 = ok(call("koophone:listInstances", Map.of("page_no", 2, "page_size", 2), Map.of()),
                ListInstancesResult.class);

        assertThat(page2.getTotalCount()).isEqualTo(10);
        assertThat(page2.getPageNo()).isEqualTo(2);
        assertThat(page2.getPageSize()).isEqualTo(2);
        assertThat(page2.getResult()).extracting(ListInstancesResult.InstanceRecord::getInstanceId)
                .containsExactlyElementsOf(ids.subList(2, 4));
        assertThat(page2.getResult()).allSatisfy(r -> {
            assertThat(r.getRunningStatus()).isEqualTo(SimInstance.STATUS_RUNNING);
            assertThat(r.getProjectId()).isEqualTo(sim.projectId());
            assertThat(r.getRegion()).isEqualTo(sim.region());
        });
        assertThat(sim.journal().last("listInstances").orElseThrow().query()).contains("page_no=2").contains("page_size=2");

        ListInstancesResult last = ok(call("koophone:listInstances", Map.of("page_no", 5, "page_size", 2), Map.of()),
                ListInstancesResult.class);
        assertThat(last.getResult()).extracting(ListInstancesResult.InstanceRecord::getInstanceId)
                .containsExactlyElementsOf(ids.subList(8, 10));
        ListInstancesResult beyond = ok(call("koophone:listInstances", Map.of("page_no", 6, "page_size", 2), Map.of()),
                ListInstancesResult.class);
        assertThat(beyond.getResult()).isEmpty();
        assertThat(beyond.getTotalCount()).isEqualTo(10);

        ListInstancesResult all = ok(call("koophone:listInstances", null, Map.of()), ListInstancesResult.class);
        assertThat(all.getResult()).extracting(ListInstancesResult.InstanceRecord::getInstanceId).containsExactlyElementsOf(ids);
    }

    @Test
    void batchRebootInstanceTakesThePhonesThroughStartingBackToRunning() {
        List<String> targets = ids.subList(4, 6);
        sim.inventory().update(targets.get(0), i -> i.streaming(true).sessionActive(true));

        Exchange out = call("koophone:batchRebootInstance", null, Map.of(INSTANCE_IDS, targets));
        NoDataResult result = ok(out, NoDataResult.class);

        assertThat(result.getErrorCode()).isEqualTo("0");
        assertThat(out.getMessage().getHeader(TASK_ID)).isNull();
        targets.forEach(id -> assertThat(sim.inventory().require(id).runningStatus()).isEqualTo(SimInstance.STATUS_STARTING));
        assertThat(sim.inventory().require(targets.get(0)).streaming()).isFalse();
        assertThat(sim.inventory().require(ids.get(6)).runningStatus()).isEqualTo(SimInstance.STATUS_RUNNING);
        BatchQueryStatusResult starting = ok(call("koophone:batchQueryStatus", null, Map.of(INSTANCE_IDS, targets)),
                BatchQueryStatusResult.class);
        assertThat(starting.getStatusResults()).extracting(InstanceStatus::getStatus).containsOnly(SimInstance.STATUS_STARTING);

        sim.clock().advance(PAST_TASKS);
        BatchQueryStatusResult running = ok(call("koophone:batchQueryStatus", null, Map.of(INSTANCE_IDS, targets)),
                BatchQueryStatusResult.class);
        assertThat(running.getStatusResults()).extracting(InstanceStatus::getStatus).containsOnly(SimInstance.STATUS_RUNNING);
        assertThat(sim.tasks().all()).isEmpty(); // reboots return no task id
    }

    // ---------------------------------------------------------------------------------------------- purchase

    @Test
    void batchShowSkuListsTheCatalogueAndFiltersByType() {
        BatchShowSkuResult all = ok(call("koophone:batchShowSku", null, Map.of()), BatchShowSkuResult.class);

        assertThat(all.getBandInfo().getCbcSkuId()).isEqualTo("kp.bandwidth");
        BatchShowSkuResult.SkuSpecResponse home = homeRegion(all);
        assertThat(home.getSkuResponses()).extracting(BatchShowSkuResult.SkuResponse::getType)
                .contains("PROFESSIONAL", "ENTERPRISE");
        assertThat(home.getSkuResponses()).allSatisfy(s -> {
            assertThat(s.getCbcSkuId()).isNotBlank();
            assertThat(s.getBandSize()).isNotBlank();
            assertThat(s.getPoolInfo().getAosp()).extracting(BatchShowSkuResult.AospPool::getVersion)
                    .contains("AOSP9", "AOSP11");
        });

        BatchShowSkuResult enterprise = ok(call("koophone:batchShowSku", Map.of("type", "ENTERPRISE"), Map.of()),
                BatchShowSkuResult.class);
        assertThat(homeRegion(enterprise).getSkuResponses()).isNotEmpty()
                .extracting(BatchShowSkuResult.SkuResponse::getType).containsOnly("ENTERPRISE");
        assertThat(sim.journal().last("batchShowSku").orElseThrow().query()).isEqualTo("type=ENTERPRISE");
    }

    @Test
    void createInstanceAddsBootingPhonesAndDeleteInstanceRemovesThem() {
        BatchShowSkuResult skus = ok(call("koophone:batchShowSku", Map.of("type", "PROFESSIONAL"), Map.of()),
                BatchShowSkuResult.class);
        BatchShowSkuResult.SkuResponse sku = homeRegion(skus).getSkuResponses().get(0);
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("os", "AOSP11");
        order.put("instanceSkuId", sku.getCbcSkuId());
        order.put("bandSkuId", skus.getBandInfo().getCbcSkuId());
        order.put("regionId", sim.region());
        order.put("instanceNamePrefix", "camel");
        order.put("bandSize", Integer.parseInt(sku.getBandSize().split(",")[0]));
        order.put("count", 2);
        order.put("chargeParam", Map.of("chargingMode", 1, "periodType", 2, "periodNum", 1));

        CreateInstanceResult created = ok(call("koophone:createInstance", order, Map.of()), CreateInstanceResult.class);

        assertThat(created.getOrderId()).isNotBlank();
        assertThat(created.getInstanceInfos()).hasSize(2);
        List<String> newIds = created.getInstanceInfos().stream().map(CreateInstanceResult.InstanceInfo::getInstanceId).toList();
        assertThat(sim.inventory().ids()).hasSize(12).containsAll(newIds);
        for (CreateInstanceResult.InstanceInfo info : created.getInstanceInfos()) {
            SimInstance phone = sim.inventory().require(info.getInstanceId());
            assertThat(phone.instanceName()).isEqualTo(info.getInstanceName()).startsWith("camel-");
            assertThat(phone.os()).isEqualTo("AOSP11");
            assertThat(phone.skuId()).isEqualTo(sku.getCbcSkuId());
            assertThat(phone.runningStatus()).isEqualTo(SimInstance.STATUS_STARTING);
        }
        sim.clock().advance(PAST_TASKS);
        newIds.forEach(id -> assertThat(sim.inventory().require(id).runningStatus()).isEqualTo(SimInstance.STATUS_RUNNING));

        List<String> doomed = List.of(newIds.get(0), ids.get(9));
        NoDataResult deleted = ok(call("koophone:deleteInstance", null, Map.of(INSTANCE_IDS, doomed)), NoDataResult.class);
        assertThat(deleted.getErrorCode()).isEqualTo("0");
        assertThat(sim.inventory().ids()).hasSize(10).doesNotContainAnyElementsOf(doomed).contains(newIds.get(1));
        assertThat(sim.journal().last("deleteInstance").orElseThrow().body()).contains("\"instanceIdList\"");

        Exchange again = call("koophone:deleteInstance", null, Map.of(INSTANCE_IDS, doomed));
        assertThat(again.getException()).isInstanceOfSatisfying(KooPhoneApiException.class,
                e -> assertThat(e.getErrorCode()).isEqualTo(ErrorCodes.INSTANCE_NOT_FOUND));
    }

    // ---------------------------------------------------------------------------------------------- usage

    @Test
    void batchPrepareInstancesThenShowProgressFollowsThePrepare() {
        List<String> targets = ids.subList(0, 2);

        PrepareInstancesResult accepted = ok(call("koophone:batchPrepareInstances", null,
                Map.of(USER_ID, "player-1", INSTANCE_IDS, targets)), PrepareInstancesResult.class);
        assertThat(statuses(accepted.getStatusList())).isEqualTo(Map.of(targets.get(0), 0, targets.get(1), 0));

        PrepareInstancesResult underWay = ok(call("koophone:batchPrepareInstances?userId=player-1", null,
                Map.of(INSTANCE_IDS, targets)), PrepareInstancesResult.class);
        assertThat(underWay.getStatusList()).extracting(InstanceStatus::getStatus).containsOnly(1);

        assertThat(progress("player-1", targets.get(0)).getStatus()).isZero(); // queued
        sim.clock().advance(Duration.ofSeconds(30)); // a third of the one-minute prepare is queueing
        assertThat(progress("player-1", targets.get(0)).getStatus()).isEqualTo(1); // preparing
        sim.clock().advance(Duration.ofSeconds(40));
        ShowProgressResult ready = progress("player-1", targets.get(0));
        assertThat(ready.getStatus()).isEqualTo(2);
        assertThat(ready.getWaitingCount()).isZero();
        assertThat(progress("player-1", ids.get(5)).getStatus()).isEqualTo(3); // never asked for
        assertThat(progress("someone-else", targets.get(1)).getStatus()).isEqualTo(3);
    }

    @Test
    void batchBackupInstancesRunsABackupTaskThatListInstancesReflects() {
        String id = ids.get(6);

        Exchange out = call("koophone:batchBackupInstances", null, Map.of(INSTANCE_IDS, id));
        TaskResult task = ok(out, TaskResult.class);

        assertThat(task.getTaskId()).matches("RM_[0-9a-f]{32}");
        assertThat(task.getCmdJobs()).extracting(CmdJob::getInstanceId).containsExactly(id);
        assertThat(sim.tasks().get(task.getTaskId()).orElseThrow().operation()).isEqualTo("batchBackupInstances");
        assertThat(sim.inventory().require(id).backupStatus()).isEqualTo(1);

        sim.clock().advance(PAST_TASKS);
        assertThat(sim.inventory().require(id).backupStatus()).isEqualTo(2);
        ListInstancesResult listed = ok(call("koophone:listInstances", Map.of("instance_id", id), Map.of()),
                ListInstancesResult.class);
        assertThat(listed.getResult()).singleElement().satisfies(r -> {
            assertThat(r.getBackupStatus()).isEqualTo(2);
            assertThat(r.getBackupTime()).isNotBlank();
        });
    }

    // ---------------------------------------------------------------------------------------------- apps

    /** An installApp body with the fields the reference requires, none of the optional ones. */
    private static Map<String, Object> appToInstall() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("object_name", "com.example.camel");
        body.put("file_name", "camel.apk");
        body.put("object_version", "1.0.0");
        body.put("object_size", "120");
        body.put("biz_type", "apk");
        body.put("content_type", "application/octet-stream");
        body.put("content_md5", "0123456789abcdef");
        return body;
    }

    @Test
    void installAppNeedsNeitherFastInstallNorAPackageUrl() {
        Exchange out = call("koophone:installApp", appToInstall(), Map.of(INSTANCE_IDS, ids.get(0)));

        assertThat(ok(out, TaskResult.class).getCmdJobs()).extracting(CmdJob::getInstanceId).containsExactly(ids.get(0));
    }

    @Test
    void installAppRunsAnInstallTaskThatPutsThePackageOnThePhones() {
        List<String> targets = ids.subList(0, 2);
        Map<String, Object> body = appToInstall();
        body.put("fast_install", "1");
        body.put("install_package_url", "https://obs.example.com/camel.apk");

        Exchange out = call("koophone:installApp", body, Map.of(INSTANCE_IDS, targets));
        TaskResult task = ok(out, TaskResult.class);

        assertThat(task.getTaskId()).matches("(ZGCA|FULFILL)[A-Za-z0-9_-]+");
        assertThat(out.getMessage().getHeader(TASK_ID)).isEqualTo(task.getTaskId());
        assertThat(task.getCmdJobs()).extracting(CmdJob::getInstanceId).containsExactlyElementsOf(targets);
        assertThat(sim.tasks().get(task.getTaskId()).orElseThrow().operation()).isEqualTo("installApp");
        assertThat(sim.inventory().require(targets.get(0)).installedApps()).isEmpty();

        sim.clock().advance(PAST_TASKS);
        targets.forEach(id -> assertThat(sim.inventory().require(id).installedApps()).containsExactly("com.example.camel"));
        GetTaskResult done = ok(call("koophone:getTask", null, Map.of(TASK_ID, task.getTaskId())), GetTaskResult.class);
        assertThat(done.getJobs()).hasSize(2).allSatisfy(j -> assertThat(j.getStatus()).isEqualTo(SimJob.SUCCEEDED));
        SyncCommandResult packages = ok(call("koophone:syncCommand", null,
                Map.of(COMMAND, "pm list packages", INSTANCE_IDS, targets.get(0))), SyncCommandResult.class);
        assertThat(packages.getCmdResults().get(0).getExecuteMsg()).contains("package:com.example.camel");
    }

    // ---------------------------------------------------------------------------------------------- quirk mode

    @Test
    void quirkModeGivesTheSameTypedResultsAsNormalMode() throws Exception {
        Function<Boolean, List<String>> scenario = quirks -> {
            sim.reset(); // same seed, same instances: the same requests get the same ids
            sim.quirkMode(quirks);
            sim.inventory().update(ids.get(3), i -> i.assignUser("user-q"));
            List<Object> results = new ArrayList<>();
            results.add(ok(call("koophone:syncCommand", null, Map.of(COMMAND, "echo quirk", INSTANCE_IDS, ids.subList(0, 2))),
                    SyncCommandResult.class));
            results.add(ok(call("koophone:batchQueryStatus", null, Map.of(INSTANCE_IDS, ids.subList(0, 3))),
                    BatchQueryStatusResult.class));
            results.add(ok(call("koophone:batchReset", null, Map.of(INSTANCE_IDS, ids.subList(0, 2))), TaskResult.class));
            results.add(ok(call("koophone:unassignInstance", null, Map.of(USER_ID, "user-q", INSTANCE_IDS, ids.get(3))),
                    TaskResult.class));
            results.add(ok(call("koophone:batchBackupInstances", null, Map.of(INSTANCE_IDS, ids.get(4))), TaskResult.class));
            results.add(ok(call("koophone:listInstances", Map.of("page_no", 2, "page_size", 3), Map.of()),
                    ListInstancesResult.class));
            Exception unknownTask = call("koophone:getTask?taskId=0123456789abcdef0123456789abcdef", null, Map.of())
                    .getException();
            assertThat(unknownTask).isInstanceOf(KooPhoneApiException.class);
            KooPhoneApiException e = (KooPhoneApiException) unknownTask;
            results.add(e.getHttpStatus() + " " + e.getErrorCode() + " " + e.getErrorMessage());
            return results.stream().map(KooPhoneSimulatorOperationsTest::json).toList();
        };

        List<String> normal = scenario.apply(false);
        List<String> quirky = scenario.apply(true);

        assertThat(quirky).isEqualTo(normal);
        assertThat(normal.get(0)).contains("\"cmd_results\"").contains("quirk");
        assertThat(normal.get(1)).contains("\"status_results\"");
        assertThat(normal.get(2)).contains("\"cmd_jobs\"").contains("RM_");
        assertThat(normal.get(5)).contains("\"total_count\":10");
        assertThat(normal.get(6)).contains("KOOPHONE.API.1000").doesNotContain("null");

        // and the simulator really answered with the odd shapes
        JsonNode raw = JSON.readTree(rawPost("/v1/instances/batch-query-status", "{\"instance_ids\":[\"" + ids.get(0) + "\"]}"));
        assertThat(raw.has("status_results")).isTrue();
        assertThat(raw.has("data")).isFalse();
        JsonNode rawReset = JSON.readTree(rawPost("/v1/instances/batch-reset", "{\"instance_ids\":[\"" + ids.get(5) + "\"]}"));
        assertThat(rawReset.path("data").has("ecmd_jobs")).isTrue();
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private static <T> T ok(Exchange out, Class<T> type) {
        assertThat(out.getException()).as("exception of %s", out.getFromEndpoint()).isNull();
        Object body = out.getMessage().getBody();
        assertThat(body).isInstanceOf(type);
        return type.cast(body);
    }

    private ShowProgressResult progress(String user, String instanceId) {
        return ok(call("koophone:showProgress", null, Map.of(USER_ID, user, INSTANCE_ID, instanceId)), ShowProgressResult.class);
    }

    private BatchShowSkuResult.SkuSpecResponse homeRegion(BatchShowSkuResult result) {
        return result.getSkuSpecResponseList().stream().filter(r -> sim.region().equals(r.getRegionId())).findFirst()
                .orElseThrow();
    }

    private static Map<String, Integer> statuses(List<InstanceStatus> list) {
        Map<String, Integer> out = new LinkedHashMap<>();
        list.forEach(s -> out.put(s.getInstanceId(), s.getStatus()));
        return out;
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String rawPost(String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(sim.url() + path))
                .header("Content-Type", "application/json")
                .header("X-Auth-Token", sim.staticToken())
                .header("x-request-id", java.util.UUID.randomUUID().toString().replace("-", ""))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
