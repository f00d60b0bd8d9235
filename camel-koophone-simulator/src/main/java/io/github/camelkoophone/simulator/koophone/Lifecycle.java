package io.github.camelkoophone.simulator.koophone;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import io.github.camelkoophone.simulator.http.Call;
import io.github.camelkoophone.simulator.http.ErrorCodes;
import io.github.camelkoophone.simulator.state.SimInstance;
import io.github.camelkoophone.simulator.state.SimulatorState;
import io.github.camelkoophone.simulator.state.TaskEngine;

/** Shared shape of reset-like tasks: the phone goes into a transitional status, then succeeds or rolls back. */
final class Lifecycle {

    private static final String FAILED_MSG = "Operation failed.";

    private Lifecycle() {
    }

    /**
     * Starts one exclusive job per instance.
     *
     * @param during    running status while the job runs
     * @param onSuccess what success does to the phone (it ends running)
     */
    static TaskEngine.Task startTask(Call call, String taskId, String operation, List<SimInstance> instances,
                                     int during, Consumer<SimInstance> onSuccess) {
        SimulatorState state = call.state();
        Instant finishAt = call.now().plus(state.nextTaskDuration());
        TaskEngine.Task task = state.tasks().create(taskId, operation, true, call.now());
        for (SimInstance i : instances) {
            int before = i.runningStatus();
            boolean fail = i.failJobs() || state.draw(state.settings().taskFailureRate());
            i.runningStatus(during);
            state.tasks().addJob(task, new TaskEngine.JobSpec(i.instanceId(), state.ids().hex32(), fail,
                    ErrorCodes.JOB_FAILED, FAILED_MSG, null,
                    done -> {
                        onSuccess.accept(done);
                        done.runningStatus(SimInstance.STATUS_RUNNING);
                    },
                    rollback -> rollback.runningStatus(before), true), finishAt);
        }
        return task;
    }

    /** What a reset leaves behind: a clean phone with nobody connected. */
    static void wipe(SimInstance i) {
        i.installedApps(List.of()).streaming(false).sessionActive(false).loginStatus(0);
    }
}
