package io.github.camelkoophone.examples.support;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.apache.camel.Header;

/**
 * Tallies task-completion events by operation and status, keeps them for a later check, and runs
 * {@code onComplete} once every expected job has reported. Bind it as a bean and call {@code record} for each event
 * of {@code koophone:tasks}; the headers are the component's.
 */
public class TaskSummary {

    /** One finished job as an event reported it. */
    public record Event(String operation, String taskId, String jobId, String status) {
    }

    private final String title;
    private final int expectedJobs;
    private final Runnable onComplete;
    private final long started = System.nanoTime();
    private final List<Event> events = new CopyOnWriteArrayList<>();
    private volatile long finishedNanos;

    public TaskSummary(String title, int expectedJobs, Runnable onComplete) {
        this.title = title;
        this.expectedJobs = expectedJobs;
        this.onComplete = onComplete;
    }

    /**
     * Records one finished job; returns true for the event that completes the expected number, which also runs
     * {@code onComplete}.
     */
    public boolean record(@Header("CamelKooPhoneOperation") String operation, @Header("CamelKooPhoneTaskId") String taskId,
                          @Header("CamelKooPhoneJobId") String jobId, @Header("CamelKooPhoneJobStatus") String status) {
        events.add(new Event(operation, taskId, jobId, status));
        if (events.size() == expectedJobs) {
            finishedNanos = System.nanoTime();
            onComplete.run();
            return true;
        }
        return false;
    }

    public boolean complete() {
        return events.size() >= expectedJobs;
    }

    public int expected() {
        return expectedJobs;
    }

    public int received() {
        return events.size();
    }

    public List<Event> events() {
        return List.copyOf(events);
    }

    /** Events per "operation STATUS". */
    public Map<String, Integer> counts() {
        return events.stream().collect(Collectors.groupingBy(e -> e.operation() + " " + e.status(), TreeMap::new,
                Collectors.summingInt(e -> 1)));
    }

    public String report(Object target) {
        double seconds = ((finishedNanos == 0 ? System.nanoTime() : finishedNanos) - started) / 1e9;
        StringBuilder out = new StringBuilder("\n=== KooPhone ").append(title).append(" summary ===\n");
        out.append("target: ").append(target).append('\n');
        counts().forEach((key, value) -> out.append(String.format("  %-28s %d%n", key, value)));
        out.append(String.format("%d of %d jobs reported in %.1f s%s%n", received(), expectedJobs, seconds,
                complete() ? "" : " (gave up waiting)"));
        return out.toString();
    }
}
