package io.github.camelkoophone.component.cloud.consumer;

import java.time.Instant;
import java.util.function.IntSupplier;

import java.util.Queue;
import java.util.concurrent.locks.ReentrantLock;

import io.github.camelkoophone.component.cloud.telemetry.Meters;
import io.github.camelkoophone.component.cloud.telemetry.Telemetry;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.support.ScheduledBatchPollingConsumer;

/**
 * A polling consumer that emits events: each poll finds events and hands them to {@link #processBatch}, which sends
 * each one through the route as an exchange of the poll's batch, keeps {@code pendingExchanges} current (so a
 * graceful shutdown knows what is left), and tells the event whether its exchange completed without exception. An
 * exception the route's error handler handled counts as delivered, as for any Camel consumer. Deliveries are counted
 * in the component's {@link Meters}; the last poll's time is a JMX attribute.
 */
@ManagedResource(description = "Managed KooPhone event consumer")
public abstract class EventConsumer extends ScheduledBatchPollingConsumer {

    /** One event of a poll: what its exchange carries, and what follows from its outcome. */
    public interface Event {

        /** Sets the exchange's body and headers. */
        void fill(Message message);

        /** The exchange completed: {@code failure} is null when it was delivered. */
        void settle(Exception failure);

        /** How the event is named in the log line of a failed delivery (before it is settled). */
        String describe();

        /** Whether the event is still to be delivered when its turn comes (its task may have moved elsewhere). */
        default boolean wanted() {
            return true;
        }
    }

    /**
     * Held while an event is delivered, from the check that it is still wanted to its settling: what changes which
     * events are wanted takes it too, so no event is delivered after it was given up.
     */
    protected final ReentrantLock delivering = new ReentrantLock();

    private Meters.EventMeters meters = Meters.EventMeters.NONE;
    private volatile Instant lastPoll;

    protected EventConsumer(Endpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    /** Finds the events of one poll and delivers them with {@link #processBatch}; returns how many. */
    protected abstract int pollEvents() throws Exception;

    /** What this consumer follows, for the pending-tasks gauge; null for one that follows no tasks. */
    protected IntSupplier pendingGauge() {
        return null;
    }

    @Override
    protected final int poll() throws Exception {
        try {
            return pollEvents();
        } finally {
            lastPoll = Instant.now();
        }
    }

    @ManagedAttribute(description = "When the last poll ended (ISO-8601); empty before the first")
    public String getLastPollTime() {
        Instant last = lastPoll;
        return last != null ? last.toString() : "";
    }

    @Override
    protected void doStart() throws Exception {
        meters = Telemetry.of(getEndpoint().getComponent()).meters().events(getEndpoint().getEndpointBaseUri(), getRouteId(),
                pendingGauge());
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        meters.close();
        meters = Meters.EventMeters.NONE;
    }

    /** @param events {@link Event}s, in the order they are to be delivered */
    @Override
    public int processBatch(Queue<Object> events) throws Exception {
        int total = events.size();
        for (int index = 0; index < total && isBatchAllowed(); index++) {
            Event event = (Event) events.poll();
            pendingExchanges = total - index - 1;
            delivering.lock();
            try {
                if (event.wanted()) {
                    deliver(event, index, total);
                }
            } finally {
                delivering.unlock();
            }
        }
        pendingExchanges = 0;
        return total;
    }

    private void deliver(Event event, int index, int total) {
        Exchange exchange = createExchange(false);
        exchange.setProperty(ExchangePropertyKey.BATCH_INDEX, index);
        exchange.setProperty(ExchangePropertyKey.BATCH_SIZE, total);
        exchange.setProperty(ExchangePropertyKey.BATCH_COMPLETE, index == total - 1);
        event.fill(exchange.getMessage());
        try {
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        Exception failure = exchange.getException();
        if (failure != null) {
            meters.failed();
            // told before the event is settled, whose bookkeeping may itself fail (a store closing at shutdown)
            getExceptionHandler().handleException("Failed to deliver " + event.describe(), exchange, failure);
        }
        if (failure == null) {
            meters.delivered();
        }
        event.settle(failure);
        releaseExchange(exchange, false);
    }
}
