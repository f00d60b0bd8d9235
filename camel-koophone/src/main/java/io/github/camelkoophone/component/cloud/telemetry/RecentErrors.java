package io.github.camelkoophone.component.cloud.telemetry;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The last few calls that failed, newest first, for the dev console. Touched only when a call fails. */
public final class RecentErrors {

    /**
     * One failed call.
     *
     * @param at        when it failed
     * @param operation the operation called
     * @param requestId its x-request-id (null for calls that carry none)
     * @param error     the failure as the caller received it
     */
    public record Entry(Instant at, String operation, String requestId, String error) {
    }

    private final int capacity;
    private final Deque<Entry> entries = new ArrayDeque<>();

    public RecentErrors(int capacity) {
        this.capacity = capacity;
    }

    public synchronized void add(Entry entry) {
        if (entries.size() == capacity) {
            entries.removeLast();
        }
        entries.addFirst(entry);
    }

    public synchronized List<Entry> list() {
        return List.copyOf(entries);
    }
}
