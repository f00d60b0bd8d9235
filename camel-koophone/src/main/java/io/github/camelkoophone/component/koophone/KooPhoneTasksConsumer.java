package io.github.camelkoophone.component.koophone.tasks;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.github.camelkoophone.component.koophone.KooPhoneConfiguration;
import io.github.camelkoophone.component.koophone.KooPhoneConstants;
import io.github.camelkoophone.component.koophone.KooPhoneEndpoint;
import io.github.camelkoophone.component.koophone.KooPhoneOperation;
import io.github.camelkoophone.component.koophone.api.Inputs;
import io.github.camelkoophone.component.koophone.model.GetTaskResult;
import io.github.camelkoophone.component.koophone.model.JobEvent;
import io.github.camelkoophone.component.koophone.model.TaskEvent;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * {@code koophone:tasks}: follows registered tasks with GetTask (at most {@code pollConcurrency} in flight) and
 * emits one exchange per finished job, or per finished task with {@code eventMode=task}. An event counts as
 * delivered only when its exchange completed without exception; a failed one is offered again on later polls,
 * up to {@code maxDeliveryAttempts}. State lives in {@code taskStore}, so a restart resumes where it stopped.
 * The machinery is {@link TrackedTasksConsumer}'s; this class says how KooPhone's tasks are queried and told.
 */
public class KooPhoneTasksConsumer extends TrackedTasksConsumer<GetTaskResult.Job> {

    public KooPhoneTasksConsumer(KooPhoneEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public KooPhoneEndpoint getEndpoint() {
        return (KooPhoneEndpoint) super.getEndpoint();
    }

    @Override
    protected Settings settings() {
        KooPhoneConfiguration c = getEndpoint().getConfiguration();
        return new Settings(c.getTaskIds(), "task".equals(c.getEventMode()), c.getTaskTimeout(), c.getTaskStore(),
                "koophone", c.getPollConcurrency(), c.getMaxDeliveryAttempts(), getEndpoint().caller().worker(),
                getEndpoint().getComponent().taskRegistry());
    }

    @Override
    protected String eventSource() {
        return "koophone:tasks";
    }

    @Override
    protected CompletableFuture<List<GetTaskResult.Job>> queryJobs(String taskId) {
        return getEndpoint().caller()
                .prepare(KooPhoneOperation.getTask, null, new Inputs(null, null, null, taskId, null), null)
                .send(null)
                .thenApply(outcome -> ((GetTaskResult) outcome.result()).getJobs());
    }

    @Override
    protected String jobId(GetTaskResult.Job job) {
        return job.getJobId();
    }

    @Override
    protected String instanceId(GetTaskResult.Job job) {
        return job.getInstanceId();
    }

    @Override
    protected Integer status(GetTaskResult.Job job) {
        return job.getStatus();
    }

    @Override
    protected Object jobEvent(String taskId, GetTaskResult.Job job, String instanceId) {
        return JobEvent.of(taskId, job, instanceId);
    }

    @Override
    protected Object timedOutJob(String taskId, String jobId, String instanceId, String reason) {
        return JobEvent.timedOut(taskId, jobId, instanceId, reason);
    }

    @Override
    @SuppressWarnings("unchecked")
    protected Object taskEvent(String taskId, String operation, String status, List<Object> jobEvents) {
        return new TaskEvent(taskId, operation, status, (List<JobEvent>) (List<?>) jobEvents);
    }

    @Override
    protected void setHeaders(Message message, String taskId, String jobId, String instanceId, String status,
                              String operation) {
        message.setHeader(KooPhoneConstants.TASK_ID, taskId);
        message.setHeader(KooPhoneConstants.JOB_ID, jobId);
        message.setHeader(KooPhoneConstants.INSTANCE_ID, instanceId);
        message.setHeader(KooPhoneConstants.JOB_STATUS, status);
        if (operation != null) {
            message.setHeader(KooPhoneConstants.OPERATION, operation);
        }
    }
}
