package io.github.camelkoophone.component.koophone.model;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.github.camelkoophone.component.koophone.model.Seeds.fieldNames;
import static io.github.camelkoophone.component.koophone.model.Seeds.fieldPaths;
import static io.github.camelkoophone.component.koophone.model.Seeds.parse;
import static io.github.camelkoophone.component.koophone.model.Seeds.read;
import static io.github.camelkoophone.component.koophone.model.Seeds.request;
import static io.github.camelkoophone.component.koophone.model.Seeds.toTree;
import static org.assertj.core.api.Assertions.assertThat;

/** Requests are written with the API's own field names, exactly as the reference's example requests spell them. */
class RequestJsonTest {

    @ParameterizedTest
    @CsvSource({
            "syncCommand.json, CommandRequest",
            "asyncCommand.json, CommandRequest",
            "getTask.json, GetTaskRequest",
            "setVideoConfig.json, SetVideoConfigRequest",
            "batchQueryStatus.json, InstanceIdsRequest",
            "batchReset.json, InstanceIdsRequest",
            "batchRebootInstance.json, InstanceIdsRequest",
            "batchBackupInstances-constructed.json, InstanceIdsRequest",
            "getDeviceToken.json, InstanceIdRequest",
            "stopInstancesStreaming.json, InstanceIdRequest",
            "releaseInstancesSession.json, InstanceIdRequest",
            "assignInstance.json, UserInstancesRequest",
            "unassignInstance.json, UserInstancesRequest",
            "createInstance.json, CreateInstanceRequest",
            "deleteInstance.json, DeleteInstanceRequest",
            "batchPrepareInstances.json, PrepareInstancesRequest",
            "showProgress.json, ShowProgressRequest",
            "installApp.json, InstallAppRequest" })
    void seedRequestsRoundTripWithTheSameFieldNames(String seed, String type) throws ClassNotFoundException {
        Class<?> requestType = Class.forName(getClass().getPackageName() + "." + type);
        JsonNode original = read("requests/" + seed);

        JsonNode written = toTree(request(seed, requestType));

        assertThat(fieldPaths(written)).isEqualTo(fieldPaths(original));
    }

    @ParameterizedTest
    @CsvSource({
            "syncCommand.json, CommandRequest",
            "setVideoConfig.json, SetVideoConfigRequest",
            "assignInstance.json, UserInstancesRequest",
            "createInstance.json, CreateInstanceRequest",
            "deleteInstance.json, DeleteInstanceRequest",
            "batchPrepareInstances.json, PrepareInstancesRequest" })
    void seedRequestsRoundTripUnchanged(String seed, String type) throws ClassNotFoundException {
        Class<?> requestType = Class.forName(getClass().getPackageName() + "." + type);

        assertThat(toTree(request(seed, requestType))).isEqualTo(read("requests/" + seed));
    }

    @Test
    void installAppSendsTheTablesStringsWhereTheExampleHasNumbers() {
        InstallAppRequest request = request("installApp.json", InstallAppRequest.class);

        assertThat(request.getFastInstall()).isEqualTo("1");
        assertThat(request.getObjectSize()).isEqualTo("120");
        JsonNode json = toTree(request);
        assertThat(json.get("fast_install").isTextual()).isTrue();
        assertThat(json.get("fast_install").asText()).isEqualTo("1");
        assertThat(json.get("object_size").asText()).isEqualTo("120");
        assertThat(json.get("instance_id_list").get(1).asText()).isEqualTo("Vpp8rC4Y");
    }

    @Test
    void numericUserIdIsReadAsText() {
        UserInstancesRequest request = request("unassignInstance.json", UserInstancesRequest.class);

        assertThat(request.getUserInstances().get(0).getUserId()).isEqualTo("1123422");
        assertThat(toTree(request).get("user_instances").get(0).get("user_id").asText()).isEqualTo("1123422");
    }

    @Test
    void createInstanceUsesCamelCase() {
        CreateInstanceRequest request = new CreateInstanceRequest();
        request.setOs("AOSP11");
        request.setInstanceSkuId("kp.professional.xlarge.32g.2");
        request.setBandSkuId("kp.bandwidth");
        request.setRegionId("cn-north-7");
        request.setInstanceNamePrefix("koophone");
        request.setBandSize(6.0);
        request.setCount(2);
        request.setNetwork("EIP");
        CreateInstanceRequest.ChargeParam charge = new CreateInstanceRequest.ChargeParam();
        charge.setChargingMode(1);
        charge.setPeriodType(CreateInstanceRequest.ChargeParam.PERIOD_YEAR);
        charge.setPeriodNum(1);
        charge.setAutoPay(1);
        charge.setAutoRenew(0);
        request.setChargeParam(charge);

        JsonNode json = toTree(request);

        assertThat(fieldNames(json)).containsExactly("os", "instanceSkuId", "bandSkuId", "regionId",
                "instanceNamePrefix", "bandSize", "count", "chargeParam", "network");
        assertThat(fieldNames(json.get("chargeParam"))).containsExactly("chargingMode", "periodType", "periodNum",
                "isAutoPay", "isAutoRenew");
        assertThat(json.get("bandSize").isInt()).as("a whole bandSize is written as the examples write it").isTrue();
        assertThat(json.get("chargeParam").get("isAutoRenew").asInt()).isZero();
    }

