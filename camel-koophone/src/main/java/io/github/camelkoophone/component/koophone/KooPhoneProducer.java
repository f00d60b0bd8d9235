package io.github.camelkoophone.component.koophone;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.github.camelkoophone.component.cloud.call.OperationCaller;
import io.github.camelkoophone.component.cloud.tasks.TaskRegistration;
import io.github.camelkoophone.component.koophone.model.CmdJob;
import io.github.camelkoophone.component.koophone.model.TaskResult;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultAsyncProducer;

/**
 * Calls any catalogued operation and sets the typed result and output headers. Nothing here knows a particular
 * operation; the catalogue row says everything. Task ids returned are registered with the koophone:tasks
 * consumers unless {@code trackTasks=false}. A call that needs no retry completes in the calling thread and the
 * route continues there; a retry after its delay, or a split call, continues the route on a worker thread.
 */
public class KooPhoneProducer extends DefaultAsyncProducer {

    private final KooPhoneOperation defaultOperation;

    public KooPhoneProducer(KooPhoneEndpoint endpoint, KooPhoneOperation defaultOperation) {
        super(endpoint);
        this.defaultOperation = defaultOperation;
    }

    @Override
    public KooPhoneEndpoint getEndpoint() {
        return (KooPhoneEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        getEndpoint().caller(); // fail at start, not at the first message, when options or credentials are wrong
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        Message in = exchange.getMessage();
        KooPhoneOperation op;
        OperationCaller.Prepared call;
        try {
            String override = in.getHeader(KooPhoneConstants.OPERATION, String.class);
            op = override == null ? defaultOperation : KooPhoneOperation.fromName(override);
            call = getEndpoint().caller().prepare(op, in.getBody(), getEndpoint().inputs(in),
                    in.getHeader(KooPhoneConstants.REQUEST_ID, String.class));
        } catch (RuntimeException e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        in.setHeader(KooPhoneConstants.REQUEST_ID, call.requestId());
        CompletableFuture<OperationCaller.Outcome> result = call.send(each -> {
            stampJobs(each);
            track(each, op);
        });
        if (result.isDone()) {
            complete(exchange, op, result);
            callback.done(true);
            return true;
        }
        result.whenComplete((outcome, failure) -> {
            complete(exchange, op, result);
            callback.done(false);
        });
        return false;
    }

    private static void complete(Exchange exchange, KooPhoneOperation op, CompletableFuture<OperationCaller.Outcome> result) {
        try {
            setResult(exchange.getMessage(), op, result.join());
        } catch (RuntimeException e) {
            exchange.setException(OperationCaller.unwrap(e));
        }
    }

    /**
     * Gives each job of a task result its task's id, as each call returns, so the jobs of a split call's merged
     * result still say which task they belong to (the API does not send it per job).
     */
    private static void stampJobs(Object result) {
        if (result instanceof TaskResult task && task.getCmdJobs() != null) {
            for (CmdJob job : task.getCmdJobs()) {
                if (job.getTaskId() == null) {
                    job.setTaskId(task.getTaskId());
                }
            }
        }
    }

    private void track(Object result, KooPhoneOperation op) {
        if (result instanceof TaskResult task && task.getTaskId() != null && getEndpoint().getConfiguration().isTrackTasks()) {
            getEndpoint().appendTask(registration(task, op));
        }
    }

    /** The task as the consumers follow it: its id, and the instance of each job it started. */
    static TaskRegistration registration(TaskResult task, KooPhoneOperation op) {
        List<CmdJob> jobs = task.getCmdJobs() == null ? List.of() : task.getCmdJobs();
        String[] jobIds = new String[jobs.size()];
        String[] instanceIds = new String[jobs.size()];
        for (int i = 0; i < jobs.size(); i++) {
            jobIds[i] = jobs.get(i).getJobId();
            instanceIds[i] = jobs.get(i).getInstanceId();
        }
        return new TaskRegistration(task.getTaskId(), op, jobIds, instanceIds);
    }

    private static void setResult(Message message, KooPhoneOperation op, OperationCaller.Outcome outcome) {
        message.setBody(outcome.result());
        message.setHeader(KooPhoneConstants.ERROR_CODE, outcome.first().errorCode() != null ? outcome.first().errorCode() : "0");
        String errorMessage = outcome.first().errorMessage();
        if (errorMessage != null) {
            message.setHeader(KooPhoneConstants.ERROR_MESSAGE, errorMessage);
        } else {
            // an earlier step's message must not pass for this call's
            message.removeHeader(KooPhoneConstants.ERROR_MESSAGE);
        }
        if (op.returnsTask()) {
            // always set, so a task id from an earlier step never passes for this call's
            message.setHeader(KooPhoneConstants.TASK_IDS, outcome.taskIds());
            message.setHeader(KooPhoneConstants.TASK_ID, outcome.taskIds().isEmpty() ? null : outcome.taskIds().get(0));
        }
    }
}
