package io.github.camelkoophone.component.cloud.consumer;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;

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

    protected StatusChangeConsumer(Endpoint endpoint, Processor processor, Headers headers) {
        super(endpoint, processor);
        this.headers = headers;
    }

    /** What the service reports now (every page, every chunk). */
    protected abstract List<T> current() throws Exception;

    protected abstract String id(T thing);

    protected abstract Integer status(T thing);

    /** Whether only changes are emitted; otherwise every thing on every poll. */
    protected abstract boolean onlyChanges();

    @Override
    protected int poll() throws Exception {
        Queue<Object> events = new ArrayDeque<>();
        for (T thing : current()) {
            String id = id(thing);
            if (id != null && (!onlyChanges() || !delivered.containsKey(id) || !Objects.equals(delivered.get(id), status(thing)))) {
                events.add(new StatusEvent(thing, id));
            }
        }
        return processBatch(events);
    }

    private final class StatusEvent implements Event {
        private final T thing;
        private final String id;

        StatusEvent(T thing, String id) {
            this.thing = thing;
            this.id = id;
        }

        @Override
        public void fill(Message message) {
            message.setBody(thing);
            message.setHeader(headers.id(), id);
            message.setHeader(headers.status(), status(thing));
            Integer previous = delivered.get(id);
            if (previous != null) {
                message.setHeader(headers.previous(), previous);
            }
        }

        @Override
        public void settle(Exception failure) {
            if (failure == null && status(thing) != null) {
                delivered.put(id, status(thing));
            }
        }

        @Override
        public String describe() {
            return "the status of " + id + " from " + getEndpoint().getEndpointBaseUri();
        }
    }
}
