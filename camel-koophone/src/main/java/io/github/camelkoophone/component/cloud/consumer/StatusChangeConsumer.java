package io.github.camelkoophone.component.cloud.consumer;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.apache.camel.Endpoint;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * Polls the status of a set of things (instances, phones) and emits one exchange per thing, or only per thing
 * whose status changed since it was last delivered (the first poll emits all). A status is remembered only once its
 * exchange completed without exception, so a change whose delivery failed is emitted again.
 *
 * @param <T> what the service reports a status of
 */
public abstract class StatusChangeConsumer<T> extends EventConsumer {

    /**
     * The headers an event carries.
     *
     * @param id       the thing's id
     * @param status   its status now
     * @param previous its status when last delivered (absent the first time)
     */
    public record Headers(String id, String status, String previous) {
    }

    private final Map<String, Integer> delivered = new ConcurrentHashMap<>();
    private final Headers headers;
    private final Function<T, String> id;
    private final Function<T, Integer> status;

    /**
     * @param id     the id of a thing
     * @param status the status of a thing as the service reports it
     */
    protected StatusChangeConsumer(Endpoint endpoint, Processor processor, Headers headers, Function<T, String> id,
                                   Function<T, Integer> status) {
        super(endpoint, processor);
        this.headers = headers;
        this.id = id;
        this.status = status;
    }

    /** What the service reports now (every page, every chunk). */
    protected abstract List<T> current() throws Exception;

    /** Whether only changes are emitted; otherwise every thing on every poll. */
    protected abstract boolean onlyChanges();

    @Override
    protected int pollEvents() throws Exception {
        Queue<Object> events = new ArrayDeque<>();
        for (T thing : current()) {
            String thingId = id.apply(thing);
            if (thingId != null && (!onlyChanges() || !delivered.containsKey(thingId)
                                    || !Objects.equals(delivered.get(thingId), status.apply(thing)))) {
                events.add(new StatusEvent(thing, thingId));
            }
        }
        return processBatch(events);
    }

    private final class StatusEvent implements Event {
        private final T thing;
        private final String thingId;
        private final Integer thingStatus;

        StatusEvent(T thing, String thingId) {
            this.thing = thing;
            this.thingId = thingId;
            this.thingStatus = status.apply(thing);
        }

        @Override
        public void fill(Message message) {
            message.setBody(thing);
            message.setHeader(headers.id(), thingId);
            message.setHeader(headers.status(), thingStatus);
            Integer previous = delivered.get(thingId);
            if (previous != null) {
                message.setHeader(headers.previous(), previous);
            }
        }

        @Override
        public void settle(Exception failure) {
            if (failure == null && thingStatus != null) {
                delivered.put(thingId, thingStatus);
            }
        }

        @Override
        public String describe() {
            return "the status of " + thingId + " from " + getEndpoint().getEndpointBaseUri();
        }
    }
}
