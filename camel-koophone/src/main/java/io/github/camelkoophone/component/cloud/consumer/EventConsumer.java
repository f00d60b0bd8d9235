package io.github.camelkoophone.component.cloud.consumer;

import java.util.Queue;

import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.support.ScheduledBatchPollingConsumer;

/**
 * A polling consumer that emits events: each poll finds events and hands them to {@link #processBatch}, which sends
 * each one through the route as an exchange of the poll's batch, keeps {@code pendingExchanges} current (so a
 * graceful shutdown knows what is left), and tells the event whether its exchange completed without exception. An
 * exception the route's error handler handled counts as delivered, as for any Camel consumer.
 */
public abstract class EventConsumer extends ScheduledBatchPollingConsumer {

    /** One event of a poll: what its exchange carries, and what follows from its outcome. */
    public interface Event {

        /** Sets the exchange's body and headers. */
        void fill(Message message);

        /** The exchange completed: {@code failure} is null when it was delivered. */
        void settle(Exception failure);

        /** How the event is named in the log line of a failed delivery (before it is settled). */
        String describe();
    }

    protected EventConsumer(Endpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    /** @param events {@link Event}s, in the order they are to be delivered */
    @Override
    public int processBatch(Queue<Object> events) throws Exception {
        int total = events.size();
        for (int index = 0; index < total && isBatchAllowed(); index++) {
            Event event = (Event) events.poll();
            pendingExchanges = total - index - 1;
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
                // told before the event is settled, whose bookkeeping may itself fail (a store closing at shutdown)
                getExceptionHandler().handleException("Failed to deliver " + event.describe(), exchange, failure);
            }
            event.settle(failure);
            releaseExchange(exchange, false);
        }
        pendingExchanges = 0;
        return total;
    }
}
