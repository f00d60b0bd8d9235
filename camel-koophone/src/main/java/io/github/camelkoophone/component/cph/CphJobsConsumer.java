package io.github.camelkoophone.component.cph;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkoophone.component.cph.model.CphJob;
import io.github.camelkoophone.component.cph.model.ListJobsResult;
import io.github.camelkoophone.component.koophone.api.Json;
import io.github.camelkoophone.component.koophone.tasks.TrackedTasksConsumer;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * {@code cph:jobs}: follows registered request ids with listJobs and emits one exchange per job reaching status 2
 * (succeeded) or -1 (failed), or TIMED_OUT after {@code jobTimeout}. The delivery and persistence guarantees are
 * those of koophone:tasks, whose machinery ({@link TrackedTasksConsumer}) this is: an event counts as delivered
 * only when its exchange completed without exception, a failed one is offered again on later polls up to
 * {@code maxDeliveryAttempts}, and {@code jobStore} keeps pending requests across restarts.
 */
public class CphJobsConsumer extends TrackedTasksConsumer<CphJob> {

    public CphJobsConsumer(CphEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public CphEndpoint getEndpoint() {
        return (CphEndpoint) super.getEndpoint();
    }

    @Override
    protected Settings settings() {
        CphConfiguration c = getEndpoint().getConfiguration();
        return new Settings(c.getRequestIds(), false, c.getJobTimeout(), c.getJobStore(), "cph", c.getPollConcurrency(),
                c.getMaxDeliveryAttempts(), getEndpoint().caller().worker(), getEndpoint().getComponent().jobRegistry());
    }

    @Override
    protected String eventSource() {
        return "cph:jobs";
    }

    @Override
    protected CompletableFuture<List<CphJob>> queryJobs(String requestId) {
        ObjectNode query = Json.MAPPER.createObjectNode().put("request_id", requestId);
        return getEndpoint().caller().prepare(CphOperation.listJobs, query, CphProducer.NO_INPUTS, null).send(null)
                .thenApply(outcome -> ((ListJobsResult) outcome.result()).getJobs());
    }

    @Override
    protected String jobId(CphJob job) {
        return job.getJobId();
    }

    @Override
    protected String instanceId(CphJob job) {
        return job.getPhoneId();
    }

    @Override
    protected Integer status(CphJob job) {
        return job.getStatus();
    }

    @Override
    protected Object jobEvent(String requestId, CphJob job, String phoneId) {
        CphJob event = Json.MAPPER.convertValue(job, CphJob.class);
        event.setRequestId(requestId);
        event.setPhoneId(phoneId);
        return event;
    }

    @Override
    protected Object timedOutJob(String requestId, String jobId, String phoneId, String reason) {
        CphJob event = new CphJob();
        event.setRequestId(requestId);
        event.setJobId(jobId);
        event.setPhoneId(phoneId);
        event.setErrorMsg(reason);
        return event;
    }

    @Override
    protected Object taskEvent(String requestId, String operation, String status, List<Object> jobEvents) {
        return jobEvents; // cph:jobs emits per job only
    }

    @Override
    protected void setHeaders(Message message, String requestId, String jobId, String phoneId, String status,
                              String operation) {
        message.setHeader(CphConstants.REQUEST_ID, requestId);
        message.setHeader(CphConstants.JOB_ID, jobId);
        message.setHeader(CphConstants.PHONE_ID, phoneId);
        message.setHeader(CphConstants.JOB_STATUS, status);
        if (operation != null) {
            message.setHeader(CphConstants.OPERATION, operation);
        }
    }
}
