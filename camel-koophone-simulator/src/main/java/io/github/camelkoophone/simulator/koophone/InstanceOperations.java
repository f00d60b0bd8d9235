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
import io.github.camelkoophone.simulator.state.Ids;
import io.github.camelkoophone.simulator.state.SimInstance;
import io.github.camelkoophone.simulator.state.SimulatorState;
import io.github.camelkoophone.simulator.state.TaskEngine;
import io.github.camelkoophone.simulator.state.Times;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Instance management: video, status, reset, device token, assignment, listing and reboot. */
public final class InstanceOperations {

    private static final Set<String> NETWORK_TYPES = Set.of("MOBILE_NETWORK", "WIFI", "WIRED");
    private static final Set<String> ENCODING_TYPES = Set.of("H264", "H265");
    private static final List<String> DEFINITIONS = List.of("definition_540P", "definition_720P", "definition_1080P");
    private static final int MAX_PAGE_SIZE = 1000;

    public void register(OperationTable table) {
        table.add("setVideoConfig", "PUT", "/v1/instances/video-setting", OperationTable.REQUEST_ID, this::setVideoConfig);
        table.add("batchQueryStatus", "POST", "/v1/instances/batch-query-status", OperationTable.REQUEST_ID,
                this::batchQueryStatus);
        table.add("batchReset", "POST", "/v1/instances/batch-reset", OperationTable.REQUEST_ID, this::batchReset);
        table.add("getDeviceToken", "POST", "/v1/instances/{instance_id}/auth", OperationTable.NO_REQUEST_ID,
                this::getDeviceToken);
        table.add("assignInstance", "POST", "/v1/instances/assign", OperationTable.REQUEST_ID, this::assignInstance);
        table.add("unassignInstance", "POST", "/v1/instances/unassign", OperationTable.REQUEST_ID, this::unassignInstance);
        table.add("listInstances", "GET", "/v1/instances/batch-query", OperationTable.REQUEST_ID, this::listInstances);
        table.add("batchRebootInstance", "POST", "/v1/instances/reboot", OperationTable.REQUEST_ID, this::reboot);
    }

    SimResponse setVideoConfig(Call call) {
        JsonNode body = Params.object(call);
        List<String> ids = Params.idList(body, "instance_ids");
        JsonNode settings = body.get("instance_settings");
        if (settings == null || settings.isNull() || (settings.isArray() && settings.isEmpty())) {
            throw ApiError.missing("instance_settings");
        }
        validateVideoSettings(settings);
        List<SimInstance> instances = existing(call, ids);
        instances.forEach(i -> i.videoSettings(settings));
        call.executed();
        return SimResponse.ok();
    }

    private static void validateVideoSettings(JsonNode settings) {
        if (!settings.isArray()) {
            throw ApiError.badRequest("instance_settings must be an array");
        }
        if (settings.size() > NETWORK_TYPES.size() * ENCODING_TYPES.size()) {
            throw ApiError.badRequest("instance_settings has more than 6 entries");
        }
        Set<String> pairs = new HashSet<>();
        for (JsonNode s : settings) {
            String network = s.path("network_type").asText("");
            String encoding = s.path("encoding_type").asText("").replace(".", "");
            if (!NETWORK_TYPES.contains(network)) {
                throw ApiError.badRequest("network_type must be one of " + NETWORK_TYPES + ": " + network);
            }
            if (!ENCODING_TYPES.contains(encoding)) {
                throw ApiError.badRequest("encoding_type must be H264 or H265: " + encoding);
            }
            if (!pairs.add(network + "/" + encoding)) {
                throw ApiError.badRequest("more than one setting for " + network + "/" + encoding);
            }
            JsonNode groups = s.get("video_spec_groups");
            if (groups == null || !groups.isArray() || groups.isEmpty()) {
                throw ApiError.badRequest("video_spec_groups must be a non-empty array");
            }
            for (JsonNode group : groups) {
                for (String definition : DEFINITIONS) {
                    JsonNode spec = group.get(definition);
                    if (spec != null && !spec.isNull()) {
                        validateSpec(definition, spec);
                    }
                }
            }
        }
    }

    private static void validateSpec(String definition, JsonNode spec) {
        JsonNode rate = spec.get("code_rate");
        JsonNode fps = spec.get("fps");
        if (rate == null || !rate.canConvertToInt() || !rate.isIntegralNumber()) {
            throw ApiError.badRequest(definition + ".code_rate must be an integer");
        }
        int r = rate.asInt();
        if (r < 0 || r > 10000 || r % 100 != 0) {
            throw ApiError.badRequest(definition + ".code_rate must be 0..10000 in multiples of 100: " + r);
        }
        if (fps == null || !fps.isIntegralNumber() || (fps.asInt() != 30 && fps.asInt() != 60)) {
            throw ApiError.badRequest(definition + ".fps must be 30 or 60: " + fps);
        }
    }

