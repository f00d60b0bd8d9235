package io.github.camelkoophone.component.koophone.model;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import io.github.camelkoophone.component.cloud.model.InvalidInputException;
import io.github.camelkoophone.component.cloud.model.RequestModel;
import io.github.camelkoophone.component.cloud.model.Validator;

import static io.github.camelkoophone.component.koophone.model.Seeds.parse;
import static io.github.camelkoophone.component.koophone.model.Seeds.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The documented input rules of every request type: valid input passes, each broken rule names its field. */
class RequestValidationTest {

    private static final Validator VALIDATOR = new Validator(true);
    private static final String ID_33 = "a".repeat(33);

    private static void assertValid(RequestModel request) {
        assertThatCode(() -> request.validate(VALIDATOR)).doesNotThrowAnyException();
    }

    private static void assertViolation(RequestModel request, String field, String rule) {
        assertThatThrownBy(() -> request.validate(VALIDATOR))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith(field + ": ")
                .hasMessageContaining(rule)
                .extracting(e -> ((InvalidInputException) e).getField()).isEqualTo(field);
    }

    @Nested
    class Command {

        private CommandRequest command(String command, String... ids) {
            CommandRequest request = new CommandRequest();
            request.setCommand(command);
            request.setInstanceIds(ids.length == 0 ? null : new ArrayList<>(List.of(ids)));
            return request;
        }

        @Test
        void seedExampleIsValid() {
            assertValid(request("syncCommand.json", CommandRequest.class));
            assertValid(command("getprop ro.build.version.release", "a44uhlf7"));
        }

        @Test
        void commandIsRequired() {
            assertViolation(command(null, "a44uhlf7"), "command", "is required");
            assertViolation(command("  ", "a44uhlf7"), "command", "is required");
        }

        @Test
        void commandCharacters() {
            assertViolation(command("ls; reboot", "a44uhlf7"), "command", "may contain only letters, digits, space and _ . / : -");
            assertValid(command("ls -l /system:_.-", "a44uhlf7"));
        }

        @Test
        void characterCheckCanBeSwitchedOff() {
            assertThatCode(() -> command("ls | grep x", "a44uhlf7").validate(new Validator(false))).doesNotThrowAnyException();
        }

        @Test
        void commandAtMost1024Bytes() {
            assertValid(command("a".repeat(1024), "a44uhlf7"));
            assertViolation(command("a".repeat(1025), "a44uhlf7"), "command", "must be at most 1024 bytes, was 1025");
        }

        @Test
        void instanceIds() {
            assertViolation(command("ls"), "instance_ids", "must contain at least one entry");
            assertViolation(command("ls", "a44uhlf7", " "), "instance_ids[1]", "is required");
            assertViolation(command("ls", "a44uhlf7", ID_33), "instance_ids[1]", "must be at most 32 characters, was 33");
            assertValid(command("ls", "a".repeat(32)));
        }

