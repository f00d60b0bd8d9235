package io.github.camelkoophone.simulator;

import io.github.camelkoophone.simulator.http.ErrorCodes;
import io.github.camelkoophone.simulator.junit.KooPhoneSimulatorExtension;
import io.github.camelkoophone.simulator.state.SimInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Documented limits and the error codes they produce; nothing changes state when a check fails. */
class LimitsTest {

    @RegisterExtension
    static final KooPhoneSimulatorExtension KOOPHONE = KooPhoneSimulatorExtension.create(b -> b
            .instances(2).taskDuration(Duration.ofMinutes(1)));

    private static void assertError(SimClient.Resp r, int status, String code) {
        assertThat(r.status()).as(r.text()).isEqualTo(status);
        assertThat(r.code()).as(r.text()).isEqualTo(code);
    }

    private static List<String> ids(int n) {
        return IntStream.range(0, n).mapToObj(i -> String.format("id%06d", i)).toList();
    }

    @Test
    void idListsAreLimitedTo100(KooPhoneSimulator sim) {
        assertError(SimClient.of(sim).post("/v1/instances/batch-query-status", Map.of("instance_ids", ids(101))),
                200, ErrorCodes.TOO_MANY_IDS);
        assertThat(SimClient.of(sim).post("/v1/instances/batch-query-status", Map.of("instance_ids", ids(100)))
                .data().path("status_results")).hasSize(100);
        assertError(SimClient.of(sim).post("/v1/instances/delete", Map.of("instanceIdList", ids(101))),
                200, ErrorCodes.TOO_MANY_IDS);
        assertError(SimClient.of(sim).post("/v1/instances/app/install", OperationShapesTest.installBody(ids(101))),
                200, ErrorCodes.TOO_MANY_IDS);
    }

    @Test
    void idsAreAtMost32Characters(KooPhoneSimulator sim) {
        String longId = "x".repeat(33);
        assertError(SimClient.of(sim).post("/v1/instances/batch-reset", Map.of("instance_ids", List.of(longId))),
                400, ErrorCodes.BAD_PARAMETER);
        assertError(SimClient.of(sim).post("/v1/instances/" + longId + "/auth", null), 400, ErrorCodes.BAD_PARAMETER);
        assertError(SimClient.of(sim).post("/v1/instances/batch-query-status", Map.of("instance_ids", List.of(List.of()))),
                400, ErrorCodes.BAD_PARAMETER);
    }

    @Test
    void commandIsAtMost1024Bytes(KooPhoneSimulator sim) {
        List<String> instanceIds = sim.inventory().ids();
        assertError(SimClient.of(sim).post("/v1/instances/sync-command",
                Map.of("command", "e".repeat(1025), "instance_ids", instanceIds)), 400, ErrorCodes.BAD_PARAMETER);
        // Bytes, not characters: 342 three-byte characters are 1,026 bytes.
        assertError(SimClient.of(sim).post("/v1/instances/async-command",
                Map.of("command", "\u4e2d".repeat(342), "instance_ids", instanceIds)), 400, ErrorCodes.BAD_PARAMETER);
        SimClient.Resp ok = SimClient.of(sim).post("/v1/instances/sync-command",
                Map.of("command", "echo " + "a".repeat(1019), "instance_ids", instanceIds));
        assertThat(ok.code()).isEqualTo("0");
        assertThat(ok.data().path("cmd_results").get(0).path("execute_msg").asText()).hasSize(1019);
    }

    @Test
    void missingParametersAre0005(KooPhoneSimulator sim) {
        assertError(SimClient.of(sim).post("/v1/instances/sync-command", Map.of("instance_ids", sim.inventory().ids())),
                200, ErrorCodes.MISSING_PARAMETER);
        assertError(SimClient.of(sim).post("/v1/instances/batch-reset", Map.of("instance_ids", List.of())),
                200, ErrorCodes.MISSING_PARAMETER);
        assertError(SimClient.of(sim).post("/v1/instances/batch-reset", null), 200, ErrorCodes.MISSING_PARAMETER);
        assertError(SimClient.of(sim).post("/v1/instances/assign", Map.of("user_instances",
                List.of(Map.of("instance_id", sim.inventory().ids().get(0))))), 200, ErrorCodes.MISSING_PARAMETER);
    }

    @Test
    void malformedJsonIs1000(KooPhoneSimulator sim) {
        assertError(SimClient.of(sim).post("/v1/instances/batch-reset", "{not json"), 400, ErrorCodes.BAD_PARAMETER);
        assertError(SimClient.of(sim).post("/v1/instances/batch-reset", "[1,2]"), 400, ErrorCodes.BAD_PARAMETER);
    }

    @Test
    void unknownInstanceIs1012AndChangesNothing(KooPhoneSimulator sim) {
        List<String> mixed = new ArrayList<>(sim.inventory().ids());
        mixed.add("ghost001");
        assertError(SimClient.of(sim).post("/v1/instances/batch-reset", Map.of("instance_ids", mixed)),
                200, ErrorCodes.INSTANCE_NOT_FOUND);
        assertThat(sim.inventory().all()).allMatch(i -> i.runningStatus() == SimInstance.STATUS_RUNNING);
        assertThat(sim.tasks().all()).isEmpty();
        assertThat(sim.journal().last().orElseThrow().executed()).isFalse();

        assertError(SimClient.of(sim).post("/v1/instances/ghost001/auth", null), 200, ErrorCodes.INSTANCE_NOT_FOUND);
        assertError(SimClient.of(sim).post("/v1/instances/streaming/stop", Map.of("instance_id", "ghost001")),
                200, ErrorCodes.INSTANCE_NOT_FOUND);
    }

