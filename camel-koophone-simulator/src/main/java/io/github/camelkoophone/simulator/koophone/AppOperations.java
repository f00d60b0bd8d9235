package io.github.camelkoophone.simulator.koophone;

import com.fasterxml.jackson.databind.JsonNode;
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

import java.time.Instant;
import java.util.List;

/** InstallApp. */
public final class AppOperations {

    public void register(OperationTable table) {
        table.add("installApp", "POST", "/v1/instances/app/install", OperationTable.REQUEST_ID, this::installApp);
    }

    SimResponse installApp(Call call) {
        JsonNode body = Params.object(call);
        // fast_install and install_package_url are optional (table 4-132 of the 2025 reference); when given, checked
        Params.optionalString(body, "fast_install").ifPresent(fastInstall -> {
            if (!fastInstall.equals("0") && !fastInstall.equals("1")) {
                throw ApiError.business(ErrorCodes.FAST_INSTALL, "fast_install must be 0 or 1: " + fastInstall);
            }
        });
        String objectName = Params.string(body, "object_name");
        Params.string(body, "file_name");
        Params.optionalString(body, "install_package_url").ifPresent(url -> {
            if (!url.startsWith("https://") && !url.startsWith("http://")) {
                throw ApiError.business(ErrorCodes.BAD_PACKAGE_URL, "install_package_url must be an http(s) URL");
            }
        });
        List<String> ids = Params.idList(body, "instance_id_list");
        List<SimInstance> instances = InstanceOperations.existing(call, ids);

        SimulatorState state = call.state();
        Instant finishAt = call.now().plus(state.nextTaskDuration());
        TaskEngine.Task task = state.tasks().create(state.ids().installTaskId(), "installApp", true, call.now());
        for (SimInstance i : instances) {
            boolean fail = i.runningStatus() != SimInstance.STATUS_RUNNING || i.failJobs()
                    || state.draw(state.settings().taskFailureRate());
            state.tasks().addJob(task, new TaskEngine.JobSpec(i.instanceId(), state.ids().installJobId(), fail,
                    ErrorCodes.JOB_FAILED, "Install app failed.", "Success",
                    done -> done.addInstalledApp(objectName), null, false), finishAt);
        }
        call.executed();
        // InstallApp documents its payload one level deeper: data.data.
        ObjectNode outer = SimJson.object();
        outer.set("data", TaskResponses.taskPayload(task, call, false));
        return SimResponse.ok(outer);
    }
}
