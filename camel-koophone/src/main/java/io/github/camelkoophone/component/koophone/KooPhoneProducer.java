package io.github.camelkoophone.component.koophone;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.github.camelkoophone.component.koophone.api.Input;
import io.github.camelkoophone.component.koophone.api.Inputs;
import io.github.camelkoophone.component.koophone.model.TaskResult;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultAsyncProducer;

/**
 * Calls any catalogued operation and sets the typed result and output headers. Nothing here knows a particular
 * operation; the catalogue row says everything. Task ids returned are registered with the koophone:tasks
 * consumers unless {@code trackTasks=false}.
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
    public boolean process(Exchange exchange, AsyncCallback callback) {
        Message in = exchange.getMessage();
        KooPhoneOperation op;
        OperationCaller.Prepared call;
        try {
            String override = in.getHeader(KooPhoneConstants.OPERATION, String.class);
            op = override == null ? defaultOperation : KooPhoneOperation.fromName(override);
            call = getEndpoint().caller().prepare(op, in.getBody(), inputs(in, op), in.getHeader(KooPhoneConstants.REQUEST_ID, String.class));
        } catch (RuntimeException e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        in.setHeader(KooPhoneConstants.REQUEST_ID, call.requestId());
        CompletableFuture<OperationCaller.Outcome> result = call.send(task -> track(task, op));
        if (result.isDone()) {
            // the usual case: the call ran in this thread, so the exchange simply continues here
            complete(exchange, op, result);
            callback.done(true);
            return true;
        }
        // a retry after a delay, or a fan-out: the call finishes on a worker thread, which continues the route
        result.whenComplete((outcome, failure) -> {
            complete(exchange, op, result);
            callback.done(false);
        });
        return false;
    }

    private static void complete(Exchange exchange, KooPhoneOperation op, CompletableFuture<OperationCaller.Outcome> result) {
        try {
            setResult(exchange.getMessage(), op, result.join());
        } catch (CompletionException e) {
            exchange.setException(unwrap(e));
        } catch (RuntimeException e) {
            exchange.setException(e);
        }
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        getEndpoint().caller(); // fail at start, not at the first message, when options or credentials are wrong
    }

    private void track(TaskResult task, KooPhoneOperation op) {
        if (getEndpoint().getConfiguration().isTrackTasks()) {
            getEndpoint().getComponent().taskRegistry().register(task, op);
        }
    }

    private static void setResult(Message message, KooPhoneOperation op, OperationCaller.Outcome outcome) {
        message.setBody(outcome.result());
        message.setHeader(KooPhoneConstants.ERROR_CODE, outcome.first().errorCode() != null ? outcome.first().errorCode() : "0");
        String errorMessage = outcome.first().errorMessage();
        if (errorMessage != null) {
            message.setHeader(KooPhoneConstants.ERROR_MESSAGE, errorMessage);
        } else {
            // an earlier step's message must not pass for this call's; removing costs a lookup, setting null an entry
            message.removeHeader(KooPhoneConstants.ERROR_MESSAGE);
        }
        if (op.returnsTask()) {
            // always set, so a task id from an earlier step never passes for this call's
            message.setHeader(KooPhoneConstants.TASK_IDS, outcome.taskIds());
            message.setHeader(KooPhoneConstants.TASK_ID, outcome.taskIds().isEmpty() ? null : outcome.taskIds().get(0));
        }
    }

    /** The inputs the operation's bindings read; the other input headers are not looked up. */
    private Inputs inputs(Message in, KooPhoneOperation op) {
        KooPhoneConfiguration c = getEndpoint().getConfiguration();
        return new Inputs(
                op.reads(Input.INSTANCE_IDS) ? ids(in.getHeader(KooPhoneConstants.INSTANCE_IDS), c.getInstanceIds()) : null,
                op.reads(Input.INSTANCE_ID) ? header(in, KooPhoneConstants.INSTANCE_ID, c.getInstanceId()) : null,
                op.reads(Input.COMMAND) ? header(in, KooPhoneConstants.COMMAND, c.getCommand()) : null,
                op.reads(Input.TASK_ID) ? header(in, KooPhoneConstants.TASK_ID, c.getTaskId()) : null,
                op.reads(Input.USER_ID) ? header(in, KooPhoneConstants.USER_ID, c.getUserId()) : null);
    }

    private static String header(Message in, String name, String option) {
        String value = in.getHeader(name, String.class);
        return value != null ? value : option;
    }

    @SuppressWarnings("unchecked")
    static List<String> ids(Object header, String option) {
        Object value = header != null ? header : option;
        if (value == null) {
            return null;
        }
        if (value instanceof Collection<?> collection) {
            if (alreadyTrimmed(collection)) {
                return List.copyOf((Collection<String>) collection); // an immutable list is its own copy
            }
            return trimmed(collection.toArray());
        }
        if (value instanceof String[] array) {
            return trimmed(array);
        }
        return Arrays.stream(value.toString().split(",")).map(String::trim).filter(id -> !id.isEmpty()).toList();
    }

    private static boolean alreadyTrimmed(Collection<?> ids) {
        for (Object id : ids) {
            if (!(id instanceof String text) || text.isEmpty() || text.charAt(0) <= ' ' || text.charAt(text.length() - 1) <= ' ') {
                return false;
            }
        }
        return true;
    }

    private static List<String> trimmed(Object[] ids) {
        String[] trimmed = new String[ids.length];
        for (int i = 0; i < ids.length; i++) {
            trimmed[i] = String.valueOf(ids[i]).trim();
        }
        return List.of(trimmed);
    }

    static Throwable unwrap(Throwable failure) {
        while (failure instanceof CompletionException && failure.getCause() != null) {
            failure = failure.getCause();
        }
        return failure;
    }
}
