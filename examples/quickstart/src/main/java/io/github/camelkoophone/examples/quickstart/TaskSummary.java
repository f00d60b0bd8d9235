package io.github.camelkoophone.examples.quickstart;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.Header;

/**
 * Counts task-completion events by operation and status, and says when every expected job has reported.
 */
public class TaskSummary {

    private final int expectedJobs;
    private final Runnable onComplete;
    private final long started = System.nanoTime();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final AtomicInteger received = new AtomicInteger();
    private volatile long finishedNanos;

    public TaskSummary(int expectedJobs, Runnable onComplete) {
        this.expectedJobs = expectedJobs;
        this.onComplete = onComplete;
    }

    /** Called by the task-events route for each finished job. */
    public void record(@Header("CamelKooPhoneOperation") String operation, @Header("CamelKooPhoneJobStatus") String status) {
        counts.computeIfAbsent(operation + " " + status, k -> new AtomicInteger()).incrementAndGet();
        if (received.incrementAndGet() == expectedJobs) {
            finishedNanos = System.nanoTime();
            onComplete.run();
        }
    }

    public boolean complete() {
        return received.get() >= expectedJobs;
    }

    public int received() {
        return received.get();
    }

    /** Events per "operation STATUS". */
    public Map<String, Integer> counts() {
        Map<String, Integer> copy = new TreeMap<>();
        counts.forEach((key, value) -> copy.put(key, value.get()));
        return copy;
    }

    public String report(String target) {
        double seconds = ((finishedNanos == 0 ? System.nanoTime() : finishedNanos) - started) / 1e9;
        StringBuilder out = new StringBuilder("\n=== KooPhone quickstart summary ===\n");
        out.append("target: ").append(target).append('\n');
        counts().forEach((key, value) -> out.append(String.format("  %-28s %d%n", key, value)));
        out.append(String.format("%d of %d jobs reported in %.1f s%s%n", received.get(), expectedJobs, seconds,
                complete() ? "" : " (gave up waiting)"));
        return out.toString();
    }
}
