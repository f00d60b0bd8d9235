package io.github.camelkoophone.component.koophone;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletionException;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkoophone.component.koophone.api.Fanout;
import io.github.camelkoophone.component.koophone.api.Inputs;
import io.github.camelkoophone.component.koophone.api.RequestAssembler;
import io.github.camelkoophone.component.koophone.api.ResponseReader;
import io.github.camelkoophone.component.koophone.api.ResultAssembler;
import io.github.camelkoophone.component.koophone.auth.AuthInterceptor;
import io.github.camelkoophone.component.koophone.auth.Authenticators;
import io.github.camelkoophone.component.koophone.transport.ApiRequest;
import io.github.camelkoophone.component.koophone.transport.CallPipeline;
import io.github.camelkoophone.component.koophone.transport.LoggingInterceptor;
import io.github.camelkoophone.component.koophone.transport.RetryInterceptor;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultAsyncProducer;

/**
 * Calls any catalogued operation: assembles the calls, runs them through the pipeline (retries, authentication,
 * logging, HTTP) with bounded fan-out, and sets the typed result and output headers. Nothing here knows a
 * particular operation; the catalogue row says everything.
 */
public class KooPhoneProducer extends DefaultAsyncProducer {

    private final KooPhoneOperation defaultOperation;
    private CallPipeline pipeline;
    private RequestAssembler assembler;

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
        KooPhoneConfiguration config = getEndpoint().getConfiguration();
        config.validate();
        Authenticators.validate(config);
        KooPhoneComponent component = getEndpoint().getComponent();
        pipeline = new CallPipeline(List.of(
                new RetryInterceptor(component.retryPolicy(config), component.scheduler()),
                new AuthInterceptor(component.authenticator(config)),
                new LoggingInterceptor()), component.transport(config));
        assembler = new RequestAssembler(new RequestAssembler.Settings(config.getEndpoint(), config.getMaxBatchSize(),
                config.isValidateCommand(), config.getRequestTimeout()));
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        KooPhoneOperation op;
        List<ApiRequest> calls;
        Message in = exchange.getMessage();
        try {
            String override = in.getHeader(KooPhoneConstants.OPERATION, String.class);
            op = override == null ? defaultOperation : KooPhoneOperation.fromName(override);
            calls = assembler.assemble(op, in.getBody(), inputs(in), in.getHeader(KooPhoneConstants.REQUEST_ID, String.class));
        } catch (RuntimeException e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        in.setHeader(KooPhoneConstants.REQUEST_ID, calls.get(0).requestId());
        KooPhoneConfiguration config = getEndpoint().getConfiguration();
        Fanout.run(calls, config.getBatchConcurrency(),
                call -> pipeline.execute(call).thenApply(response -> ResponseReader.read(op.name(), response, call.requestId())))
                .whenCompleteAsync((data, failure) -> {
                    try {
                        if (failure != null) {
                            exchange.setException(unwrap(failure));
                        } else {
                            setResult(in, op, data, calls.get(0).requestId());
                        }
                    } catch (RuntimeException e) {
                        exchange.setException(e);
                    } finally {
                        callback.done(false);
                    }
                }, getEndpoint().getComponent().callbackExecutor());
        return false;
    }

    private static void setResult(Message message, KooPhoneOperation op, List<ObjectNode> data, String requestId) {
        Object result = ResultAssembler.assemble(op, data, requestId);
        message.setBody(result);
        ObjectNode first = data.get(0);
        message.setHeader(KooPhoneConstants.ERROR_CODE, first.path("error_code").asText("0"));
        message.setHeader(KooPhoneConstants.ERROR_MESSAGE, first.path("error_msg").asText(null));
        if (op.returnsTask()) {
            List<String> taskIds = ResultAssembler.taskIds(data);
            message.setHeader(KooPhoneConstants.TASK_IDS, taskIds);
            message.setHeader(KooPhoneConstants.TASK_ID, taskIds.isEmpty() ? null : taskIds.get(0));
        }
    }

    private Inputs inputs(Message in) {
        KooPhoneConfiguration c = getEndpoint().getConfiguration();
        return new Inputs(
                ids(in.getHeader(KooPhoneConstants.INSTANCE_IDS), c.getInstanceIds()),
                header(in, KooPhoneConstants.INSTANCE_ID, c.getInstanceId()),
                header(in, KooPhoneConstants.COMMAND, c.getCommand()),
                header(in, KooPhoneConstants.TASK_ID, c.getTaskId()),
                header(in, KooPhoneConstants.USER_ID, c.getUserId()));
    }

    private static String header(Message in, String name, String option) {
        String value = in.getHeader(name, String.class);
        return value != null ? value : option;
    }

    static List<String> ids(Object header, String option) {
        Object value = header != null ? header : option;
        if (value == null) {
            return null;
        }
        if (value instanceof Collection<?> collection) {
            return collection.stream().map(String::valueOf).map(String::trim).toList();
        }
        if (value instanceof String[] array) {
            return Arrays.stream(array).map(String::trim).toList();
        }
        return Arrays.stream(value.toString().split(",")).map(String::trim).filter(id -> !id.isEmpty()).toList();
    }

    private static Throwable unwrap(Throwable failure) {
        while (failure instanceof CompletionException && failure.getCause() != null) {
            failure = failure.getCause();
        }
        return failure;
    }
}