    @Test
    void createInstanceKeepsAFractionalBandSize() throws Exception {
        CreateInstanceRequest request = io.github.camelkoophone.component.cloud.call.Json.MAPPER
                .readValue("{\"bandSize\":4.5,\"count\":1}", CreateInstanceRequest.class);

        assertThat(request.getBandSize()).as("a Double in the reference, not truncated").isEqualTo(4.5);
        assertThat(toTree(request).get("bandSize").asDouble()).isEqualTo(4.5);
    }

    @Test
    void setVideoConfigFieldNames() {
        SetVideoConfigRequest.VideoSpec spec = new SetVideoConfigRequest.VideoSpec();
        spec.setCodeRate(6000);
        spec.setFps(30);
        SetVideoConfigRequest.VideoSpecGroup group = new SetVideoConfigRequest.VideoSpecGroup();
        group.setDefinition540P(spec);
        group.setDefinition720P(spec);
        group.setDefinition1080P(spec);
        SetVideoConfigRequest.InstanceSetting setting = new SetVideoConfigRequest.InstanceSetting();
        setting.setNetworkType("WIFI");
        setting.setEncodingType("H265");
        setting.setVideoSpecGroups(List.of(group));
        SetVideoConfigRequest request = new SetVideoConfigRequest();
        request.setInstanceIds(List.of("a44uhlf7"));
        request.setInstanceSettings(List.of(setting));

        assertThat(fieldPaths(toTree(request))).containsExactlyInAnyOrder(
                "instance_ids", "instance_settings",
                "instance_settings[].network_type", "instance_settings[].encoding_type",
                "instance_settings[].video_spec_groups",
                "instance_settings[].video_spec_groups[].definition_540P",
                "instance_settings[].video_spec_groups[].definition_540P.code_rate",
                "instance_settings[].video_spec_groups[].definition_540P.fps",
                "instance_settings[].video_spec_groups[].definition_720P",
                "instance_settings[].video_spec_groups[].definition_720P.code_rate",
                "instance_settings[].video_spec_groups[].definition_720P.fps",
                "instance_settings[].video_spec_groups[].definition_1080P",
                "instance_settings[].video_spec_groups[].definition_1080P.code_rate",
                "instance_settings[].video_spec_groups[].definition_1080P.fps");
    }

    @Test
    void listInstancesReadsPoolSceneTagAliasAndWritesTheTablesName() {
        ListInstancesRequest request = request("listInstances.json", ListInstancesRequest.class);

        assertThat(request.getPageNo()).isEqualTo(1);
        assertThat(request.getPageSize()).isEqualTo(200);
        assertThat(request.getPoolSceneTag()).isEqualTo("CLOUD_PHONE");
        JsonNode json = toTree(request);
        assertThat(fieldNames(json)).containsExactly("page_no", "page_size", "pool_scene_tag");
        assertThat(json.get("pool_scene_tag").asText()).isEqualTo("CLOUD_PHONE");
    }

    @Test
    void listInstancesFieldNames() {
        ListInstancesRequest request = parse("""
                {"page_no":2,"page_size":50,"instance_id":"5srn5hL8","instance_name":"CCTEST-00001",
                 "query_start_time":"2023-08-15 14:30:45","query_end_time":"2023-08-16 14:30:45","pool_scene_tag":"CLOUD_APP"}
                """, ListInstancesRequest.class);

        assertThat(request.getInstanceName()).isEqualTo("CCTEST-00001");
        assertThat(request.getQueryEndTime()).isEqualTo("2023-08-16 14:30:45");
        assertThat(fieldNames(toTree(request))).containsExactly("page_no", "page_size", "instance_id", "instance_name",
                "query_start_time", "query_end_time", "pool_scene_tag");
    }

    @Test
    void bareListInstancesAsksForTheFirstPage() {
        assertThat(toTree(new ListInstancesRequest())).isEqualTo(parse("{\"page_no\":1,\"page_size\":100}", JsonNode.class));
    }

    @Test
    void nullFieldsAreLeftOut() {
        assertThat(toTree(new CommandRequest()).isEmpty()).isTrue();
        assertThat(toTree(new BatchShowSkuRequest()).isEmpty()).isTrue();
        BatchShowSkuRequest sku = new BatchShowSkuRequest();
        sku.setType("0");
        assertThat(fieldNames(toTree(sku))).containsExactly("type");
    }

    @Test
    void unknownFieldsAreIgnoredWhenReading() {
        CommandRequest request = parse("{\"command\":\"ls\",\"instance_ids\":[\"a\"],\"extra\":1}", CommandRequest.class);

        assertThat(request.getCommand()).isEqualTo("ls");
        assertThat(request.getInstanceIds()).containsExactly("a");
    }
}
