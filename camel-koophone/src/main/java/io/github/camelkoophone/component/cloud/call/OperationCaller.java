package io.github.camelkoophone.component.koophone;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import io.github.camelkoophone.component.koophone.api.ApiOperation;
import io.github.camelkoophone.component.koophone.api.Fanout;
import io.github.camelkoophone.component.koophone.api.Inputs;
import io.github.camelkoophone.component.koophone.api.Reply;
import io.github.camelkoophone.component.koophone.api.RequestAssembler;
import io.github.camelkoophone.component.koophone.api.ResponseReader;
import io.github.camelkoophone.component.koophone.api.ResultAssembler;
import io.github.camelkoophone.component.koophone.model.TaskResult;
import io.github.camelkoophone.component.koophone.transport.ApiRequest;
import io.github.camelkoophone.component.koophone.transport.CallPipeline;

/**
 * Performs one operation call for an endpoint: assemble (validating before anything is sent), fan the calls out,
 * read each response, assemble one result. Producers and consumers both call the API through it.
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

        private Prepared(ApiOperation op, List<ApiRequest> calls) {
            this.op = op;
            this.calls = calls;
        }

        public String requestId() {
            return calls.get(0).requestId();
        }

        /**
         * Sends the calls.
         *
         * @param onTask called with each task result as soon as its call returns, so tasks of a split call are
         *               tracked even if a later chunk fails
         */
        public CompletableFuture<Outcome> send(Consumer<TaskResult> onTask) {
            return sendEach(onTask == null ? null : result -> {
                if (result instanceof TaskResult task) {
                    onTask.accept(task);
                }
            });
        }

        /**
         * Sends the calls.
         *
         * @param onResult called with the typed result of each call as soon as it returns (any result type)
         */
        public CompletableFuture<Outcome> sendEach(Consumer<Object> onResult) {
            if (calls.size() == 1) {
                // nearly every call: nothing to fan out or merge
                return send(calls.get(0), onResult).thenApply(reply -> new Outcome(reply.result(), reply, requestId(),
                        op.returnsTask() ? ResultAssembler.taskIds(List.of(reply)) : List.of()));
            }
            return Fanout.run(calls, batchConcurrency, worker, call -> send(call, onResult)).thenApply(replies -> {
                List<Object> results = new ArrayList<>(replies.size());
                replies.forEach(reply -> results.add(reply.result()));
                Object result = ResultAssembler.merge(op, results, requestId());
                return new Outcome(result, replies.get(0), requestId(), op.returnsTask() ? ResultAssembler.taskIds(replies) : List.of());
            });
        }

        private CompletableFuture<Reply> send(ApiRequest call, Consumer<Object> onResult) {
            return pipeline.execute(call).thenApply(response -> {
                Reply reply = ResponseReader.reply(op, response, call.requestId());
                if (onResult != null) {
                    onResult.accept(reply.result());
                }
                return reply;
            });
        }
    }

    private final CallPipeline pipeline;
    private final RequestAssembler assembler;
    private final int batchConcurrency;
    private final Executor worker;

    public OperationCaller(CallPipeline pipeline, RequestAssembler assembler, int batchConcurrency, Executor worker) {
        this.pipeline = pipeline;
        this.assembler = assembler;
        this.batchConcurrency = batchConcurrency;
        this.worker = worker;
    }

    /** The pool that runs calls concurrently (fan-out, consumer polls). */
    public Executor worker() {
        return worker;
    }

    /** Assembles and validates; throws {@link IllegalArgumentException} on bad input, before anything is sent. */
    public Prepared prepare(ApiOperation op, Object body, Inputs inputs, String requestId) {
        return new Prepared(op, assembler.assemble(op, body, inputs, requestId));
    }
}
