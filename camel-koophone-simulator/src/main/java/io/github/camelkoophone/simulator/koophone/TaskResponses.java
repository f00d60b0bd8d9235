package io.github.camelkoophone.simulator.koophone;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkoophone.simulator.http.Call;
import io.github.camelkoophone.simulator.json.SimJson;
import io.github.camelkoophone.simulator.state.TaskEngine;

/** The {@code {task_id, cmd_jobs[]}} payload that every task-creating operation returns. */
final class TaskResponses {

    private TaskResponses() {
    }

    /**
     * @param quirkable whether quirk mode spells the list {@code ecmd_jobs}, as the reference's
     *                  batchReset/unassign/backup examples do
     */
    static ObjectNode taskPayload(TaskEngine.Task task, Call call, boolean quirkable) {
        ObjectNode data = SimJson.object();
        data.put("task_id", task.taskId);
        ArrayNode jobs = data.putArray(quirkable && call.quirks() ? "ecmd_jobs" : "cmd_jobs");
        for (TaskEngine.Job job : task.jobs) {
            ObjectNode j = jobs.addObject();
            j.put("instance_id", job.instanceId());
            j.put("job_id", job.jobId());
        }
        return data;
    }
}
