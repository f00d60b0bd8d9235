package io.github.camelkoophone.component.cloud.call;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import io.github.camelkoophone.component.cloud.http.ApiRequest;
import io.github.camelkoophone.component.cloud.telemetry.Telemetry;

/**
 * Performs one operation call for an endpoint: assemble (validating before anything is sent), send each call
 * through its {@link Attempts}, read each response, merge the results. Producers and consumers both call the API
 * through it.
 */
public final class OperationCaller {

    /**
     * The outcome of a call.
     *
     * @param result    the typed result
     * @param first     what the first call answered (its error code and message are reported)
     * @param requestId the x-request-id of the first call
     * @param taskIds   every task id returned, in order (empty for operations that return none)
     */
    public record Outcome(Object result, Reply first, String requestId, List<String> taskIds) {
    }

    /** The calls of one logical operation call, assembled and validated but not sent yet. */
    public final class Prepared {
        private final ApiOperation op;
        private final List<ApiRequest> calls;
        private boolean background;

        private Prepared(ApiOperation op, List<ApiRequest> calls) {
            this.op = op;
            this.calls = calls;
        }

        /** Marks the call as a consumer's poll, which yields to the routes' calls at the rate limiter. */
        public Prepared inBackground() {
            background = true;
            return this;
        }

        public String requestId() {
            return calls.get(0).requestId();
        }

        /**
         * Sends the calls: a single one from this thread, several at most {@code batchConcurrency} at a time on
         * the worker pool. Done on return unless a retry waits or the call was split.
         *
         * @param onResult called with the typed result of each call as soon as it returns, so what a split call's
         *                 successful chunks started is known even if a later chunk fails; may be null
         */
        public CompletableFuture<Outcome> send(Consumer<Object> onResult) {
            if (calls.size() == 1) {
                return send(calls.get(0), onResult).thenApply(reply -> new Outcome(reply.result(), reply, requestId(),
                        op.returnsTask() ? ResultMerge.taskIds(List.of(reply)) : List.of()));
            }
            return Fanout.run(calls, batchConcurrency, worker, call -> send(call, onResult)).thenApply(replies -> {
                List<Object> results = new ArrayList<>(replies.size());
                replies.forEach(reply -> results.add(reply.result()));
                return new Outcome(ResultMerge.merge(op, results), replies.get(0), requestId(),
                        op.returnsTask() ? ResultMerge.taskIds(replies) : List.of());
            });
        }

        /** Sends the calls and waits for the outcome; a failure is thrown as it was raised. */
        public Outcome call() throws Exception {
            return call(null);
        }

        /** As {@link #call()}, telling {@code onResult} each call's result as {@link #send} does. */
        public Outcome call(Consumer<Object> onResult) throws Exception {
            try {
                return send(onResult).get();
            } catch (ExecutionException e) {
                Throwable cause = unwrap(e.getCause());
                throw cause instanceof Exception exception ? exception : new ExecutionException(cause);
            }
        }

        private CompletableFuture<Reply> send(ApiRequest call, Consumer<Object> onResult) {
            return attempts.run(call, background).handle((response, failure) -> {
                try {
                    if (failure != null) {
                        throw failure instanceof CompletionException wrapped ? wrapped : new CompletionException(failure);
                    }
                    Reply reply = reader.reply(op, response, call.requestId());
                    if (onResult != null) {
                        onResult.accept(reply.result());
                    }
                    return reply;
                } catch (RuntimeException e) {
                    telemetry.failed(call.name(), call.requestId(), unwrap(e));
                    throw e;
                }
            });
        }
    }

    private final Attempts attempts;
    private final RequestAssembler assembler;
    private final ResponseReader reader;
    private final int batchConcurrency;
    private final Executor worker;
    private final Telemetry telemetry;

    /** @param telemetry remembers the calls that failed */
    public OperationCaller(Attempts attempts, RequestAssembler assembler, ResponseReader reader, int batchConcurrency,
                           Executor worker, Telemetry telemetry) {
        this.attempts = attempts;
        this.assembler = assembler;
        this.reader = reader;
        this.batchConcurrency = batchConcurrency;
        this.worker = worker;
        this.telemetry = telemetry;
    }

    /** The pool that runs calls side by side (fan-out, consumer polls). */
    public Executor worker() {
        return worker;
    }

    /**
     * Assembles and validates; throws {@link IllegalArgumentException} on bad input, before anything is sent.
     *
     * @param inputs    the headers and options the operation's bindings read
     * @param requestId the caller's own x-request-id, or null to generate one
     */
    public Prepared prepare(ApiOperation op, Object body, Input.Source inputs, String requestId) {
        return new Prepared(op, assembler.assemble(op, body, inputs, requestId));
    }

    /** What failed, from the wrapper a completion stage put around it. */
    public static Throwable unwrap(Throwable failure) {
        while ((failure instanceof CompletionException || failure instanceof ExecutionException) && failure.getCause() != null) {
            failure = failure.getCause();
        }
        return failure;
    }
}
