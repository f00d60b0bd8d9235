package io.github.camelkoophone.simulator.koophone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkoophone.simulator.http.Call;
import io.github.camelkoophone.simulator.http.ErrorCodes;
import io.github.camelkoophone.simulator.http.OperationTable;
import io.github.camelkoophone.simulator.http.Params;
import io.github.camelkoophone.simulator.http.SimResponse;
import io.github.camelkoophone.simulator.json.SimJson;
import io.github.camelkoophone.simulator.state.PrepareTracker;
import io.github.camelkoophone.simulator.state.SimInstance;
import io.github.camelkoophone.simulator.state.SimulatorState;
import io.github.camelkoophone.simulator.state.TaskEngine;
import io.github.camelkoophone.simulator.state.Times;

import java.time.Instant;
import java.util.List;

/** Instance usage: prepare and its progress, backup, streaming and session control. */
public final class UsageOperations {

    public void register(OperationTable table) {
        table.add("batchPrepareInstances", "POST", "/v1/instances/prepare", OperationTable.NO_REQUEST_ID, this::prepare);
        table.add("showProgress", "POST", "/v1/instances/prepare-progress", OperationTable.NO_REQUEST_ID,
                this::showProgress);
        table.add("batchBackupInstances", "POST", "/v1/instances/backup", OperationTable.REQUEST_ID, this::backup);
        table.add("stopInstancesStreaming", "POST", "/v1/instances/streaming/stop", OperationTable.REQUEST_ID,
                this::stopStreaming);
        table.add("releaseInstancesSession", "POST", "/v1/instances/session/release", OperationTable.REQUEST_ID,
                this::releaseSession);
    }

    SimResponse prepare(Call call) {
        JsonNode body = Params.object(call);
        String userId = Params.string(body, "user_id");
        List<String> ids = Params.idList(body, "instance_ids");
        List<SimInstance> instances = InstanceOperations.existing(call, ids);
        SimulatorState state = call.state();
        ArrayNode statuses = SimJson.array();
        for (SimInstance i : instances) {
            boolean fail = i.failJobs() || state.draw(state.settings().taskFailureRate());
            boolean started = state.prepares().start(userId, i.instanceId(), call.now(),
                    state.settings().prepareDuration(), fail);
            ObjectNode s = statuses.addObject();
            s.put("instance_id", i.instanceId());
            // 0: accepted now; 1: a prepare for this user is already under way.
            s.put("status", started ? 0 : 1);
        }
        call.executed();
        ObjectNode data = SimJson.object();
        data.set("status_list", statuses);
        return SimResponse.ok(data);
    }

    SimResponse showProgress(Call call) {
        JsonNode body = Params.object(call);
        String userId = Params.string(body, "user_id");
        String id = Params.instanceId(body, "instance_id");
        InstanceOperations.existing(call, List.of(id));
        PrepareTracker.Progress p = call.state().prepares().progress(userId, id, call.now());
        ObjectNode data = SimJson.object();
        data.put("status", p.status());
        data.put("waitingCount", p.waitingCount());
        return SimResponse.ok(data);
    }

    SimResponse backup(Call call) {
        JsonNode body = Params.object(call);
        // The reference's example sends a single instance_id although the table says instance_ids.
        List<String> ids = !body.has("instance_ids") && body.hasNonNull("instance_id")
                ? List.of(Params.instanceId(body, "instance_id"))
                : Params.idList(body, "instance_ids");
        List<SimInstance> instances = InstanceOperations.existing(call, ids);
        InstanceOperations.requireIdle(call, ids);
        SimulatorState state = call.state();
        Instant finishAt = call.now().plus(state.nextTaskDuration());
        TaskEngine.Task task = state.tasks().create("RM_" + state.ids().hex32(), "batchBackupInstances", true, call.now());
        for (SimInstance i : instances) {
            boolean fail = i.failJobs() || state.draw(state.settings().taskFailureRate());
            i.backupStatus(1);
            state.tasks().addJob(task, new TaskEngine.JobSpec(i.instanceId(), state.ids().hex32(), fail,
                    ErrorCodes.JOB_FAILED, "Backup failed.", null,
                    done -> done.backupStatus(2).backupTime(Times.api(finishAt)),
                    failed -> failed.backupStatus(3), true), finishAt);
        }
        call.executed();
        return SimResponse.ok(TaskResponses.taskPayload(task, call, true));
    }

    SimResponse stopStreaming(Call call) {
        String id = Params.instanceId(Params.object(call), "instance_id");
        InstanceOperations.existing(call, List.of(id)).get(0).streaming(false);
        call.executed();
        return SimResponse.ok();
    }

    SimResponse releaseSession(Call call) {
        String id = Params.instanceId(Params.object(call), "instance_id");
        InstanceOperations.existing(call, List.of(id)).get(0).sessionActive(false).loginStatus(0);
        call.executed();
        return SimResponse.ok();
    }
}
