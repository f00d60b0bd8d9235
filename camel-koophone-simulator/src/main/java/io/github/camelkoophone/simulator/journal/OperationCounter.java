package io.github.camelkoophone.simulator.journal;

/**
 * Per-operation totals since the last journal reset.
 *
 * @param requests  every request that reached the simulator
 * @param executed  those that changed state
 * @param failed    those the client saw fail (dropped, HTTP >= 400, or error_code other than "0")
 * @param throttled those answered HTTP 429, by the rate limit or a 429 fault (also counted as failed)
 */
public record OperationCounter(long requests, long executed, long failed, long throttled) {

    /** Totals with no 429 among them. */
    public OperationCounter(long requests, long executed, long failed) {
        this(requests, executed, failed, 0);
    }

    OperationCounter plus(JournalEntry e) {
        return new OperationCounter(requests + 1, executed + (e.executed() ? 1 : 0), failed + (e.failed() ? 1 : 0),
                throttled + (e.status() == 429 ? 1 : 0));
    }
}
