package io.github.camelkoophone.benchmarks;

import com.huaweicloud.sdk.koophone.v1.model.AsyncInvokeInstanceResponse;
import com.huaweicloud.sdk.koophone.v1.model.ExecuteJobResponse;
import io.github.camelkoophone.component.koophone.model.GetTaskResult;
import io.github.camelkoophone.component.koophone.model.TaskResult;

/** Checks every call's typed result, so no variant can skip the parsing it is measured for. */
final class Checks {

    private static final String JOB_ID = "1564567b8bab40f34711234cb80d0456";

    private Checks() {
    }

    static void getTask(Object result) {
        boolean ok;
        if (result instanceof GetTaskResult task) {
            ok = task.getJobs() != null && task.getJobs().size() == 2 && JOB_ID.equals(task.getJobs().get(1).getJobId())
                 && task.getJobs().get(1).getStatus() == 2;
        } else if (result instanceof ExecuteJobResponse sdk) {
            ok = sdk.getData() != null && sdk.getData().getJobs().size() == 2
                 && JOB_ID.equals(sdk.getData().getJobs().get(1).getJobId())
                 && sdk.getData().getJobs().get(1).getStatus().getValue() == 2;
        } else {
            ok = false;
        }
        if (!ok) {
            throw new IllegalStateException("unexpected GetTask result: " + result);
        }
    }

    static void asyncCommand(Object result) {
        boolean ok;
        if (result instanceof TaskResult task) {
            ok = Target.TASK_ID.equals(task.getTaskId()) && task.getCmdJobs() != null && task.getCmdJobs().size() == 2
                 && JOB_ID.equals(task.getCmdJobs().get(1).getJobId());
        } else if (result instanceof AsyncInvokeInstanceResponse sdk) {
            ok = sdk.getData() != null && Target.TASK_ID.equals(sdk.getData().getTaskId())
                 && sdk.getData().getCmdJobs().size() == 2 && JOB_ID.equals(sdk.getData().getCmdJobs().get(1).getJobId());
        } else {
            ok = false;
        }
        if (!ok) {
            throw new IllegalStateException("unexpected AsyncCommand result: " + result);
        }
    }
}
