package io.github.camelkoophone.component.koophone.model;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.github.camelkoophone.component.koophone.model.Seeds.data;
import static io.github.camelkoophone.component.koophone.model.Seeds.fieldNames;
import static io.github.camelkoophone.component.koophone.model.Seeds.parse;
import static io.github.camelkoophone.component.koophone.model.Seeds.toTree;
import static org.assertj.core.api.Assertions.assertThat;

/** Every result type against the reference's example responses, quirks included. */
class ResultModelTest {

    @ParameterizedTest
    @ValueSource(strings = { "syncCommand.json", "syncCommand-emd.json" })
    void syncCommandReadsBothSpellings(String seed) {
        SyncCommandResult result = data(seed, SyncCommandResult.class);

        assertThat(result.getCmdResults()).hasSize(2);
        SyncCommandResult.CommandResult failed = result.getCmdResults().get(0);
        assertThat(failed.getInstanceId()).isEqualTo("a44uhlf7");
        assertThat(failed.getStatus()).isEqualTo(JobStatus.FAILED);
        assertThat(failed.getErrorCode()).isEqualTo("CPS.0191");
        assertThat(failed.getErrorMsg()).isEqualTo("Run command failed.");
        assertThat(failed.getExecuteMsg()).isEqualTo("ls: cannot access '/system': No such file or directory");
        SyncCommandResult.CommandResult succeeded = result.getCmdResults().get(1);
        assertThat(succeeded.getInstanceId()).isEqualTo("efjy72gs");
        assertThat(succeeded.getStatus()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(succeeded.getErrorCode()).isEmpty();
        assertThat(succeeded.getExecuteMsg()).isEqualTo("xxxxxx");

        JsonNode json = toTree(result);
        assertThat(json.has("cmd_results")).isTrue();
        assertThat(json.has("emd_results")).isFalse();
        assertThat(json.get("cmd_results").get(0).get("execute_msg").asText()).startsWith("ls: cannot access");
        assertThat(result.toString()).contains("a44uhlf7", "CPS.0191");
    }

    @ParameterizedTest
    @ValueSource(strings = { "asyncCommand.json", "asyncCommand-ecmd.json" })
    void asyncCommandTask(String seed) {
        TaskResult result = data(seed, TaskResult.class);

        assertThat(result.getTaskId()).isEqualTo("6837531fd3f54550927b930180a706bf");
        assertThat(result.getCmdJobs()).extracting(CmdJob::getInstanceId).containsExactly("a44uhlf7", "efjy72gs");
        assertThat(result.getCmdJobs()).extracting(CmdJob::getJobId)
                .containsExactly("1564567b8bab40f34711234cb80d0123", "1564567b8bab40f34711234cb80d0456");
        assertThat(result.getCmdJobs()).extracting(CmdJob::getTaskId).containsOnlyNulls();
        assertCanonicalTaskJson(result);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "batchReset.json", "batchReset-ecmd.json",
            "unassignInstance.json", "unassignInstance-ecmd.json",
            "batchBackupInstances.json", "batchBackupInstances-ecmd.json" })
    void resetUnassignAndBackupTasks(String seed) {
        TaskResult result = data(seed, TaskResult.class);

        assertThat(result.getTaskId()).isEqualTo("RM_6837531fd3f54550927b930180a706bf");
        assertThat(result.getCmdJobs()).hasSize(2);
        assertThat(result.getCmdJobs().get(1).getInstanceId()).isEqualTo("efjy72gs");
        assertThat(result.getCmdJobs().get(1).getJobId()).isEqualTo("1564567b8bab40f34711234cb80d0456");
        assertCanonicalTaskJson(result);
    }

    @Test
    void batchResetOfTheOlderReferenceHasNoTask() {
        TaskResult result = data("batchReset-nodata.json", TaskResult.class);

        assertThat(result.getTaskId()).isNull();
        assertThat(result.getCmdJobs()).isNull();
        assertThat(toTree(result).isEmpty()).isTrue();
    }

