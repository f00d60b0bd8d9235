package io.github.camelkoophone.component.koophone;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.camelkoophone.component.koophone.model.BatchQueryStatusResult;
import io.github.camelkoophone.component.koophone.model.BatchShowSkuRequest;
import io.github.camelkoophone.component.koophone.model.BatchShowSkuResult;
import io.github.camelkoophone.component.koophone.model.BatchShowSkuResult.AospPool;
import io.github.camelkoophone.component.koophone.model.BatchShowSkuResult.NestInfo;
import io.github.camelkoophone.component.koophone.model.BatchShowSkuResult.SkuResponse;
import io.github.camelkoophone.component.koophone.model.BatchShowSkuResult.SkuSpecResponse;
import io.github.camelkoophone.component.koophone.model.CmdJob;
import io.github.camelkoophone.component.koophone.model.CommandRequest;
import io.github.camelkoophone.component.koophone.model.CreateInstanceResult;
import io.github.camelkoophone.component.koophone.model.DeviceTokenResult;
import io.github.camelkoophone.component.koophone.model.DeviceTokenResult.IceSignaling;
import io.github.camelkoophone.component.koophone.model.DeviceTokenResult.SdkAddress;
import io.github.camelkoophone.component.koophone.model.GetTaskResult;
import io.github.camelkoophone.component.koophone.model.GetTaskResult.Job;
import io.github.camelkoophone.component.koophone.model.InstanceIdRequest;
import io.github.camelkoophone.component.koophone.model.InstanceIdsRequest;
import io.github.camelkoophone.component.koophone.model.InstanceStatus;
import io.github.camelkoophone.component.koophone.model.ListInstancesResult;
import io.github.camelkoophone.component.koophone.model.ListInstancesResult.InstanceRecord;
import io.github.camelkoophone.component.koophone.model.NoDataResult;
import io.github.camelkoophone.component.koophone.model.PrepareInstancesResult;
import io.github.camelkoophone.component.koophone.model.ShowProgressResult;
import io.github.camelkoophone.component.koophone.model.SyncCommandResult;
import io.github.camelkoophone.component.koophone.model.SyncCommandResult.CommandResult;
import io.github.camelkoophone.component.koophone.model.TaskResult;
import io.github.camelkoophone.component.koophone.model.UserInstancesRequest;
import io.github.camelkoophone.component.koophone.model.UserInstancesRequest.UserInstance;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.requestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.camelkoophone.component.koophone.KooPhoneConstants.COMMAND;
import static io.github.camelkoophone.component.koophone.KooPhoneConstants.ERROR_CODE;
import static io.github.camelkoophone.component.koophone.KooPhoneConstants.ERROR_MESSAGE;
import static io.github.camelkoophone.component.koophone.KooPhoneConstants.INSTANCE_ID;
import static io.github.camelkoophone.component.koophone.KooPhoneConstants.INSTANCE_IDS;
import static io.github.camelkoophone.component.koophone.KooPhoneConstants.OPERATION;
import static io.github.camelkoophone.component.koophone.KooPhoneConstants.REQUEST_ID;
import static io.github.camelkoophone.component.koophone.KooPhoneConstants.TASK_ID;
import static io.github.camelkoophone.component.koophone.KooPhoneConstants.TASK_IDS;
import static io.github.camelkoophone.component.koophone.KooPhoneConstants.USER_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every operation end to end against WireMock: the exact HTTP request the producer sends (method, path, query,
 * headers, strict JSON body) for inputs given as body, headers or options, and the typed result and output
 * headers it makes of the vendor's example responses, quirks included.
 */
