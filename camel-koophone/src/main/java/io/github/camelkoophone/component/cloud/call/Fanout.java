package io.github.camelkoophone.component.cloud.call;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs calls with at most {@code concurrency} in flight, keeping their results in input order. A single call runs
 * in the caller's thread; several run on the worker pool. The first failure fails the whole and stops starting
 * new calls.
 */
public final class Fanout {

    private Fanout() {
    }

    public static <T, R> CompletableFuture<List<R>> run(List<T> inputs, int concurrency, Executor worker,
                                                         Function<T, CompletableFuture<R>> call) {
        if (inputs.size() == 1) {
            return call.apply(inputs.get(0)).thenApply(List::of);
        }
        Function<T, CompletableFuture<R>> onWorker = input -> CompletableFuture.supplyAsync(() -> call.apply(input), worker)
                .thenCompose(Function.identity());
        CompletableFuture<List<R>> all = new CompletableFuture<>();
        Object[] results = new Object[inputs.size()];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        for (int i = 0; i < Math.min(concurrency, inputs.size()); i++) {
            startNext(inputs, onWorker, results, next, done, all);
        }
        return all;
    }

    @SuppressWarnings("unchecked")
    private static <T, R> void startNext(List<T> inputs, Function<T, CompletableFuture<R>> call, Object[] results,
                                         AtomicInteger next, AtomicInteger done, CompletableFuture<List<R>> all) {
        int index = next.getAndIncrement();
        if (index >= inputs.size() || all.isDone()) {
            return;
        }
        CompletableFuture<R> future;
        try {
            future = call.apply(inputs.get(index));
        } catch (RuntimeException e) {
            all.completeExceptionally(e);
            return;
        }
        future.whenComplete((result, failure) -> {
            if (failure != null) {
                all.completeExceptionally(failure);
                return;
            }
            results[index] = result;
            if (done.incrementAndGet() == inputs.size()) {
                all.complete((List<R>) Arrays.asList(results));
            } else {
                startNext(inputs, call, results, next, done, all);
            }
        });
    }
}