    @Test
    void installAppTaskSitsInDataData() {
        TaskResult result = data("installApp.json", TaskResult.class);

        assertThat(result.getTaskId()).isEqualTo("ZGCAorl8ocwK7U7_tOAfH26P-DjwDw8Yknf4");
        assertThat(result.getCmdJobs()).extracting(CmdJob::getInstanceId).containsExactly("XvH39QVW", "Vpp8rC4Y");
        assertThat(result.getCmdJobs().get(0).getJobId()).isEqualTo("LOXM9bLO0sFoKJo-6BEjFzN6ut2jsoH_1");
        assertCanonicalTaskJson(result);
    }

    @Test
    void cmdJobWritesTaskIdOnlyWhenSet() {
        CmdJob job = new CmdJob();
        job.setInstanceId("a44uhlf7");
        job.setJobId("j1");
        assertThat(toTree(job).has("task_id")).isFalse();

        job.setTaskId("RM_1");
        JsonNode json = toTree(job);
        assertThat(json.get("task_id").asText()).isEqualTo("RM_1");
        assertThat(json.get("instance_id").asText()).isEqualTo("a44uhlf7");
        assertThat(json.get("job_id").asText()).isEqualTo("j1");
    }

    private static void assertCanonicalTaskJson(TaskResult result) {
        JsonNode json = toTree(result);
        assertThat(json.has("cmd_jobs")).isTrue();
        assertThat(json.has("ecmd_jobs")).isFalse();
        assertThat(json.get("task_id").asText()).isEqualTo(result.getTaskId());
        assertThat(json.get("cmd_jobs").get(0).get("instance_id").asText()).isEqualTo(result.getCmdJobs().get(0).getInstanceId());
        assertThat(json.get("cmd_jobs").get(0).get("job_id").asText()).isEqualTo(result.getCmdJobs().get(0).getJobId());
        assertThat(json.get("cmd_jobs").get(0).has("task_id")).isFalse();
    }

    @Test
    void getTaskJobs() {
        GetTaskResult result = data("getTask.json", GetTaskResult.class);

        assertThat(result.getJobs()).hasSize(2);
        GetTaskResult.Job failed = result.getJobs().get(0);
        assertThat(failed.getJobId()).isEqualTo("1564567b8bab40f34711234cb80d0123");
        assertThat(failed.getInstanceId()).isNull();
        assertThat(failed.getStatus()).isEqualTo(-1);
        assertThat(failed.getErrorCode()).isEqualTo("CPS0005");
        assertThat(failed.getErrorMsg()).isEqualTo("Phone not found.");
        assertThat(failed.getExecuteMsg()).isNull();
        assertThat(failed.isTerminal()).isTrue();
        assertThat(result.getJobs().get(1).getStatus()).isEqualTo(2);
        assertThat(result.getJobs().get(1).getExecuteMsg()).isEqualTo("xxxxxx");
        assertThat(result.isTerminal()).isTrue();

        JsonNode json = toTree(result);
        assertThat(json.get("jobs").get(0).get("job_id").asText()).isEqualTo("1564567b8bab40f34711234cb80d0123");
        assertThat(json.get("jobs").get(0).get("status").asInt()).isEqualTo(-1);
        assertThat(json.get("jobs").get(0).has("execute_msg")).isFalse();
        assertThat(json.has("terminal")).isFalse();
        assertThat(json.get("jobs").get(0).has("terminal")).isFalse();
    }

    @Test
    void getTaskStillRunning() {
        GetTaskResult result = data("getTask-running-constructed.json", GetTaskResult.class);

        assertThat(result.getJobs()).extracting(GetTaskResult.Job::getInstanceId).containsExactly("XvH39QVW", "Vpp8rC4Y");
        assertThat(result.getJobs()).extracting(GetTaskResult.Job::isTerminal).containsExactly(false, true);
        assertThat(result.isTerminal()).isFalse();
        assertThat(toTree(result).get("jobs").get(0).get("instance_id").asText()).isEqualTo("XvH39QVW");
    }