        @Test
        void listSizeIsLeftToTheProducer() {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 250; i++) {
                ids.add("id" + i);
            }
            CommandRequest request = command("ls");
            request.setInstanceIds(ids);
            assertValid(request);
        }
    }

    @Test
    void getTask() {
        assertValid(request("getTask.json", GetTaskRequest.class));
        GetTaskRequest installTask = new GetTaskRequest();
        installTask.setTaskId("ZGCAorl8ocwK7U7_tOAfH26P-DjwDw8Yknf4");
        assertValid(installTask);
        assertViolation(new GetTaskRequest(), "task_id", "is required");
    }

    @Nested
    class SetVideoConfig {

        private static final String GROUP_720P_FPS = "instance_settings[0].video_spec_groups[0].definition_720P.fps";
        private static final String GROUP_1080P_RATE = "instance_settings[0].video_spec_groups[0].definition_1080P.code_rate";

        private SetVideoConfigRequest oneSetting() {
            return parse("""
                    {"instance_ids":["a44uhlf7"],"instance_settings":[{"network_type":"WIFI","encoding_type":"H264",
                     "video_spec_groups":[{"definition_540P":{"code_rate":0,"fps":30},
                                           "definition_720P":{"code_rate":1000,"fps":60},
                                           "definition_1080P":{"code_rate":10000,"fps":30}}]}]}
                    """, SetVideoConfigRequest.class);
        }

        private SetVideoConfigRequest.VideoSpec spec(SetVideoConfigRequest request, String definition) {
            SetVideoConfigRequest.VideoSpecGroup group = request.getInstanceSettings().get(0).getVideoSpecGroups().get(0);
            return switch (definition) {
                case "540P" -> group.getDefinition540P();
                case "720P" -> group.getDefinition720P();
                default -> group.getDefinition1080P();
            };
        }

        @Test
        void seedExamplesAreValid() {
            assertValid(request("setVideoConfig.json", SetVideoConfigRequest.class));
            assertValid(oneSetting());
        }

        @ParameterizedTest
        @ValueSource(ints = { 0, 25, 59, 120 })
        void fpsIs30Or60(int fps) {
            SetVideoConfigRequest request = oneSetting();
            spec(request, "720P").setFps(fps);
            assertViolation(request, GROUP_720P_FPS, "must be one of [30, 60], was " + fps);
        }

        @Test
        void fpsIsRequired() {
            SetVideoConfigRequest request = oneSetting();
            spec(request, "720P").setFps(null);
            assertViolation(request, GROUP_720P_FPS, "is required");
        }

        @ParameterizedTest
        @CsvSource({ "-100, must be between 0 and 10000, was -100", "10100, must be between 0 and 10000, was 10100",
                "150, must be a multiple of 100, was 150", "9999, must be a multiple of 100, was 9999" })
        void codeRate(int codeRate, String rule) {
            SetVideoConfigRequest request = oneSetting();
            spec(request, "1080P").setCodeRate(codeRate);
            assertViolation(request, GROUP_1080P_RATE, rule);
        }

        @Test
        void everyDefinitionIsRequired() {
            SetVideoConfigRequest request = oneSetting();
            request.getInstanceSettings().get(0).getVideoSpecGroups().get(0).setDefinition540P(null);
            assertViolation(request, "instance_settings[0].video_spec_groups[0].definition_540P", "is required");
        }

        @Test
        void networkType() {
            SetVideoConfigRequest request = oneSetting();
            request.getInstanceSettings().get(0).setNetworkType("5G");
            assertViolation(request, "instance_settings[0].network_type", "must be one of [MOBILE_NETWORK, WIFI, WIRED], was 5G");
            request.getInstanceSettings().get(0).setNetworkType("WIRED");
            assertValid(request);
        }

        @Test
        void encodingType() {
            SetVideoConfigRequest request = oneSetting();
            request.getInstanceSettings().get(0).setEncodingType("H.264");
            assertViolation(request, "instance_settings[0].encoding_type", "must be one of [H264, H265], was H.264");
            request.getInstanceSettings().get(0).setEncodingType(null);
            assertViolation(request, "instance_settings[0].encoding_type", "is required");
        }

        @Test
        void settingsAndGroupsMustNotBeEmpty() {
            SetVideoConfigRequest request = oneSetting();
            request.getInstanceSettings().get(0).setVideoSpecGroups(List.of());
            assertViolation(request, "instance_settings[0].video_spec_groups", "must contain at least one entry");
            request.setInstanceSettings(null);
            assertViolation(request, "instance_settings", "must contain at least one entry");
        }

        @Test
        void onePerNetworkAndEncodingPair() {
            SetVideoConfigRequest request = oneSetting();
            List<SetVideoConfigRequest.InstanceSetting> settings = new ArrayList<>(request.getInstanceSettings());
            settings.add(oneSetting().getInstanceSettings().get(0));
            request.setInstanceSettings(settings);
            assertViolation(request, "instance_settings[1]", "repeats network_type/encoding_type WIFI/H264 of instance_settings[0]");
            settings.get(1).setEncodingType("H265");
            assertValid(request);
        }

        @Test
        void atMostSixSettings() {
            SetVideoConfigRequest request = request("setVideoConfig.json", SetVideoConfigRequest.class);
            List<SetVideoConfigRequest.InstanceSetting> settings = new ArrayList<>(request.getInstanceSettings());
            settings.add(settings.get(0));
            request.setInstanceSettings(settings);
            assertViolation(request, "instance_settings", "must have at most 6 entries, had 7");
        }

        @Test
        void instanceIds() {
            SetVideoConfigRequest request = oneSetting();
            request.setInstanceIds(List.of(ID_33));
            assertViolation(request, "instance_ids[0]", "must be at most 32 characters");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "batchQueryStatus.json", "batchReset.json", "batchRebootInstance.json", "batchBackupInstances-constructed.json" })
    void instanceIdsRequest(String seed) {
        assertValid(request(seed, InstanceIdsRequest.class));
    }

    @Test
    void instanceIdsRequestRules() {
        InstanceIdsRequest request = new InstanceIdsRequest();
        assertViolation(request, "instance_ids", "must contain at least one entry");
        request.setInstanceIds(List.of("a44uhlf7", ID_33));
        assertViolation(request, "instance_ids[1]", "must be at most 32 characters");
    }

    @Test
    void backupSeedBodyDoesNotMatchItsTable() {
        assertViolation(request("batchBackupInstances-seed-mismatch.json", InstanceIdsRequest.class),
                "instance_ids", "must contain at least one entry");
    }

    @ParameterizedTest
    @ValueSource(strings = { "getDeviceToken.json", "stopInstancesStreaming.json", "releaseInstancesSession.json" })
    void instanceIdRequest(String seed) {
        assertValid(request(seed, InstanceIdRequest.class));
    }

    @Test
    void instanceIdRequestRules() {
        InstanceIdRequest request = new InstanceIdRequest();
        assertViolation(request, "instance_id", "is required");
        request.setInstanceId(ID_33);
        assertViolation(request, "instance_id", "must be at most 32 characters, was 33");
    }

    @Test
    void userInstances() {
        assertValid(request("assignInstance.json", UserInstancesRequest.class));
        assertValid(request("unassignInstance.json", UserInstancesRequest.class));

        assertViolation(new UserInstancesRequest(), "user_instances", "must contain at least one entry");
        UserInstancesRequest request = parse(
                "{\"user_instances\":[{\"user_id\":\"u1\",\"instance_id\":\"a44uhlf7\"},{\"instance_id\":\"efjy72gs\"}]}",
                UserInstancesRequest.class);
        assertViolation(request, "user_instances[1].user_id", "is required");
        request.getUserInstances().get(1).setUserId("u2");
        request.getUserInstances().get(1).setInstanceId(ID_33);
        assertViolation(request, "user_instances[1].instance_id", "must be at most 32 characters");
        request.getUserInstances().set(1, null);
        assertViolation(request, "user_instances[1]", "is required");
    }

    @Nested
    class ListInstances {

        @Test
        void bareRequestIsValid() {
            assertValid(new ListInstancesRequest());
            assertValid(request("listInstances.json", ListInstancesRequest.class));
        }

        @Test
        void paging() {
            ListInstancesRequest request = new ListInstancesRequest();
            request.setPageNo(0);
            assertViolation(request, "page_no", "must be at least 1, was 0");
            request.setPageNo(1);
            request.setPageSize(null);
            assertViolation(request, "page_size", "is required");
        }

        @ParameterizedTest
        @ValueSource(strings = { "2023-08-15T14:30:45", "2023-08-15 14:30", "2023-02-30 10:00:00", "15/08/2023 14:30:45",
                "2023-08-15 24:00:00", "2023-08-15 14:30:45Z" })
        void timesAreUtcInTheApiFormat(String time) {
            ListInstancesRequest request = new ListInstancesRequest();
            request.setQueryStartTime(time);
            assertViolation(request, "query_start_time", "must be a UTC time formatted yyyy-MM-dd HH:mm:ss, was '" + time + "'");
            request.setQueryStartTime(null);
            request.setQueryEndTime(time);
            assertViolation(request, "query_end_time", "must be a UTC time formatted yyyy-MM-dd HH:mm:ss");
        }

        @Test
        void validTimes() {
            ListInstancesRequest request = new ListInstancesRequest();
            request.setQueryStartTime("2023-08-15 14:30:45");
            request.setQueryEndTime("2024-02-29 23:59:59");
            assertValid(request);
        }

        @Test
        void poolSceneTag() {
            ListInstancesRequest request = new ListInstancesRequest();
            request.setPoolSceneTag("CLOUD_TV");
            assertViolation(request, "pool_scene_tag", "must be one of [CLOUD_APP, CLOUD_PHONE], was CLOUD_TV");
            request.setPoolSceneTag("CLOUD_APP");
            assertValid(request);
        }

        @Test
        void instanceIdWhenSet() {
            ListInstancesRequest request = new ListInstancesRequest();
            request.setInstanceId(ID_33);
            assertViolation(request, "instance_id", "must be at most 32 characters");
        }
    }

    @Test
    void batchShowSkuHasNoRules() {
        assertValid(new BatchShowSkuRequest());
    }

    @Nested
    class CreateInstance {

        private CreateInstanceRequest seed() {
            return request("createInstance.json", CreateInstanceRequest.class);
        }

        @Test
        void seedExampleIsValid() {
            assertValid(seed());
        }

        @Test
        void os() {
            CreateInstanceRequest request = seed();
            request.setOs("AOSP10");
            assertViolation(request, "os", "must be one of [AOSP9, AOSP11], was AOSP10");
            request.setOs("AOSP11");
            assertValid(request);
        }

        @ParameterizedTest
        @ValueSource(strings = { "instanceSkuId", "bandSkuId", "regionId", "instanceNamePrefix", "bandSize", "chargeParam" })
        void required(String field) {
            CreateInstanceRequest request = seed();
            switch (field) {
                case "instanceSkuId" -> request.setInstanceSkuId(null);
                case "bandSkuId" -> request.setBandSkuId("");
                case "regionId" -> request.setRegionId(null);
                case "instanceNamePrefix" -> request.setInstanceNamePrefix(" ");
                case "bandSize" -> request.setBandSize(null);
                default -> request.setChargeParam(null);
            }
            assertViolation(request, field, "is required");
        }

        @Test
        void namePrefixAtMost14Characters() {
            CreateInstanceRequest request = seed();
            request.setInstanceNamePrefix("a".repeat(14));
            assertValid(request);
            request.setInstanceNamePrefix("a".repeat(15));
            assertViolation(request, "instanceNamePrefix", "must be at most 14 characters, was 15");
        }

        @Test
        void countAtLeastOne() {
            CreateInstanceRequest request = seed();
            request.setCount(0);
            assertViolation(request, "count", "must be at least 1, was 0");
            request.setCount(null);
            assertViolation(request, "count", "is required");
        }

        @ParameterizedTest
        @CsvSource({ "2, 0, 'must be between 1 and 9, was 0'", "2, 10, 'must be between 1 and 9, was 10'",
                "3, 4, 'must be between 1 and 3, was 4'", "3, 0, 'must be between 1 and 3, was 0'" })
        void periodNumDependsOnPeriodType(int periodType, int periodNum, String rule) {
            CreateInstanceRequest request = seed();
            request.getChargeParam().setPeriodType(periodType);
            request.getChargeParam().setPeriodNum(periodNum);
            assertViolation(request, "chargeParam.periodNum", rule);
        }

        @ParameterizedTest
        @CsvSource({ "2, 9", "3, 3", "3, 1" })
        void validPeriods(int periodType, int periodNum) {
            CreateInstanceRequest request = seed();
            request.getChargeParam().setPeriodType(periodType);
            request.getChargeParam().setPeriodNum(periodNum);
            assertValid(request);
        }

        @Test
        void periodType() {
            CreateInstanceRequest request = seed();
            request.getChargeParam().setPeriodType(1);
            assertViolation(request, "chargeParam.periodType", "must be one of [2, 3], was 1");
        }

        @Test
        void chargingModeRequired() {
            CreateInstanceRequest request = seed();
            request.getChargeParam().setChargingMode(null);
            assertViolation(request, "chargeParam.chargingMode", "is required");
        }

        @Test
        void autoFlagsAreOptionalZeroOrOne() {
            CreateInstanceRequest request = seed();
            request.getChargeParam().setAutoPay(null);
            request.getChargeParam().setAutoRenew(null);
            request.setNetwork(null);
            assertValid(request);
            request.getChargeParam().setAutoPay(2);
            assertViolation(request, "chargeParam.isAutoPay", "must be one of [0, 1], was 2");
            request.getChargeParam().setAutoPay(0);
            request.getChargeParam().setAutoRenew(-1);
            assertViolation(request, "chargeParam.isAutoRenew", "must be one of [0, 1], was -1");
        }
    }

    @Test
    void deleteInstance() {
        assertValid(request("deleteInstance.json", DeleteInstanceRequest.class));
        DeleteInstanceRequest request = new DeleteInstanceRequest();
        assertViolation(request, "instanceIdList", "must contain at least one entry");
        request.setInstanceIdList(List.of(""));
        assertViolation(request, "instanceIdList[0]", "is required");
    }

    @Test
    void prepareInstances() {
        PrepareInstancesRequest request = request("batchPrepareInstances.json", PrepareInstancesRequest.class);
        assertValid(request);
        request.setUserId(null);
        assertViolation(request, "user_id", "is required");
        request.setUserId(ID_33);
        assertViolation(request, "user_id", "must be at most 32 characters");
        request.setUserId("1008600000104285462");
        request.setInstanceIds(List.of());
        assertViolation(request, "instance_ids", "must contain at least one entry");
    }

    @Test
    void showProgress() {
        ShowProgressRequest request = request("showProgress.json", ShowProgressRequest.class);
        assertValid(request);
        request.setInstanceId(null);
        assertViolation(request, "instance_id", "is required");
        request.setInstanceId("iRJEVP96");
        request.setUserId("");
        assertViolation(request, "user_id", "is required");
    }

    @Nested
    class InstallApp {

        private InstallAppRequest seed() {
            return request("installApp.json", InstallAppRequest.class);
        }

        @Test
        void seedExampleIsValid() {
            assertValid(seed());
        }

        @Test
        void fastInstallIsOptionalZeroOrOne() {
            InstallAppRequest request = seed();
            request.setFastInstall(null);
            assertValid(request);
            request.setFastInstall("0");
            assertValid(request);
            request.setFastInstall("2");
            assertViolation(request, "fast_install", "must be one of [0, 1], was 2");
        }

        @ParameterizedTest
        @ValueSource(strings = { "object_name", "file_name", "object_version", "object_size", "biz_type", "content_type",
                "content_md5" })
        void required(String field) {
            InstallAppRequest request = seed();
            switch (field) {
                case "object_name" -> request.setObjectName(null);
                case "file_name" -> request.setFileName("");
                case "object_version" -> request.setObjectVersion(null);
                case "object_size" -> request.setObjectSize(null);
                case "biz_type" -> request.setBizType(" ");
                case "content_type" -> request.setContentType(null);
                default -> request.setContentMd5(null);
            }
            assertViolation(request, field, "is required");
        }

        @Test
        void installPackageUrlIsOptionalAsTheReferenceSays() {
            InstallAppRequest request = seed();
            request.setInstallPackageUrl(null);
            request.setFastInstall(null);
            assertValid(request);
        }

        @Test
        void lengths() {
            InstallAppRequest request = seed();
            request.setObjectName("a".repeat(101));
            assertViolation(request, "object_name", "must be at most 100 characters, was 101");
            request = seed();
            request.setContentMd5("a".repeat(201));
            assertViolation(request, "content_md5", "must be at most 200 characters, was 201");
            request = seed();
            request.setInstallPackageUrl("https://example.com/" + "a".repeat(2000));
            assertViolation(request, "install_package_url", "must be at most 2000 characters");
        }

        @Test
        void instanceIdList() {
            InstallAppRequest request = seed();
            request.setInstanceIdList(null);
            assertViolation(request, "instance_id_list", "must contain at least one entry");
            request.setInstanceIdList(List.of("XvH39QVW", ID_33));
            assertViolation(request, "instance_id_list[1]", "must be at most 32 characters");
        }
    }

    @Test
    void validatorAllowedKeepsOrder() {
        assertThat(Validator.allowed("b", "a", "c")).containsExactly("b", "a", "c");
    }
}