    SimResponse batchQueryStatus(Call call) {
        List<String> ids = Params.idList(Params.object(call), "instance_ids");
        call.requireOwnOrUnknown(ids);
        ArrayNode results = SimJson.array();
        for (String id : ids) {
            SimInstance instance = call.instance(id);
            ObjectNode r = results.addObject();
            r.put("instance_id", id);
            // An unknown phone's status is "unknown" (0), as in the reference's example.
            r.put("status", instance == null ? SimInstance.STATUS_UNKNOWN : instance.runningStatus());
        }
        if (call.quirks()) {
            ObjectNode root = SimJson.object();
            root.set("status_results", results);
            root.put("error_code", "0");
            root.put("error_msg", "ok");
            return new SimResponse(200, root);
        }
        ObjectNode data = SimJson.object();
        data.set("status_results", results);
        return SimResponse.ok(data);
    }

    SimResponse batchReset(Call call) {
        List<String> ids = Params.idList(Params.object(call), "instance_ids");
        List<SimInstance> instances = existing(call, ids);
        requireIdle(call, ids);
        TaskEngine.Task task = Lifecycle.startTask(call, "RM_" + call.state().ids().hex32(), "batchReset", instances,
                SimInstance.STATUS_STARTING, Lifecycle::wipe);
        call.executed();
        return SimResponse.ok(TaskResponses.taskPayload(task, call, true));
    }

    SimResponse getDeviceToken(Call call) {
        String id = call.request().pathParam("instance_id");
        if (id.length() > Params.MAX_ID_LENGTH) {
            throw ApiError.badRequest("instance_id must be at most 32 characters");
        }
        SimInstance instance = existing(call, List.of(id)).get(0);
        Ids ids = call.state().ids();
        instance.streaming(true).sessionActive(true).loginStatus(1);
        call.executed();

        ObjectNode data = SimJson.object();
        ObjectNode resource = data.putObject("resource");
        ObjectNode sdk = resource.putObject("sdk");
        ObjectNode internal = sdk.putObject("internal");
        internal.put("address", "192.168.10.11");
        // Strings under internal, integers under external, in every mode: that is the documented shape,
        // and Huawei's SDK refuses to read a number into the internal (String) fields.
        internal.put("aport", "10031");
        internal.put("atype", "1");
        internal.putNull("address_ipv6");
        ObjectNode external = sdk.putObject("external");
        external.put("address", "127.0.0.1");
        external.put("aport", 10030);
        external.put("atype", 1);
        external.putNull("address_ipv6");
        ObjectNode signaling = resource.putObject("rtc").putObject("ice_signaling");
        signaling.put("signaling_url", "http://127.0.0.1:18082");
        signaling.putNull("expired_time");
        signaling.putArray("ice_servers");
        resource.put("device_id", ids.hex32());
        resource.put("kp_id", instance.instanceId());
        data.put("device_token", ids.hex32());
        data.put("streamingId", ids.hex32());
        return SimResponse.ok(data);
    }

    SimResponse assignInstance(Call call) {
        Map<String, String> pairs = userInstances(Params.object(call));
        List<SimInstance> instances = existing(call, new ArrayList<>(pairs.keySet()));
        for (SimInstance i : instances) {
            String wanted = pairs.get(i.instanceId());
            if (i.assignUser() != null && !i.assignUser().equals(wanted)) {
                throw ApiError.business(ErrorCodes.ALREADY_ASSIGNED,
                        "Instance " + i.instanceId() + " is already assigned to another user");
            }
        }
        instances.forEach(i -> i.assignUser(pairs.get(i.instanceId())));
        call.executed();
        return SimResponse.ok();
    }

    SimResponse unassignInstance(Call call) {
        Map<String, String> pairs = userInstances(Params.object(call));
        List<String> ids = new ArrayList<>(pairs.keySet());
        List<SimInstance> instances = existing(call, ids);
        for (SimInstance i : instances) {
            if (!pairs.get(i.instanceId()).equals(i.assignUser())) {
                throw ApiError.business(ErrorCodes.NOT_ASSIGNED,
                        "Instance " + i.instanceId() + " is not assigned to user " + pairs.get(i.instanceId()));
            }
        }
        requireIdle(call, ids);
        TaskEngine.Task task = Lifecycle.startTask(call, "RM_" + call.state().ids().hex32(), "unassignInstance",
                instances, SimInstance.STATUS_STARTING, i -> {
                    Lifecycle.wipe(i);
                    i.assignUser(null);
                });
        call.executed();
        return SimResponse.ok(TaskResponses.taskPayload(task, call, true));
    }

    /** {@code user_instances[]} as instance id → user id, validated like an id list. */
    private static Map<String, String> userInstances(JsonNode body) {
        JsonNode list = body.get("user_instances");
        if (list == null || list.isNull() || (list.isArray() && list.isEmpty())) {
            throw ApiError.missing("user_instances");
        }
        if (!list.isArray()) {
            throw ApiError.badRequest("user_instances must be an array");
        }
        if (list.size() > Params.MAX_IDS) {
            throw new ApiError(200, ErrorCodes.TOO_MANY_IDS, "user_instances has more than " + Params.MAX_IDS + " entries");
        }
        Map<String, String> pairs = new LinkedHashMap<>();
        for (JsonNode entry : list) {
            if (!entry.isObject()) {
                throw ApiError.badRequest("user_instances entries must be objects");
            }
            pairs.put(Params.instanceId(entry, "instance_id"), Params.string(entry, "user_id"));
        }
        return pairs;
    }

