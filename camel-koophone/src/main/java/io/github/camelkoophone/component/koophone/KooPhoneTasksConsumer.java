package io.github.camelkoophone.component.koophone;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.github.camelkoophone.component.cloud.call.Input;
import io.github.camelkoophone.component.cloud.tasks.JobSource;
import io.github.camelkoophone.component.cloud.tasks.TrackedTasksConsumer;
import io.github.camelkoophone.component.koophone.model.GetTaskResult;
import io.github.camelkoophone.component.koophone.model.JobEvent;
import io.github.camelkoophone.component.koophone.model.JobStatus;
import io.github.camelkoophone.component.koophone.model.TaskEvent;
import org.apache.camel.Processor;

/**
 * {@code koophone:tasks}: follows registered tasks with GetTask and emits one exchange per finished job, or per
 * finished task with {@code eventMode=task}, the body a {@link JobEvent} or {@link TaskEvent}. The guarantees are
 * {@link TrackedTasksConsumer}'s.
 */
public class KooPhoneTasksConsumer extends TrackedTasksConsumer<GetTaskResult.Job> {

    public KooPhoneTasksConsumer(KooPhoneEndpoint endpoint, Processor processor) {
        super(endpoint, processor, new Jobs(endpoint), endpoint::trackingSettings);
    }

    /** KooPhone's tasks: asked about with GetTask, told as {@link JobEvent}s and {@link TaskEvent}s. */
    private record Jobs(KooPhoneEndpoint endpoint) implements JobSource<GetTaskResult.Job> {

        @Override
        public CompletableFuture<List<GetTaskResult.Job>> query(String taskId) {
            return endpoint.caller()
                    .prepare(KooPhoneOperation.getTask, null, Input.Source.headers(Map.of(KooPhoneConstants.TASK_ID, taskId)), null)
                    .inBackground().send(null)
                    .thenApply(outcome -> ((GetTaskResult) outcome.result()).getJobs());
        }

        @Override
        public Job read(GetTaskResult.Job job) {
            Integer status = job.getStatus();
            State state = status == null ? State.RUNNING
                    : status == JobStatus.SUCCEEDED ? State.SUCCEEDED : status == JobStatus.FAILED ? State.FAILED : State.RUNNING;
            return new Job(job.getJobId(), job.getInstanceId(), state);
        }

        @Override
        public Object jobEvent(String taskId, String jobId, String instanceId, GetTaskResult.Job job, String reason) {
            return job == null ? JobEvent.timedOut(taskId, jobId, instanceId, reason) : JobEvent.of(taskId, job, instanceId);
        }

        @Override
        @SuppressWarnings("unchecked")
        public Object taskEvent(String taskId, String operation, String status, List<Object> jobEvents) {
            return new TaskEvent(taskId, operation, status, (List<JobEvent>) (List<?>) jobEvents);
        }
    }
}