class KooPhoneOperationsWireTest extends WireMockTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String SYNC = "/v1/instances/sync-command";
    private static final String ASYNC = "/v1/instances/async-command";
    private static final String QUERY_STATUS = "/v1/instances/batch-query-status";
    private static final String RESET = "/v1/instances/batch-reset";
    private static final String ASSIGN = "/v1/instances/assign";
    private static final String UNASSIGN = "/v1/instances/unassign";
    private static final String LIST = "/v1/instances/batch-query";
    private static final String REBOOT = "/v1/instances/reboot";
    private static final String SKU = "/v1/instances/sku";
    private static final String DELETE = "/v1/instances/delete";
    private static final String PREPARE = "/v1/instances/prepare";
    private static final String BACKUP = "/v1/instances/backup";

    private static final String CMD = "ls -l /system";
    private static final String USER = "1123422";
    private static final String PREPARE_USER = "1008600000104285462";
    private static final List<String> TWO_IDS = List.of("a44uhlf7", "efjy72gs");
    private static final String TWO_IDS_BODY = "{\"instance_ids\":[\"a44uhlf7\",\"efjy72gs\"]}";
    private static final String COMMAND_BODY = "{\"command\":\"ls -l /system\",\"instance_ids\":[\"a44uhlf7\",\"efjy72gs\"]}";
    private static final String ONE_ID_BODY = "{\"instance_ids\":[\"a44uhlf7\"]}";
    private static final String ONE_PAIR_BODY = "{\"user_instances\":[{\"user_id\":\"1123422\",\"instance_id\":\"a44uhlf7\"}]}";
    private static final String TWO_PAIRS_BODY = "{\"user_instances\":[{\"user_id\":\"1123422\",\"instance_id\":\"a44uhlf7\"},"
                                                 + "{\"user_id\":\"1123422\",\"instance_id\":\"efjy72gs\"}]}";
    private static final String ASYNC_TASK = "6837531fd3f54550927b930180a706bf";
    private static final String RM_TASK = "RM_6837531fd3f54550927b930180a706bf";
    private static final String INSTALL_TASK = "ZGCAorl8ocwK7U7_tOAfH26P-DjwDw8Yknf4";
    /** The jobs of the asyncCommand/batchReset/unassign/backup examples, as instance:job. */
    private static final String[] SEED_JOBS = {
            "a44uhlf7:1564567b8bab40f34711234cb80d0123", "efjy72gs:1564567b8bab40f34711234cb80d0456" };

    // ---------------------------------------------------------------------------------------------------------
    // Instance management
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void syncCommandFromATypedRequest() {
        CommandRequest request = new CommandRequest();
        request.setCommand(CMD);
        request.setInstanceIds(TWO_IDS);

        Message out = send("koophone:syncCommand", request, Map.of(), "syncCommand.json", Wire.post(SYNC, COMMAND_BODY));

        assertSeedCommandResults(out);
        assertEnvelope(out, "0", "ok");
    }

    @Test
    void syncCommandReadsEmdResultsAsCmdResults() {
        Message out = send("koophone:syncCommand", null, Map.of(COMMAND, CMD, INSTANCE_IDS, TWO_IDS),
                "syncCommand-emd.json", Wire.post(SYNC, COMMAND_BODY));

        assertSeedCommandResults(out);
        assertEnvelope(out, "0", "ok");
    }

    @Test
    void asyncCommandFromUriOptions() {
        Message out = send("koophone:asyncCommand?command=RAW(ls -l /system)&instanceIds=a44uhlf7,efjy72gs", null, Map.of(),
                "asyncCommand.json", Wire.post(ASYNC, COMMAND_BODY));

        assertTask(out, ASYNC_TASK, SEED_JOBS);
        assertEnvelope(out, "0", "ok");
    }

    @Test
    void getTaskPutsTheTaskIdHeaderIntoThePathAndSendsNoBody() {
        Message out = send("koophone:getTask", null, Map.of(TASK_ID, ASYNC_TASK), "getTask.json",
                Wire.get("/v1/instances/tasks/" + ASYNC_TASK, Map.of()));

        GetTaskResult result = body(out, GetTaskResult.class);
        assertThat(result.getJobs())
                .extracting(Job::getJobId, Job::getInstanceId, Job::getStatus, Job::getErrorCode, Job::getErrorMsg, Job::getExecuteMsg)
                .containsExactly(
                        tuple("1564567b8bab40f34711234cb80d0123", null, -1, "CPS0005", "Phone not found.", null),
                        tuple("1564567b8bab40f34711234cb80d0456", null, 2, "", "", "xxxxxx"));
        assertThat(result.isTerminal()).isTrue();
        assertEnvelope(out, "0", "ok");
        assertThat(out.getHeaders()).doesNotContainKey(TASK_IDS);
    }

    @Test
    void getTaskPercentEncodesATaskIdThatIsNotAPlainWord() {
        String taskId = "a b~c+d";
        wm.stubFor(get(anyUrl()).willReturn(okJson(fixture("getTask.json"))));

        Exchange exchange = call("koophone:getTask", null, Map.of(TASK_ID, taskId));

        assertThat(exchange.getException()).isNull();
        assertThat(sentRequest().getUrl()).isEqualTo("/v1/instances/tasks/a%20b~c%2Bd");
    }

    @Test
    void anEndpointWithAPathKeepsItsPathBeforeTheOperations() {
        wm.stubFor(get(anyUrl()).willReturn(okJson(fixture("getTask.json"))));

        Exchange exchange = call("koophone:getTask?endpoint=" + wm.baseUrl() + "/gateway/", null, Map.of(TASK_ID, ASYNC_TASK));

        assertThat(exchange.getException()).isNull();
        assertThat(sentRequest().getUrl()).isEqualTo("/gateway/v1/instances/tasks/" + ASYNC_TASK);
    }

    @Test
    void aChunkedResponseWithoutContentLengthIsReadInFull() {
        wm.stubFor(get(anyUrl()).willReturn(okJson(fixture("getTask.json")).withChunkedDribbleDelay(5, 50)));

        Exchange exchange = call("koophone:getTask", null, Map.of(TASK_ID, ASYNC_TASK));

        assertThat(exchange.getException()).isNull();
        assertThat(body(exchange.getMessage(), GetTaskResult.class).getJobs()).hasSize(2);
    }

    @Test
    void getTaskFromTheTaskIdOptionReadsRunningJobsWithInstanceIds() {
        Message out = send("koophone:getTask?taskId=" + INSTALL_TASK, null, Map.of(), "getTask-running-constructed.json",
                Wire.get("/v1/instances/tasks/" + INSTALL_TASK, Map.of()));

        GetTaskResult result = body(out, GetTaskResult.class);
        assertThat(result.getJobs())
                .extracting(Job::getJobId, Job::getInstanceId, Job::getStatus, Job::getExecuteMsg)
                .containsExactly(
                        tuple("LOXM9bLO0sFoKJo-6BEjFzN6ut2jsoH_1", "XvH39QVW", 1, null),
                        tuple("1564567b8bab40f34711234cb80d0123", "Vpp8rC4Y", 2, "Success"));
        assertThat(result.isTerminal()).isFalse();
    }

    @Test
    void setVideoConfigFromAMapBodyWithInstanceIdsFromACommaSeparatedHeader() {
        Map<String, Object> settings = jsonMap(fixture("requests/setVideoConfig.json"));
        settings.remove("instance_ids");

        Message out = send("koophone:setVideoConfig", settings, Map.of(INSTANCE_IDS, "iRJEVP96"), "setVideoConfig.json",
                Wire.put("/v1/instances/video-setting", fixture("requests/setVideoConfig.json")));

        assertNoData(out, "0", "ok");
    }

    @Test
    void batchQueryStatusFromACommaSeparatedHeaderWithSpaces() {
        Message out = send("koophone:batchQueryStatus", null, Map.of(INSTANCE_IDS, " a44uhlf7 , efjy72gs "),
                "batchQueryStatus.json", Wire.post(QUERY_STATUS, TWO_IDS_BODY));

        assertSeedStatusResults(out);
        assertEnvelope(out, "0", "ok");
    }

    @Test
    void batchQueryStatusWithoutDataWrapperReadsTheTopLevel() {
        Message out = send("koophone:batchQueryStatus?instanceIds=a44uhlf7,efjy72gs", null, Map.of(),
                "batchQueryStatus-nowrapper.json", Wire.post(QUERY_STATUS, TWO_IDS_BODY));

        assertSeedStatusResults(out);
        assertEnvelope(out, "0", null);
    }

    @Test
    void batchResetFromATypedRequest() {
        InstanceIdsRequest request = new InstanceIdsRequest();
        request.setInstanceIds(TWO_IDS);

        Message out = send("koophone:batchReset", request, Map.of(), "batchReset.json", Wire.post(RESET, TWO_IDS_BODY));

        assertTask(out, RM_TASK, SEED_JOBS);
        assertEnvelope(out, "0", "ok");
    }

    @Test
    void batchResetWithoutDataStillGivesATaskResult() {
        Message out = send("koophone:batchReset?instanceIds=a44uhlf7,efjy72gs", null, Map.of(), "batchReset-nodata.json",
                Wire.post(RESET, TWO_IDS_BODY));

        TaskResult result = body(out, TaskResult.class);
        assertThat(result.getTaskId()).isNull();
        assertThat(result.getCmdJobs()).isNull();
        assertThat(out.getHeader(TASK_ID)).isNull();
        assertThat(out.getHeader(TASK_IDS, List.class)).isNullOrEmpty();
        assertEnvelope(out, "0", "ok");
    }

    @Test
    void getDeviceTokenPutsTheInstanceIdHeaderIntoThePathAndSendsNoBody() {
        Message out = send("koophone:getDeviceToken", null, Map.of(INSTANCE_ID, "Q39YyZvI"), "getDeviceToken.json",
                Wire.postWithoutBody("/v1/instances/Q39YyZvI/auth"));

        DeviceTokenResult result = body(out, DeviceTokenResult.class);
        assertThat(result.getDeviceToken()).isEqualTo("dee5081f40c83ddea3ded91c387351e9");
        assertThat(result.getStreamingId()).isNull();
        assertThat(result.getResource().getDeviceId()).isEqualTo("7b0cd026df8d495b8a65d628d7bec433");
        assertThat(result.getResource().getKpId()).isEqualTo("Q39YyZvI");
        assertAddress(result.getResource().getSdk().getInternal(), null, null, null, null);
        assertAddress(result.getResource().getSdk().getExternal(), "10.83.71.187", "10030", "1", null);
        IceSignaling ice = result.getResource().getRtc().getIceSignaling();
        assertThat(ice.getSignalingUrl()).isEqualTo("http://100.93.2.248:18082");
        assertThat(ice.getExpiredTime()).isNull();
        assertThat(ice.getIceServers()).isEmpty();
        assertEnvelope(out, "0", "ok");
    }

    @Test
    void getDeviceTokenReadsStringAndIntegerAportAlike() {
        InstanceIdRequest request = new InstanceIdRequest();
        request.setInstanceId("Q39YyZvI");

        Message out = send("koophone:getDeviceToken", request, Map.of(), "getDeviceToken-streaming-constructed.json",
                Wire.postWithoutBody("/v1/instances/Q39YyZvI/auth"));

        DeviceTokenResult result = body(out, DeviceTokenResult.class);
        assertThat(result.getStreamingId()).isEqualTo("5f2c1a9e8b7d4c3a9e1f0b2d4c6a8e10");
        assertAddress(result.getResource().getSdk().getInternal(), "192.168.10.21", "10030", "1", null);
        assertAddress(result.getResource().getSdk().getExternal(), "10.83.71.187", "10030", "1", "2001:db8::15");
        IceSignaling ice = result.getResource().getRtc().getIceSignaling();
        assertThat(ice.getExpiredTime()).isEqualTo("3600");
        assertThat(ice.getIceServers()).containsExactly("stun:100.93.2.249:3478");
    }

    @Test
    void assignInstanceFromATypedRequest() {
        UserInstance pair = new UserInstance();
        pair.setUserId(USER);
        pair.setInstanceId("a44uhlf7");
        UserInstancesRequest request = new UserInstancesRequest();
        request.setUserInstances(List.of(pair));

        Message out = send("koophone:assignInstance", request, Map.of(), "assignInstance-constructed.json",
                Wire.post(ASSIGN, fixture("requests/assignInstance.json")));

        assertNoData(out, "0", "ok");
    }

    @Test
    void unassignInstanceFromTheExampleJsonStringSendsTheUserIdAsAString() {
        Message out = send("koophone:unassignInstance", fixture("requests/unassignInstance.json"), Map.of(),
                "unassignInstance.json",
                Wire.post(UNASSIGN, ONE_PAIR_BODY));

        assertTask(out, RM_TASK, SEED_JOBS);
        assertEnvelope(out, "0", "ok");
    }

    @Test
    void listInstancesTurnsAMapBodyIntoTheQueryStringAndReadsPagingBesideData() {
        Map<String, Object> query = Map.of("page_no", 1, "page_size", 200, "poolSceneTag", "CLOUD_PHONE",
                "query_start_time", "2024-05-24 00:00:00");

        Message out = send("koophone:listInstances", query, Map.of(), "listInstances.json", Wire.get(LIST, Map.of(
                "page_no", "1", "page_size", "200", "pool_scene_tag", "CLOUD_PHONE", "query_start_time", "2024-05-24 00:00:00"))
                .withRequestIdInQuery());

        assertThat(sentRequest().getUrl()).contains("query_start_time=2024-05-24%2000%3A00%3A00");
        ListInstancesResult result = body(out, ListInstancesResult.class);
        assertPaging(result, 1, 100, 72);
        assertThat(result.getResult()).singleElement().satisfies(instance -> {
            assertThat(instance).extracting("instanceId", "instanceName", "region", "instanceSku", "projectId", "projectName")
                    .containsExactly("5srn5hL8", "CCTEST-00001", "cn-north-7", "专业版 | 8 核 | 16GB | 10GB 存储 | 最高输出 720p",
                            "9d71ec45aef04d84a991c12250227b5c", "cn-north-7");
            assertThat(instance).extracting("frozenStatus", "runningStatus", "loginStatus", "assignStatus", "backupStatus",
                    "restoreStatus").containsExactly(0, 1, 0, 1, 0, 0);
            assertThat(instance).extracting("assignUser", "billingMode", "phoneId", "memberName", "accountName")
                    .containsExactly("1008600000097131912", "1", "null", "test", "hhh@cs02.huaweiapaas.com");
            assertThat(instance).extracting("regionName", "regionNameEn", "backupTime", "restoreTime")
                    .containsExactly("华北-乌兰察布203", "CN North-Ulangab203", "2024-05-24 17:34:58", "2024-05-24 20:34:58");
        });
        assertEnvelope(out, "0", "OK");
    }

    @Test
    void listInstancesWithDefaultsAndInstanceIdHeaderReadsPagingInsideData() {
        Message out = send("koophone:listInstances", null, Map.of(INSTANCE_ID, "5srn5hL8"),
                "listInstances-paging-inside-constructed.json",
                Wire.get(LIST, Map.of("page_no", "1", "page_size", "100", "instance_id", "5srn5hL8")).withRequestIdInQuery());

        ListInstancesResult result = body(out, ListInstancesResult.class);
        assertPaging(result, 2, 1, 72);
        assertThat(result.getResult()).extracting(InstanceRecord::getInstanceId, InstanceRecord::getInstanceName,
                InstanceRecord::getRegion, InstanceRecord::getRunningStatus)
                .containsExactly(tuple("5srn5hL8", "CCTEST-00001", "cn-north-7", 7));
    }

    @Test
    void batchRebootInstanceFromAByteArrayBody() {
        byte[] body = fixture("requests/batchRebootInstance.json").getBytes(StandardCharsets.UTF_8);

        Message out = send("koophone:batchRebootInstance", body, Map.of(), "batchRebootInstance.json",
                Wire.post(REBOOT, ONE_ID_BODY));

        assertNoData(out, "0", "OK");
    }

    // ---------------------------------------------------------------------------------------------------------
    // Instance purchase
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void batchShowSkuSendsTheTypeAsQueryAndReadsTheCatalogue() {
        BatchShowSkuRequest request = new BatchShowSkuRequest();
        request.setType("PROFESSIONAL");

        Message out = send("koophone:batchShowSku", request, Map.of(), "batchShowSku.json",
                Wire.get(SKU, Map.of("type", "PROFESSIONAL")));

        BatchShowSkuResult result = body(out, BatchShowSkuResult.class);
        assertThat(result.getBandInfo()).extracting("id", "cbcSkuId").containsExactly("62", "kp.bandwidth");
        assertThat(result.getSkuSpecResponseList()).extracting(SkuSpecResponse::getRegionId)
                .containsExactly("cn-north-7", "cn-north-208", "cn-southwest-252");
        List<SkuResponse> skus = result.getSkuSpecResponseList().get(0).getSkuResponses();
        assertThat(skus).extracting(SkuResponse::getType, SkuResponse::getCbcSkuId, SkuResponse::getName,
                SkuResponse::getBandSize, SkuResponse::getChargeMode, SkuResponse::getMaxResolution)
                .containsExactly(
                        tuple("PROFESSIONAL", "kp.professional.xlarge.32g.2", "sku_1_xiahui", "4,6", 2, "720p (高清)"),
                        tuple("ENTERPRISE", "kp.enterprise.xlarge.32g.2", "sku_basic_app", "4", 2, "720p"));
        SkuResponse first = skus.get(0);
        assertThat(first).extracting("calcSpec", "storageSpec", "specDescEn")
                .containsExactly("4vCPUs | 8GB", "32GB", "Professional | 4 Core | 8GB | 32GB Storage | 720P Max Output");
        assertThat(first.getPoolInfo().getAosp()).extracting(AospPool::getVersion, AospPool::getResPoolId, AospPool::getId,
                AospPool::getNetwork, AospPool::getEnable).containsExactly(tuple("AOSP9", "1600087199176311111", "40", "ADN", true));
        assertThat(first.getNestInfo()).extracting(NestInfo::getBandSize, NestInfo::getSceneType, NestInfo::getSceneDesc,
                NestInfo::getTags).containsExactly(tuple(6, "CLOUD_PHONE", "轻量办公", "个人,商务"), tuple(4, "CLOUD_PHONE", "轻量办公-2", null));
        assertThat(skus.get(1).getNestInfo()).isEmpty();
        assertEnvelope(out, "0", "return sku messages success");
    }

    @Test
    void batchShowSkuWithoutTypeSendsNoQuery() {
        Message out = send("koophone:batchShowSku", null, Map.of(), "batchShowSku.json", Wire.get(SKU, Map.of()));

        assertThat(body(out, BatchShowSkuResult.class).getSkuSpecResponseList()).hasSize(3);
    }

    @Test
    void createInstanceFromTheExampleJsonString() {
        String request = fixture("requests/createInstance.json");

        Message out = send("koophone:createInstance", request, Map.of(), "createInstance.json",
                Wire.post("/v1/instances/create", request));

        CreateInstanceResult result = body(out, CreateInstanceResult.class);
        assertThat(result.getOrderId()).isEqualTo("CS2412261442DBN4E");
        assertThat(result.getInstanceInfos()).extracting("instanceId", "instanceName")
                .containsExactly(tuple("11J6QVu5", "koophone-00001"));
        assertEnvelope(out, "0", "OK");
    }

    @Test
    void deleteInstanceFromAListHeaderReadsNullData() {
        Message out = send("koophone:deleteInstance", null, Map.of(INSTANCE_IDS, List.of("XvH39QVW")), "deleteInstance.json",
                Wire.post(DELETE, fixture("requests/deleteInstance.json")));

        assertNoData(out, "0", "OK");
    }

    // ---------------------------------------------------------------------------------------------------------
    // Instance usage
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void batchPrepareInstancesFromUserIdOptionAndInstanceIdsHeader() {
        Message out = send("koophone:batchPrepareInstances?userId=" + PREPARE_USER, null,
                Map.of(INSTANCE_IDS, "a44uhlf7,efjy72gs"), "batchPrepareInstances.json",
                Wire.post(PREPARE, "{\"user_id\":\"" + PREPARE_USER + "\",\"instance_ids\":[\"a44uhlf7\",\"efjy72gs\"]}"));

        assertThat(body(out, PrepareInstancesResult.class).getStatusList())
                .extracting(InstanceStatus::getInstanceId, InstanceStatus::getStatus)
                .containsExactly(tuple("a44uhlf7", 0), tuple("efjy72gs", 1));
        assertEnvelope(out, "0", "ok");
    }

    @Test
    void showProgressFromUserIdAndInstanceIdHeaders() {
        Message out = send("koophone:showProgress", null, Map.of(USER_ID, PREPARE_USER, INSTANCE_ID, "iRJEVP9"),
                "showProgress.json", Wire.post("/v1/instances/prepare-progress", fixture("requests/showProgress.json")));

        ShowProgressResult result = body(out, ShowProgressResult.class);
        assertThat(result.getStatus()).isZero();
        assertThat(result.getWaitingCount()).isZero();
        assertEnvelope(out, "0", "OK");
    }

    @Test
    void batchBackupInstancesFromAnInputStreamBody() {
        String request = fixture("requests/batchBackupInstances-constructed.json");

        Message out = send("koophone:batchBackupInstances", new ByteArrayInputStream(request.getBytes(StandardCharsets.UTF_8)),
                Map.of(), "batchBackupInstances.json", Wire.post(BACKUP, request));

        assertTask(out, RM_TASK, SEED_JOBS);
        assertEnvelope(out, "0", "ok");
    }

    @Test
    void stopInstancesStreamingFromTheInstanceIdOption() {
        Message out = send("koophone:stopInstancesStreaming?instanceId=iRJEVP96", null, Map.of(), "stopInstancesStreaming.json",
                Wire.post("/v1/instances/streaming/stop", "{\"instance_id\":\"iRJEVP96\"}"));

        assertNoData(out, "0", "OK");
    }

    @Test
    void releaseInstancesSessionFromAMapBody() {
        Message out = send("koophone:releaseInstancesSession", Map.of("instance_id", "iRJEVP96"), Map.of(),
                "releaseInstancesSession.json", Wire.post("/v1/instances/session/release", "{\"instance_id\":\"iRJEVP96\"}"));

        assertNoData(out, "0", "OK");
    }

    // ---------------------------------------------------------------------------------------------------------
    // Apps
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void installAppSendsNumbersAsStringsAndUnwrapsDataData() {
        ObjectNode expected = (ObjectNode) readTree(fixture("requests/installApp.json"));
        expected.put("fast_install", "1").put("object_size", "120");

        Message out = send("koophone:installApp", fixture("requests/installApp.json"), Map.of(), "installApp.json",
                Wire.post("/v1/instances/app/install", expected.toString()));

        assertTask(out, INSTALL_TASK,
                "XvH39QVW:LOXM9bLO0sFoKJo-6BEjFzN6ut2jsoH_1", "Vpp8rC4Y:1564567b8bab40f34711234cb80d0123");
        assertEnvelope(out, "0", "OK");
    }

    // ---------------------------------------------------------------------------------------------------------
    // Quirks, precedence, conveniences
    // ---------------------------------------------------------------------------------------------------------

    static Stream<Arguments> ecmdJobsAreReadAsCmdJobs() {
        return Stream.of(
                arguments("asyncCommand", Wire.post(ASYNC, COMMAND_BODY), ASYNC_TASK),
                arguments("batchReset", Wire.post(RESET, TWO_IDS_BODY), RM_TASK),
                arguments("unassignInstance", Wire.post(UNASSIGN, TWO_PAIRS_BODY), RM_TASK),
                arguments("batchBackupInstances", Wire.post(BACKUP, TWO_IDS_BODY), RM_TASK));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void ecmdJobsAreReadAsCmdJobs(String operation, Wire wire, String taskId) {
        Message out = send("koophone:" + operation, null, Map.of(COMMAND, CMD, USER_ID, USER, INSTANCE_IDS, TWO_IDS),
                operation + "-ecmd.json", wire);

        assertTask(out, taskId, SEED_JOBS);
        assertEnvelope(out, "0", "ok");
    }

    @Test
    void bodyFieldBeatsHeaderWhichBeatsEndpointOption() {
        String uri = "koophone:syncCommand?command=RAW(ls /option)&instanceIds=opt1,opt2";

        send(uri, Map.of("command", "ls /body"), Map.of(COMMAND, "ls /header", INSTANCE_IDS, List.of("hdr1")),
                "syncCommand.json", Wire.post(SYNC, "{\"command\":\"ls /body\",\"instance_ids\":[\"hdr1\"]}"));
        wm.resetRequests();
        send(uri, null, Map.of(COMMAND, "ls /header"),
                "syncCommand.json", Wire.post(SYNC, "{\"command\":\"ls /header\",\"instance_ids\":[\"opt1\",\"opt2\"]}"));
    }

    @Test
    void operationHeaderOverridesTheUriOperation() {
        Message out = send("koophone:batchQueryStatus", null, Map.of(OPERATION, "batchRebootInstance", INSTANCE_IDS, "a44uhlf7"),
                "batchRebootInstance.json", Wire.post(REBOOT, ONE_ID_BODY));

        assertNoData(out, "0", "OK");
    }

    @Test
    void anErrorMessageFromAnEarlierStepDoesNotPassForThisCalls() {
        wm.stubFor(request("GET", urlPathEqualTo("/v1/instances/tasks/" + ASYNC_TASK))
                .willReturn(okJson("{\"error_code\":\"0\",\"data\":{\"jobs\":[]}}")));

        Exchange exchange = call("koophone:getTask", null,
                Map.of(TASK_ID, ASYNC_TASK, ERROR_CODE, "CPS.0001", ERROR_MESSAGE, "an earlier call failed"));

        assertThat(exchange.getException()).isNull();
        assertEnvelope(exchange.getMessage(), "0", null);
    }

    @Test
    void unknownOperationHeaderFailsListingTheValidNamesBeforeSending() {
        Exchange out = call("koophone:batchQueryStatus", null, Map.of(OPERATION, "rebootEverything", INSTANCE_IDS, "a44uhlf7"));

        assertThat(out.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rebootEverything").hasMessageContaining("batchRebootInstance");
        assertThat(wm.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    static Stream<Arguments> instanceIdHeaderAloneFillsTheIdList() {
        return Stream.of(
                arguments("syncCommand", "syncCommand.json",
                        Wire.post(SYNC, "{\"command\":\"ls -l /system\",\"instance_ids\":[\"a44uhlf7\"]}")),
                arguments("batchQueryStatus", "batchQueryStatus.json", Wire.post(QUERY_STATUS, ONE_ID_BODY)),
                arguments("deleteInstance", "deleteInstance.json", Wire.post(DELETE, "{\"instanceIdList\":[\"a44uhlf7\"]}")),
                arguments("batchPrepareInstances", "batchPrepareInstances.json",
                        Wire.post(PREPARE, "{\"user_id\":\"1123422\",\"instance_ids\":[\"a44uhlf7\"]}")),
                arguments("assignInstance", "assignInstance-constructed.json",
                        Wire.post(ASSIGN, ONE_PAIR_BODY)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void instanceIdHeaderAloneFillsTheIdList(String operation, String fixture, Wire wire) {
        send("koophone:" + operation, null, Map.of(INSTANCE_ID, "a44uhlf7", USER_ID, USER, COMMAND, CMD), fixture, wire);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "assignInstance, " + ASSIGN + ", assignInstance-constructed.json",
                 "unassignInstance, " + UNASSIGN + ", unassignInstance.json" })
    void userIdAndInstanceIdsBuildUserInstancePairs(String operation, String path, String fixture) {
        send("koophone:" + operation + "?userId=" + USER, null, Map.of(INSTANCE_IDS, "a44uhlf7,efjy72gs"), fixture,
                Wire.post(path, TWO_PAIRS_BODY));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Helpers
    // ---------------------------------------------------------------------------------------------------------

    /** The one request an operation must send: method, path, exact query and exact JSON body (null: no body). */
    /** @param requestIdInQuery whether the x-request-id is also a query parameter (listInstances' reference) */
    record Wire(String method, String path, Map<String, String> query, String json, boolean requestIdInQuery) {

        static Wire post(String path, String json) {
            return new Wire("POST", path, Map.of(), json, false);
        }

        static Wire put(String path, String json) {
            return new Wire("PUT", path, Map.of(), json, false);
        }

        static Wire postWithoutBody(String path) {
            return new Wire("POST", path, Map.of(), null, false);
        }

        static Wire get(String path, Map<String, String> query) {
            return new Wire("GET", path, query, null, false);
        }

        Wire withRequestIdInQuery() {
            return new Wire(method, path, query, json, true);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /**
     * Stubs the wire request's path with the fixture, sends the message, checks that exactly the expected request
     * went out and returns the output message.
     */
    private Message send(String uri, Object body, Map<String, Object> headers, String fixture, Wire wire) {
        wm.stubFor(request(wire.method(), urlPathEqualTo(wire.path())).willReturn(okJson(fixture(fixture))));

        Exchange exchange = call(uri, body, headers);

        assertThat(exchange.getException()).as("exception from %s", uri).isNull();
        verifyWire(wire, exchange.getMessage());
        return exchange.getMessage();
    }

    private static void verifyWire(Wire wire, Message out) {
        RequestPatternBuilder expected = requestedFor(wire.method(), urlPathEqualTo(wire.path()))
                .withHeader("X-Auth-Token", equalTo(TOKEN))
                .withHeader("x-request-id", matching("[0-9a-f]{32}"));
        wire.query().forEach((name, value) -> expected.withQueryParam(name, equalTo(value)));
        if (wire.json() == null) {
            expected.withHeader("Content-Type", absent());
        } else {
            expected.withHeader("Content-Type", equalTo("application/json"))
                    .withRequestBody(equalToJson(wire.json(), false, false));
        }
        wm.verify(exactly(1), expected);

        LoggedRequest sent = sentRequest();
        Map<String, String> query = new TreeMap<>(wire.query());
        if (wire.requestIdInQuery()) {
            query.put("x-request-id", sent.getHeader("x-request-id"));
        }
        assertThat(queryOf(sent)).as("query parameters of %s", sent.getUrl()).isEqualTo(query);
        if (wire.json() == null) {
            assertThat(sent.getBody()).as("body of %s", sent.getUrl()).isEmpty();
        }
        assertThat(out.getHeader(REQUEST_ID)).as(REQUEST_ID).isEqualTo(sent.getHeader("x-request-id"));
    }

    /** The only request WireMock received. */
    private static LoggedRequest sentRequest() {
        List<LoggedRequest> all = wm.findAll(anyRequestedFor(anyUrl()));
        assertThat(all).as("requests sent").hasSize(1);
        return all.get(0);
    }

    private static Map<String, String> queryOf(LoggedRequest request) {
        Map<String, String> query = new TreeMap<>();
        request.getQueryParams().forEach((name, parameter) -> query.put(name, String.join(",", parameter.values())));
        return query;
    }

    private static <T> T body(Message out, Class<T> type) {
        assertThat(out.getBody()).isInstanceOf(type);
        return type.cast(out.getBody());
    }

    private static void assertEnvelope(Message out, String errorCode, String errorMessage) {
        assertThat(out.getHeader(ERROR_CODE)).as(ERROR_CODE).isEqualTo(errorCode);
        assertThat(out.getHeader(ERROR_MESSAGE)).as(ERROR_MESSAGE).isEqualTo(errorMessage);
    }

    private static void assertNoData(Message out, String errorCode, String errorMessage) {
        NoDataResult result = body(out, NoDataResult.class);
        assertThat(result.getErrorCode()).isEqualTo(errorCode);
        assertThat(result.getErrorMsg()).isEqualTo(errorMessage);
        assertEnvelope(out, errorCode, errorMessage);
    }

    /** A TaskResult with these jobs ("instance:job"), each stamped with the task id, and the task headers. */
    private static void assertTask(Message out, String taskId, String... jobs) {
        TaskResult task = body(out, TaskResult.class);
        assertThat(task.getTaskId()).isEqualTo(taskId);
        assertThat(task.getCmdJobs()).extracting(job -> job.getInstanceId() + ":" + job.getJobId()).containsExactly(jobs);
        assertThat(task.getCmdJobs()).extracting(CmdJob::getTaskId).containsOnly(taskId);
        assertThat(out.getHeader(TASK_ID)).as(TASK_ID).isEqualTo(taskId);
        assertThat(out.getHeader(TASK_IDS)).as(TASK_IDS).isEqualTo(List.of(taskId));
    }

    private static void assertSeedCommandResults(Message out) {
        assertThat(body(out, SyncCommandResult.class).getCmdResults())
                .extracting(CommandResult::getInstanceId, CommandResult::getStatus, CommandResult::getErrorCode,
                        CommandResult::getErrorMsg, CommandResult::getExecuteMsg)
                .containsExactly(
                        tuple("a44uhlf7", -1, "CPS.0191", "Run command failed.",
                                "ls: cannot access '/system': No such file or directory"),
                        tuple("efjy72gs", 2, "", "", "xxxxxx"));
    }

    private static void assertSeedStatusResults(Message out) {
        assertThat(body(out, BatchQueryStatusResult.class).getStatusResults())
                .extracting(InstanceStatus::getInstanceId, InstanceStatus::getStatus)
                .containsExactly(tuple("a44uhlf7", 0));
    }

    private static void assertAddress(SdkAddress address, String host, String aport, String atype, String ipv6) {
        assertThat(address).extracting(SdkAddress::getAddress, SdkAddress::getAport, SdkAddress::getAtype,
                SdkAddress::getAddressIpv6).containsExactly(host, aport, atype, ipv6);
    }

    private static void assertPaging(ListInstancesResult result, int pageNo, int pageSize, int totalCount) {
        assertThat(result).extracting(ListInstancesResult::getPageNo, ListInstancesResult::getPageSize,
                ListInstancesResult::getTotalCount).containsExactly(pageNo, pageSize, totalCount);
    }

    private static com.fasterxml.jackson.databind.JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> jsonMap(String json) {
        return JSON.convertValue(readTree(json), new TypeReference<>() {
        });
    }
}
