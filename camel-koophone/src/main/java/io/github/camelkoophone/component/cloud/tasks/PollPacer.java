package io.github.camelkoophone.component.cloud.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import io.github.camelkoophone.component.cloud.call.OperationCaller;

/**
 * The pace of one poll's queries: at most {@code concurrency} in flight, started no faster than evenly over
 * {@code spread} (each task at the same offset every poll, so each is asked about once per delay whatever the
 * others cost, and the API sees a steady rate rather than a burst at the start of each poll), and the answers handed
 * to the polling thread as they arrive, so an event waits for its own query rather than the slowest of thousands.
 */
final class PollPacer {

    /** One query's answer. */
    record Answer<T, R>(T task, R result, Throwable failure) {
    }

    /** Takes answers as they arrive; returns how many events it delivered. */
    @FunctionalInterface
    interface Arrivals<T, R> {
        int take(List<Answer<T, R>> answers) throws Exception;
    }

    /** How a poll went: answers received, how many were failures, the last failure, events delivered. */
    record Summary(int received, int failed, Throwable lastFailure, int delivered) {
        boolean everyQueryFailed() {
            return received > 0 && failed == received;
        }
    }

    private static final long IDLE_WAIT = TimeUnit.MILLISECONDS.toNanos(100);

    private PollPacer() {
    }


    /**
     * @param running false once the consumer is stopping: no more queries start, and the wait for answers ends
     */
    static <T, R> Summary run(List<T> due, int concurrency, long spreadNanos, Executor worker,
                              Function<T, CompletableFuture<R>> query, BooleanSupplier running,
                              Arrivals<T, R> arrivals) throws Exception {
        int n = due.size();
        long start = System.nanoTime();
        BlockingQueue<Answer<T, R>> arrived = new LinkedBlockingQueue<>();
        List<Answer<T, R>> batch = new ArrayList<>();
        int started = 0;
        int received = 0;
        int failed = 0;
        int delivered = 0;
        Throwable lastFailure = null;
        while (received < n) {
            long now = System.nanoTime();
            while (started < n && started - received < concurrency && now - start >= spreadNanos * started / n
                   && running.getAsBoolean()) {
                T task = due.get(started++);
                try {
                    CompletableFuture.supplyAsync(() -> query.apply(task), worker).thenCompose(Function.identity())
                            .whenComplete((result, failure) -> arrived.add(new Answer<>(task, result, OperationCaller.unwrap(failure))));
                } catch (RuntimeException refused) {
                    arrived.add(new Answer<>(task, null, refused)); // the pool refused it: stopping
                }
            }
            long wait = started < n && started - received < concurrency ? start + spreadNanos * started / n - now : IDLE_WAIT;
            Answer<T, R> first = wait <= 0 ? arrived.poll() : arrived.poll(wait, TimeUnit.NANOSECONDS);
            if (first == null) {
                if (!running.getAsBoolean()) {
                    break; // stopping: the tasks not answered this time are asked about after a restart
                }
                continue;
            }
            batch.add(first);
            arrived.drainTo(batch);
            for (Answer<T, R> answer : batch) {
                received++;
                if (answer.failure() != null) {
                    failed++;
                    lastFailure = answer.failure();
                }
            }
            delivered += arrivals.take(batch);
            batch.clear();
        }
        return new Summary(received, failed, lastFailure, delivered);
    }
}
