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
import io.github.camelkoophone.simulator.state.SimJob;
import io.github.camelkoophone.simulator.state.SimulatorState;
import io.github.camelkoophone.simulator.state.TaskEngine;

import java.time.Instant;
import java.util.List;

/** SyncCommand, AsyncCommand and GetTask. */
public final class CommandOperations {

    private static final String PHONE_NOT_FOUND = "Phone not found.";
    private static final String RUN_FAILED = "Run command failed.";

    public void register(OperationTable table) {
        table.add("syncCommand", "POST", "/v1/instances/sync-command", OperationTable.REQUEST_ID, this::syncCommand);
        table.add("asyncCommand", "POST", "/v1/instances/async-command", OperationTable.REQUEST_ID, this::asyncCommand);
        table.add("getTask", "GET", "/v1/instances/tasks/{task_id}", OperationTable.REQUEST_ID, this::getTask);
    }

    SimResponse syncCommand(Call call) {
        JsonNode body = Params.object(call);
        String command = Params.command(body);
        List<String> ids = Params.idList(body, "instance_ids");
        call.requireOwnOrUnknown(ids);
        ArrayNode results = SimJson.array();
        for (String id : ids) {
            SimInstance instance = call.instance(id);
            ObjectNode r = results.addObject();
            r.put("instance_id", id);
            if (instance == null) {
                failed(r, ErrorCodes.JOB_PHONE_NOT_FOUND, PHONE_NOT_FOUND, null);
            } else if (instance.runningStatus() != SimInstance.STATUS_RUNNING) {
                failed(r, ErrorCodes.JOB_FAILED, RUN_FAILED, "error: device offline");
            } else if (instance.failJobs()) {
                failed(r, ErrorCodes.JOB_FAILED, RUN_FAILED, "sh: " + command + ": failed");
            } else {
                r.put("status", SimJob.SUCCEEDED);
                r.put("error_code", "");
                r.put("error_msg", "");
                r.put("execute_msg", CommandEmulator.output(command, instance));
            }
        }
        call.executed();
        ObjectNode data = SimJson.object();
        // The newest reference's example spells the list "emd_results".
        data.set(call.quirks() ? "emd_results" : "cmd_results", results);
        return SimResponse.ok(data);
    }

    SimResponse asyncCommand(Call call) {
        JsonNode body = Params.object(call);
        String command = Params.command(body);
        List<String> ids = Params.idList(body, "instance_ids");
        call.requireOwnOrUnknown(ids);
        SimulatorState state = call.state();
        Instant finishAt = call.now().plus(state.nextTaskDuration());
        TaskEngine.Task task = state.tasks().create(state.ids().hex32(), "asyncCommand", true, call.now());
        for (String id : ids) {
            SimInstance instance = state.inventory().live(id);
            String jobId = state.ids().hex32();
            if (instance == null) {
                state.tasks().addFailedJob(task, id, jobId, ErrorCodes.JOB_PHONE_NOT_FOUND, PHONE_NOT_FOUND);
                continue;
            }
            boolean fail = instance.runningStatus() != SimInstance.STATUS_RUNNING || instance.failJobs()
                    || state.draw(state.settings().taskFailureRate());
            state.tasks().addJob(task, new TaskEngine.JobSpec(id, jobId, fail, ErrorCodes.JOB_FAILED, RUN_FAILED,
                    CommandEmulator.output(command, instance), null, null, false), finishAt);
        }
        call.executed();
        return SimResponse.ok(TaskResponses.taskPayload(task, call, false));
    }

    SimResponse getTask(Call call) {
        String taskId = call.request().pathParam("task_id");
        TaskEngine.Task task = call.state().tasks().task(taskId);
        if (task == null) {
            throw ApiError.badRequest("Task not found: " + taskId);
        }
        ObjectNode data = SimJson.object();
        ArrayNode jobs = data.putArray("jobs");
        for (TaskEngine.Job job : task.jobs) {
            SimJob j = job.snapshot();
            ObjectNode n = jobs.addObject();
            n.put("job_id", j.jobId());
            n.put("status", j.status());
            n.put("error_code", j.errorCode());
            n.put("error_msg", j.errorMsg());
            n.put("execute_msg", j.executeMsg());
        }
        return SimResponse.ok(data);
    }

    private static void failed(ObjectNode r, String code, String msg, String output) {
        r.put("status", SimJob.FAILED);
        r.put("error_code", code);
        r.put("error_msg", msg);
        r.put("execute_msg", output);
    }
}