    @Test
    void busyInstancesRefuseAnotherReset(KooPhoneSimulator sim) {
        List<String> instanceIds = sim.inventory().ids();
        assertThat(SimClient.of(sim).post("/v1/instances/batch-reset", Map.of("instance_ids", instanceIds)).code())
                .isEqualTo("0");
        assertError(SimClient.of(sim).post("/v1/instances/backup", Map.of("instance_ids", instanceIds)),
                200, ErrorCodes.INSTANCE_BUSY);
        sim.settings().busyCheck(false);
        assertThat(SimClient.of(sim).post("/v1/instances/batch-reset", Map.of("instance_ids", instanceIds)).code())
                .isEqualTo("0");
    }

    private static Map<String, Object> video(String network, String encoding, int rate, int fps) {
        return Map.of("network_type", network, "encoding_type", encoding, "video_spec_groups",
                List.of(Map.of("definition_720P", Map.of("code_rate", rate, "fps", fps))));
    }

    @Test
    void videoRules(KooPhoneSimulator sim) {
        List<String> one = List.of(sim.inventory().ids().get(0));
        for (Map<String, Object> bad : List.of(video("WIFI", "H264", 150, 30), video("WIFI", "H264", 10100, 30),
                video("WIFI", "H264", 1000, 25), video("SATELLITE", "H264", 1000, 30), video("WIFI", "VP9", 1000, 30))) {
            assertError(SimClient.of(sim).put("/v1/instances/video-setting",
                    Map.of("instance_ids", one, "instance_settings", List.of(bad))), 400, ErrorCodes.BAD_PARAMETER);
        }
        assertError(SimClient.of(sim).put("/v1/instances/video-setting", Map.of("instance_ids", one,
                "instance_settings", List.of(video("WIFI", "H264", 100, 30), video("WIFI", "H264", 200, 60)))),
                400, ErrorCodes.BAD_PARAMETER);
        List<Map<String, Object>> all = new ArrayList<>();
        for (String n : List.of("MOBILE_NETWORK", "WIFI", "WIRED")) {
            for (String e : List.of("H264", "H265")) {
                all.add(video(n, e, 10000, 60));
            }
        }
        assertThat(SimClient.of(sim).put("/v1/instances/video-setting",
                Map.of("instance_ids", one, "instance_settings", all)).code()).isEqualTo("0");
        assertThat(SimClient.of(sim).put("/v1/instances/video-setting", Map.of("instance_ids", one,
                "instance_settings", List.of(video("WIFI", "H264", 0, 30)))).code()).isEqualTo("0");
    }

    @Test
    void purchaseRules(KooPhoneSimulator sim) {
        Map<String, Object> body = new HashMap<>(OperationShapesTest.createBody(1));
        body.put("regionId", "eu-west-0");
        assertError(SimClient.of(sim).post("/v1/instances/create", body), 200, ErrorCodes.SKU_NOT_IN_REGION);

        body = new HashMap<>(OperationShapesTest.createBody(1));
        body.put("bandSize", 6);
        assertError(SimClient.of(sim).post("/v1/instances/create", body), 400, ErrorCodes.BAND_SKU_MISMATCH);

        body = new HashMap<>(OperationShapesTest.createBody(1));
        body.put("chargeParam", Map.of("chargingMode", 1, "periodType", 2, "periodNum", 10));
        assertError(SimClient.of(sim).post("/v1/instances/create", body), 200, ErrorCodes.MONTH_PERIOD);

        body.put("chargeParam", Map.of("chargingMode", 1, "periodType", 3, "periodNum", 4));
        assertError(SimClient.of(sim).post("/v1/instances/create", body), 200, ErrorCodes.YEAR_PERIOD);

        body = new HashMap<>(OperationShapesTest.createBody(1));
        body.put("os", "AOSP7");
        assertError(SimClient.of(sim).post("/v1/instances/create", body), 400, ErrorCodes.BAD_PARAMETER);

        assertError(SimClient.of(sim).get("/v1/instances/sku?type=BASIC"), 400, ErrorCodes.BAD_PARAMETER);
        assertThat(sim.inventory().size()).isEqualTo(2);
    }

    @Test
    void installRules(KooPhoneSimulator sim) {
        Map<String, Object> body = new HashMap<>(OperationShapesTest.installBody(sim.inventory().ids()));
        body.put("fast_install", "2");
        assertError(SimClient.of(sim).post("/v1/instances/app/install", body), 200, ErrorCodes.FAST_INSTALL);
        body.put("fast_install", 0);
        body.put("install_package_url", "ftp://x/y.apk");
        assertError(SimClient.of(sim).post("/v1/instances/app/install", body), 200, ErrorCodes.BAD_PACKAGE_URL);
    }

    @Test
    void listPagingRules(KooPhoneSimulator sim) {
        assertError(SimClient.of(sim).get("/v1/instances/batch-query?page_no=0"), 400, ErrorCodes.BAD_PARAMETER);
        assertError(SimClient.of(sim).get("/v1/instances/batch-query?page_size=abc"), 400, ErrorCodes.BAD_PARAMETER);
        assertError(SimClient.of(sim).get("/v1/instances/batch-query?query_start_time=yesterday"), 400,
                ErrorCodes.BAD_PARAMETER);
        assertError(SimClient.of(sim).get("/v1/instances/batch-query?pool_scene_tag=TV"), 400, ErrorCodes.BAD_PARAMETER);
    }
}
