package io.github.camelkoophone.simulator.koophone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkoophone.simulator.http.ApiError;
import io.github.camelkoophone.simulator.http.Call;
import io.github.camelkoophone.simulator.http.ErrorCodes;
import io.github.camelkoophone.simulator.http.OperationTable;
import io.github.camelkoophone.simulator.http.Params;
import io.github.camelkoophone.simulator.http.SimResponse;
import io.github.camelkoophone.simulator.json.SimJson;
import io.github.camelkoophone.simulator.state.SimInstance;
import io.github.camelkoophone.simulator.state.SimulatorState;
import io.github.camelkoophone.simulator.state.TaskEngine;
import io.github.camelkoophone.simulator.state.Times;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;

/** BatchShowSku, CreateInstance and DeleteInstance: the camelCase corner of the API. */
public final class PurchaseOperations {

    private static final Set<String> OS_VERSIONS = Set.of("AOSP9", "AOSP11");
    private static final int MAX_COUNT = 100;
    private static final DateTimeFormatter ORDER_STAMP = DateTimeFormatter.ofPattern("yyMMddHHmm").withZone(ZoneOffset.UTC);

    private final SkuCatalog catalog;

    public PurchaseOperations(SkuCatalog catalog) {
        this.catalog = catalog;
    }

    public void register(OperationTable table) {
        table.add("batchShowSku", "GET", "/v1/instances/sku", OperationTable.NO_REQUEST_ID, this::batchShowSku);
        table.add("createInstance", "POST", "/v1/instances/create", OperationTable.NO_REQUEST_ID, this::createInstance);
        table.add("deleteInstance", "POST", "/v1/instances/delete", OperationTable.NO_REQUEST_ID, this::deleteInstance);
    }

    SimResponse batchShowSku(Call call) {
        String type = call.request().query().get("type");
        if (type != null && type.isBlank()) {
            type = null;
        }
        if (type != null && !type.equals("ENTERPRISE") && !type.equals("PROFESSIONAL")) {
            throw ApiError.badRequest("type must be ENTERPRISE or PROFESSIONAL: " + type);
        }
        SimResponse response = SimResponse.ok(catalog.toJson(type));
        ((ObjectNode) response.body()).put("error_msg", "return sku messages success");
        return response;
    }

    SimResponse createInstance(Call call) {
        JsonNode body = Params.object(call);
        String os = Params.string(body, "os");
        if (!OS_VERSIONS.contains(os)) {
            throw ApiError.badRequest("os must be AOSP9 or AOSP11: " + os);
        }
        String skuId = Params.string(body, "instanceSkuId");
        String bandSkuId = Params.string(body, "bandSkuId");
        String regionId = Params.string(body, "regionId");
        String prefix = Params.string(body, "instanceNamePrefix");
        double bandSize = Params.number(body, "bandSize");
        int count = Params.integer(body, "count");
        JsonNode charge = body.get("chargeParam");
        if (charge == null || charge.isNull()) {
            throw ApiError.missing("chargeParam");
        }
        if (!charge.isObject()) {
            throw ApiError.badRequest("chargeParam must be an object");
        }
        if (count < 1 || count > MAX_COUNT) {
            throw ApiError.badRequest("count must be within 1.." + MAX_COUNT + ": " + count);
        }
        SkuCatalog.Sku sku = catalog.find(regionId, skuId).orElseThrow(() -> ApiError.business(
                ErrorCodes.SKU_NOT_IN_REGION, "SKU " + skuId + " is not sold in region " + regionId));
        if (!SkuCatalog.BAND_SKU_ID.equals(bandSkuId) || !sku.bandSizes().contains((int) bandSize) || bandSize != Math.rint(bandSize)) {
            throw new ApiError(400, ErrorCodes.BAND_SKU_MISMATCH,
                    "band SKU " + bandSkuId + " with size " + bandSize + " does not match instance SKU " + skuId);
        }
        validateCharge(charge);

        SimulatorState state = call.state();
        Instant now = call.now();
        TaskEngine.Task boot = state.tasks().create("create-" + state.ids().hex32(), "createInstance", false, now);
        Instant ready = now.plus(state.nextTaskDuration());
        ArrayNode infos = SimJson.array();
        for (int n = 0; n < count; n++) {
            SimInstance i = new SimInstance(state.ids().instanceId())
                    .instanceName(String.format("%s-%05d", prefix, state.nextCreatedInstanceNumber()))
                    .region(regionId)
                    .skuId(skuId)
                    .instanceSku(sku.specDescEn())
                    .os(os)
                    .billingMode(String.valueOf(charge.path("chargingMode").asInt(1)))
                    .createTime(Times.api(now))
                    .runningStatus(SimInstance.STATUS_STARTING);
            state.inventory().add(state.fillDefaults(i));
            // New phones boot for one task duration before they run.
            state.tasks().addJob(boot, new TaskEngine.JobSpec(i.instanceId(), state.ids().hex32(), false, null, null,
                    null, up -> up.runningStatus(SimInstance.STATUS_RUNNING), null, false), ready);
            ObjectNode info = infos.addObject();
            info.put("instanceId", i.instanceId());
            info.put("instanceName", i.instanceName());
        }
        call.executed();
        ObjectNode data = SimJson.object();
        data.put("orderId", state.ids().orderId(ORDER_STAMP.format(now)));
        data.set("instanceInfos", infos);
        return SimResponse.ok(data);
    }

    private static void validateCharge(JsonNode charge) {
        Params.integer(charge, "chargingMode");
        boolean hasPeriod = charge.hasNonNull("periodType") || charge.hasNonNull("periodNum");
        if (!hasPeriod) {
            return;
        }
        int periodType = Params.integer(charge, "periodType");
        int periodNum = Params.integer(charge, "periodNum");
        if (periodType == 2 && (periodNum < 1 || periodNum > 9)) {
            throw ApiError.business(ErrorCodes.MONTH_PERIOD, "periodNum must be 1-9 for monthly periods: " + periodNum);
        }
        if (periodType == 3 && (periodNum < 1 || periodNum > 3)) {
            throw ApiError.business(ErrorCodes.YEAR_PERIOD, "periodNum must be 1-3 for yearly periods: " + periodNum);
        }
        if (periodType != 2 && periodType != 3) {
            throw ApiError.badRequest("periodType must be 2 (month) or 3 (year): " + periodType);
        }
    }

    SimResponse deleteInstance(Call call) {
        List<String> ids = Params.idList(Params.object(call), "instanceIdList");
        InstanceOperations.existing(call, ids);
        ids.forEach(id -> call.state().inventory().liveAll().removeIf(i -> i.instanceId().equals(id)));
        call.executed();
        ObjectNode root = SimJson.object();
        root.putNull("data");
        root.put("error_code", "0");
        root.put("error_msg", "OK");
        return new SimResponse(200, root);
    }
}
