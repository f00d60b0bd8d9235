package io.github.camelkoophone.component.cph;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.github.camelkoophone.component.cloud.call.Input;
import io.github.camelkoophone.component.cloud.call.Json;
import io.github.camelkoophone.component.cloud.tasks.JobSource;
import io.github.camelkoophone.component.cloud.tasks.TrackedTasksConsumer;
import io.github.camelkoophone.component.cph.model.CphJob;
import io.github.camelkoophone.component.cph.model.ListJobsResult;
import org.apache.camel.Processor;

/**
 * {@code cph:jobs}: follows registered request ids with listJobs and emits one exchange per job reaching status 2
 * (succeeded) or -1 (failed), or TIMED_OUT after {@code jobTimeout}, the body a {@link CphJob}. The guarantees are
 * those of koophone:tasks ({@link TrackedTasksConsumer}); {@code jobStore} keeps pending requests across restarts.
 */
public class CphJobsConsumer extends TrackedTasksConsumer<CphJob> {

    public CphJobsConsumer(CphEndpoint endpoint, Processor processor) {
        super(endpoint, processor, new Jobs(endpoint), endpoint::trackingSettings);
    }

    /** CPH's request ids: asked about with listJobs, each job told as a copy of the {@link CphJob} listed. */
    private record Jobs(CphEndpoint endpoint) implements JobSource<CphJob> {

        @Override
        public CompletableFuture<List<CphJob>> query(String requestId) {
            return endpoint.caller()
                    .prepare(CphOperation.listJobs, null, Input.Source.headers(Map.of(CphConstants.REQUEST_ID, requestId)), null)
                    .inBackground().send(null)
                    .thenApply(outcome -> ((ListJobsResult) outcome.result()).getJobs());
        }

        @Override
        public Job read(CphJob job) {
            Integer status = job.getStatus();
            State state = status == null ? State.RUNNING : status == 2 ? State.SUCCEEDED : status == -1 ? State.FAILED : State.RUNNING;
            return new Job(job.getJobId(), job.getPhoneId(), state);
        }

        @Override
        public Object jobEvent(String requestId, String jobId, String phoneId, CphJob job, String reason) {
            CphJob event = job == null ? new CphJob() : Json.MAPPER.convertValue(job, CphJob.class);
            event.setRequestId(requestId);
            event.setPhoneId(phoneId);
            if (job == null) {
                event.setJobId(jobId);
                event.setErrorMsg(reason);
            }
            return event;
        }
    }
}