    SimResponse listInstances(Call call) {
        Map<String, String> q = call.request().query();
        int pageNo = intParam(q, "page_no", 1, 1, Integer.MAX_VALUE);
        int pageSize = intParam(q, "page_size", 10, 1, MAX_PAGE_SIZE);
        String idFilter = blankToNull(q.get("instance_id"));
        String nameFilter = blankToNull(q.get("instance_name"));
        // The reference's example query spells it poolSceneTag.
        String scene = blankToNull(q.getOrDefault("pool_scene_tag", q.get("poolSceneTag")));
        if (scene != null && !scene.equals("CLOUD_APP") && !scene.equals("CLOUD_PHONE")) {
            throw ApiError.badRequest("pool_scene_tag must be CLOUD_APP or CLOUD_PHONE: " + scene);
        }
        Instant from = q.containsKey("query_start_time") && !q.get("query_start_time").isBlank()
                ? Times.parseApi(q.get("query_start_time"), "query_start_time") : null;
        Instant to = q.containsKey("query_end_time") && !q.get("query_end_time").isBlank()
                ? Times.parseApi(q.get("query_end_time"), "query_end_time") : null;

        List<SimInstance> matching = new ArrayList<>();
        for (SimInstance i : call.state().inventory().liveAll()) {
            if (!call.owns(i)) {
                continue;
            }
            if (idFilter != null && !idFilter.equals(i.instanceId())) {
                continue;
            }
            if (nameFilter != null && (i.instanceName() == null || !i.instanceName().contains(nameFilter))) {
                continue;
            }
            if (scene != null && !scene.equals(i.poolSceneTag())) {
                continue;
            }
            if (from != null || to != null) {
                Instant created = Times.parseApi(i.createTime(), "create_time");
                if ((from != null && created.isBefore(from)) || (to != null && created.isAfter(to))) {
                    continue;
                }
            }
            matching.add(i);
        }
        ArrayNode result = SimJson.array();
        long start = (long) (pageNo - 1) * pageSize;
        for (long n = start; n < Math.min(matching.size(), start + pageSize); n++) {
            result.add(matching.get((int) n).toApiRecord());
        }
        ObjectNode data = SimJson.object();
        data.set("result", result);
        if (call.quirks()) {
            // The reference's example puts the paging fields beside data.
            ObjectNode root = SimJson.object();
            root.set("data", data);
            root.put("page_no", pageNo);
            root.put("page_size", pageSize);
            root.put("total_count", matching.size());
            root.put("error_code", "0");
            root.put("error_msg", "ok");
            return new SimResponse(200, root);
        }
        data.put("page_no", pageNo);
        data.put("page_size", pageSize);
        data.put("total_count", matching.size());
        return SimResponse.ok(data);
    }

    SimResponse reboot(Call call) {
        List<String> ids = Params.idList(Params.object(call), "instance_ids");
        List<SimInstance> instances = existing(call, ids);
        SimulatorState state = call.state();
        // Reboots return no task id; an invisible task brings the phones back after the task duration.
        TaskEngine.Task task = state.tasks().create("reboot-" + state.ids().hex32(), "batchRebootInstance", false,
                call.now());
        Instant finishAt = call.now().plus(state.nextTaskDuration());
        for (SimInstance i : instances) {
            i.runningStatus(SimInstance.STATUS_STARTING).streaming(false).sessionActive(false).loginStatus(0);
            state.tasks().addJob(task, new TaskEngine.JobSpec(i.instanceId(), state.ids().hex32(), false, null, null,
                    null, back -> back.runningStatus(SimInstance.STATUS_RUNNING), null, false), finishAt);
        }
        call.executed();
        return SimResponse.ok();
    }

    /** The live instances for the ids, or KOOPHONE.API.1012 naming the first unknown one. */
    static List<SimInstance> existing(Call call, List<String> ids) {
        List<SimInstance> out = new ArrayList<>(ids.size());
        for (String id : ids) {
            SimInstance i = call.instance(id);
            if (i == null) {
                throw ApiError.notFound(id);
            }
            if (!out.contains(i)) {
                out.add(i);
            }
        }
        return out;
    }

    /** KOOPHONE.API.4001 when one of the instances is still being reset, backed up or unassigned. */
    static void requireIdle(Call call, List<String> ids) {
        if (!call.state().settings().busyCheck()) {
            return;
        }
        for (String id : ids) {
            if (call.state().tasks().busy(id)) {
                throw ApiError.business(ErrorCodes.INSTANCE_BUSY, "Instance " + id + " is busy with another task");
            }
        }
    }

    private static int intParam(Map<String, String> q, String name, int dflt, int min, int max) {
        String v = blankToNull(q.get(name));
        if (v == null) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n < min || n > max) {
                throw ApiError.badRequest(name + " must be within " + min + ".." + max + ": " + v);
            }
            return n;
        } catch (NumberFormatException e) {
            throw ApiError.badRequest(name + " must be an integer: " + v);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