    @Test
    void unknownJobStatusPassesThroughAndIsNotTerminal() {
        GetTaskResult result = parse("{\"jobs\":[{\"job_id\":\"j\",\"status\":7}]}", GetTaskResult.class);

        assertThat(result.getJobs().get(0).getStatus()).isEqualTo(7);
        assertThat(result.isTerminal()).isFalse();
        assertThat(new GetTaskResult().isTerminal()).isFalse();
        assertThat(JobStatus.isTerminal(null)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = { "batchQueryStatus.json", "batchQueryStatus-nowrapper.json" })
    void batchQueryStatus(String seed) {
        BatchQueryStatusResult result = data(seed, BatchQueryStatusResult.class);

        assertThat(result.getStatusResults()).hasSize(1);
        assertThat(result.getStatusResults().get(0).getInstanceId()).isEqualTo("a44uhlf7");
        assertThat(result.getStatusResults().get(0).getStatus()).isZero();
        JsonNode json = toTree(result);
        assertThat(json.get("status_results").get(0).get("instance_id").asText()).isEqualTo("a44uhlf7");
        assertThat(json.get("status_results").get(0).get("status").asInt()).isZero();
    }

    @Test
    void undocumentedInstanceStatusPassesThrough() {
        BatchQueryStatusResult result = parse(
                "{\"status_results\":[{\"instance_id\":\"a\",\"status\":42},{\"instance_id\":\"b\"}]}",
                BatchQueryStatusResult.class);

        assertThat(result.getStatusResults()).extracting(InstanceStatus::getStatus).containsExactly(42, null);
    }

    @Test
    void deviceToken() {
        DeviceTokenResult result = data("getDeviceToken.json", DeviceTokenResult.class);

        assertThat(result.getDeviceToken()).isEqualTo("dee5081f40c83ddea3ded91c387351e9");
        assertThat(result.getStreamingId()).isNull();
        DeviceTokenResult.Resource resource = result.getResource();
        assertThat(resource.getDeviceId()).isEqualTo("7b0cd026df8d495b8a65d628d7bec433");
        assertThat(resource.getKpId()).isEqualTo("Q39YyZvI");
        DeviceTokenResult.SdkAddress internal = resource.getSdk().getInternal();
        assertThat(internal.getAddress()).isNull();
        assertThat(internal.getAport()).isNull();
        assertThat(internal.getAtype()).isNull();
        assertThat(internal.getAddressIpv6()).isNull();
        DeviceTokenResult.SdkAddress external = resource.getSdk().getExternal();
        assertThat(external.getAddress()).isEqualTo("10.83.71.187");
        assertThat(external.getAport()).isEqualTo("10030");
        assertThat(external.getAtype()).isEqualTo("1");
        assertThat(external.getAddressIpv6()).isNull();
        DeviceTokenResult.IceSignaling signaling = resource.getRtc().getIceSignaling();
        assertThat(signaling.getSignalingUrl()).isEqualTo("http://100.93.2.248:18082");
        assertThat(signaling.getExpiredTime()).isNull();
        assertThat(signaling.getIceServers()).isEmpty();

        JsonNode json = toTree(result);
        assertThat(json.get("device_token").asText()).isEqualTo("dee5081f40c83ddea3ded91c387351e9");
        JsonNode jsonResource = json.get("resource");
        assertThat(jsonResource.get("device_id").asText()).isEqualTo("7b0cd026df8d495b8a65d628d7bec433");
        assertThat(jsonResource.get("kp_id").asText()).isEqualTo("Q39YyZvI");
        assertThat(jsonResource.get("sdk").get("external").get("aport").isTextual()).isTrue();
        assertThat(jsonResource.get("sdk").get("external").get("aport").asText()).isEqualTo("10030");
        assertThat(jsonResource.get("sdk").get("internal").isEmpty()).isTrue();
        assertThat(jsonResource.get("rtc").get("ice_signaling").get("signaling_url").asText()).isEqualTo("http://100.93.2.248:18082");
        assertThat(jsonResource.get("rtc").get("ice_signaling").get("ice_servers").isArray()).isTrue();
    }

    @Test
    void deviceTokenWithStreamingIdAndStringPorts() {
        DeviceTokenResult result = data("getDeviceToken-streaming-constructed.json", DeviceTokenResult.class);

        assertThat(result.getStreamingId()).isEqualTo("5f2c1a9e8b7d4c3a9e1f0b2d4c6a8e10");
        DeviceTokenResult.SdkAddress internal = result.getResource().getSdk().getInternal();
        assertThat(internal.getAddress()).isEqualTo("192.168.10.21");
        assertThat(internal.getAport()).isEqualTo("10030");
        assertThat(internal.getAtype()).isEqualTo("1");
        DeviceTokenResult.SdkAddress external = result.getResource().getSdk().getExternal();
        assertThat(external.getAport()).isEqualTo("10030");
        assertThat(external.getAddressIpv6()).isEqualTo("2001:db8::15");
        DeviceTokenResult.IceSignaling signaling = result.getResource().getRtc().getIceSignaling();
        assertThat(signaling.getExpiredTime()).isEqualTo("3600");
        assertThat(signaling.getIceServers()).containsExactly("stun:100.93.2.249:3478");
        assertThat(toTree(result).get("streamingId").asText()).isEqualTo("5f2c1a9e8b7d4c3a9e1f0b2d4c6a8e10");
    }

    @Test
    void deviceTokenNeverPrinted() {
        DeviceTokenResult result = data("getDeviceToken.json", DeviceTokenResult.class);

        assertThat(result.toString()).doesNotContain("dee5081f40c83ddea3ded91c387351e9").contains("***", "Q39YyZvI");
    }

    @Test
    void listInstancesWithPagingBesideData() {
        ListInstancesResult result = data("listInstances.json", ListInstancesResult.class);

        assertThat(result.getPageNo()).isEqualTo(1);
        assertThat(result.getPageSize()).isEqualTo(100);
        assertThat(result.getTotalCount()).isEqualTo(72);
        assertThat(result.getResult()).hasSize(1);
        ListInstancesResult.InstanceRecord record = result.getResult().get(0);
        assertThat(record.getInstanceId()).isEqualTo("5srn5hL8");
        assertThat(record.getInstanceName()).isEqualTo("CCTEST-00001");
        assertThat(record.getRegion()).isEqualTo("cn-north-7");
        assertThat(record.getInstanceSku()).startsWith("专业版 | 8 核");
        assertThat(record.getFrozenStatus()).isZero();
        assertThat(record.getRunningStatus()).isEqualTo(1);
        assertThat(record.getLoginStatus()).isZero();
        assertThat(record.getAssignStatus()).isEqualTo(1);
        assertThat(record.getAssignUser()).isEqualTo("1008600000097131912");
        assertThat(record.getBillingMode()).isEqualTo("1");
        assertThat(record.getProjectId()).isEqualTo("9d71ec45aef04d84a991c12250227b5c");
        assertThat(record.getProjectName()).isEqualTo("cn-north-7");
        assertThat(record.getPhoneId()).isEqualTo("null");
        assertThat(record.getMemberName()).isEqualTo("test");
        assertThat(record.getAccountName()).isEqualTo("hhh@cs02.huaweiapaas.com");
        assertThat(record.getRegionName()).isEqualTo("华北-乌兰察布203");
        assertThat(record.getRegionNameEn()).isEqualTo("CN North-Ulangab203");
        assertThat(record.getBackupStatus()).isZero();
        assertThat(record.getBackupTime()).isEqualTo("2024-05-24 17:34:58");
        assertThat(record.getRestoreStatus()).isZero();
        assertThat(record.getRestoreTime()).isEqualTo("2024-05-24 20:34:58");

        JsonNode json = toTree(result);
        assertThat(json.get("page_no").asInt()).isEqualTo(1);
        assertThat(json.get("page_size").asInt()).isEqualTo(100);
        assertThat(json.get("total_count").asInt()).isEqualTo(72);
        assertThat(fieldNames(json.get("result").get(0))).containsExactlyInAnyOrder(
                "instance_id", "instance_name", "region", "instance_sku", "frozen_status", "running_status",
                "login_status", "assign_status", "assign_user", "billing_mode", "project_id", "project_name",
                "phone_id", "member_name", "account_name", "region_name", "region_name_en", "backup_status",
                "backup_time", "restore_status", "restore_time");
        assertThat(result.toString()).contains("total_count=72", "1 instances");
    }

    @Test
    void listInstancesWithPagingInsideData() {
        ListInstancesResult result = data("listInstances-paging-inside-constructed.json", ListInstancesResult.class);

        assertThat(result.getPageNo()).isEqualTo(2);
        assertThat(result.getPageSize()).isEqualTo(1);
        assertThat(result.getTotalCount()).isEqualTo(72);
        assertThat(result.getResult().get(0).getRunningStatus()).isEqualTo(7);
    }

    @Test
    void batchShowSku() {
        BatchShowSkuResult result = data("batchShowSku.json", BatchShowSkuResult.class);

        assertThat(result.getBandInfo().getId()).isEqualTo("62");
        assertThat(result.getBandInfo().getCbcSkuId()).isEqualTo("kp.bandwidth");
        assertThat(result.getSkuSpecResponseList()).extracting(BatchShowSkuResult.SkuSpecResponse::getRegionId)
                .containsExactly("cn-north-7", "cn-north-208", "cn-southwest-252");

        List<BatchShowSkuResult.SkuResponse> north7 = result.getSkuSpecResponseList().get(0).getSkuResponses();
        assertThat(north7).extracting(BatchShowSkuResult.SkuResponse::getType).containsExactly("PROFESSIONAL", "ENTERPRISE");
        BatchShowSkuResult.SkuResponse professional = north7.get(0);
        assertThat(professional.getCbcSkuId()).isEqualTo("kp.professional.xlarge.32g.2");
        assertThat(professional.getName()).isEqualTo("sku_1_xiahui");
        assertThat(professional.getCalcSpec()).isEqualTo("4vCPUs | 8GB");
        assertThat(professional.getStorageSpec()).isEqualTo("32GB");
        assertThat(professional.getSpecDesc()).isNotBlank();
        assertThat(professional.getSpecDescEn()).isEqualTo("Professional | 4 Core | 8GB | 32GB Storage | 720P Max Output");
        assertThat(professional.getBandSize()).isEqualTo("4,6");
        assertThat(professional.getChargeMode()).isEqualTo(2);
        assertThat(professional.getMaxResolution()).startsWith("720p");
        BatchShowSkuResult.AospPool pool = professional.getPoolInfo().getAosp().get(0);
        assertThat(pool.getVersion()).isEqualTo("AOSP9");
        assertThat(pool.getResPoolId()).isEqualTo("1600087199176311111");
        assertThat(pool.getId()).isEqualTo("40");
        assertThat(pool.getNetwork()).isEqualTo("ADN");
        assertThat(pool.getEnable()).isTrue();
        assertThat(professional.getNestInfo()).hasSize(2);
        BatchShowSkuResult.NestInfo scene = professional.getNestInfo().get(0);
        assertThat(scene.getBandSize()).isEqualTo(6);
        assertThat(scene.getSceneType()).isEqualTo("CLOUD_PHONE");
        assertThat(scene.getNetwork()).isEqualTo("EIP");
        assertThat(scene.getStorageDesc()).isEqualTo("1.2T");
        assertThat(scene.getSceneDescEn()).isEqualTo("Lightweight Office");
        assertThat(scene.getTagsEn()).isEqualTo("Personal Use,Business");
        assertThat(professional.getNestInfo().get(1).getTags()).isNull();
        assertThat(north7.get(1).getNestInfo()).isEmpty();
        assertThat(result.getSkuSpecResponseList().get(1).getSkuResponses().get(0).getNestInfo()).isNull();
        assertThat(result.getSkuSpecResponseList().get(2).getSkuResponses().get(0).getPoolInfo().getAosp().get(0).getResPoolId())
                .isEqualTo("9223372036854774444");

        JsonNode json = toTree(result);
        assertThat(json.get("bandInfo").get("cbcSkuId").asText()).isEqualTo("kp.bandwidth");
        JsonNode sku = json.get("skuSpecResponseList").get(0).get("skuResponses").get(0);
        assertThat(json.get("skuSpecResponseList").get(0).get("regionId").asText()).isEqualTo("cn-north-7");
        assertThat(sku.get("poolinfo").get("aosp").get(0).get("resPoolId").asText()).isEqualTo("1600087199176311111");
        assertThat(sku.get("nestinfo").get(0).get("bandSize").asInt()).isEqualTo(6);
        assertThat(fieldNames(sku)).containsExactlyInAnyOrder("type", "cbcSkuId", "name", "calcSpec", "storageSpec",
                "specDesc", "specDescEn", "bandSize", "chargeMode", "maxResolution", "poolinfo", "nestinfo");
    }

    @Test
    void batchShowSkuAcceptsTheTablesSpellingOfBandInfo() {
        BatchShowSkuResult result = parse("{\"bandinfo\":{\"id\":62,\"cbcSkuId\":\"kp.bandwidth\"}}", BatchShowSkuResult.class);

        assertThat(result.getBandInfo().getId()).isEqualTo("62");
        assertThat(toTree(result).has("bandInfo")).isTrue();
    }

    @Test
    void createInstance() {
        CreateInstanceResult result = data("createInstance.json", CreateInstanceResult.class);

        assertThat(result.getOrderId()).isEqualTo("CS2412261442DBN4E");
        assertThat(result.getInstanceInfos()).hasSize(1);
        assertThat(result.getInstanceInfos().get(0).getInstanceId()).isEqualTo("11J6QVu5");
        assertThat(result.getInstanceInfos().get(0).getInstanceName()).isEqualTo("koophone-00001");
        JsonNode json = toTree(result);
        assertThat(json.get("orderId").asText()).isEqualTo("CS2412261442DBN4E");
        assertThat(json.get("instanceInfos").get(0).get("instanceId").asText()).isEqualTo("11J6QVu5");
        assertThat(json.get("instanceInfos").get(0).get("instanceName").asText()).isEqualTo("koophone-00001");
    }

    @Test
    void batchPrepareInstances() {
        PrepareInstancesResult result = data("batchPrepareInstances.json", PrepareInstancesResult.class);

        assertThat(result.getStatusList()).extracting(InstanceStatus::getInstanceId).containsExactly("a44uhlf7", "efjy72gs");
        assertThat(result.getStatusList()).extracting(InstanceStatus::getStatus).containsExactly(0, 1);
        assertThat(toTree(result).get("status_list").get(1).get("status").asInt()).isEqualTo(1);
    }

    @Test
    void showProgress() {
        ShowProgressResult result = data("showProgress.json", ShowProgressResult.class);

        assertThat(result.getStatus()).isZero();
        assertThat(result.getWaitingCount()).isZero();
        JsonNode json = toTree(result);
        assertThat(fieldNames(json)).containsExactlyInAnyOrder("status", "waitingCount");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "setVideoConfig.json", "assignInstance-constructed.json", "batchRebootInstance.json", "deleteInstance.json",
            "stopInstancesStreaming.json", "releaseInstancesSession.json" })
    void operationsWithoutData(String seed) {
        NoDataResult result = data(seed, NoDataResult.class);

        assertThat(result.getErrorCode()).isEqualTo("0");
        assertThat(result.getErrorMsg()).isNotBlank();
    }
}
