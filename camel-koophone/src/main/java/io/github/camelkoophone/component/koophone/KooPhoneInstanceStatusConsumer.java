package io.github.camelkoophone.component.koophone;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;

import io.github.camelkoophone.component.koophone.api.Inputs;
import io.github.camelkoophone.component.koophone.model.BatchQueryStatusResult;
import io.github.camelkoophone.component.koophone.model.InstanceStatus;
import io.github.camelkoophone.component.koophone.model.KooPhoneValidationException;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.ScheduledBatchPollingConsumer;

/**
 * {@code koophone:instanceStatus}: polls BatchQueryStatus for {@code instanceIds} (split at the API's maximum)
 * and emits one exchange per instance whose status changed since the last poll; the first poll emits all. A
 * status is remembered only once its exchange was processed without exception, so a failed one is emitted again.
 */
public class KooPhoneInstanceStatusConsumer extends ScheduledBatchPollingConsumer {

    private final Map<String, Integer> lastStatus = new ConcurrentHashMap<>();
    private List<String> instanceIds;

    public KooPhoneInstanceStatusConsumer(KooPhoneEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public KooPhoneEndpoint getEndpoint() {
        return (KooPhoneEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        instanceIds = KooPhoneProducer.ids(null, getEndpoint().getConfiguration().getInstanceIds());
        if (instanceIds == null || instanceIds.isEmpty()) {
            throw new KooPhoneValidationException("instanceIds", "is required for koophone:instanceStatus");
        }
        getEndpoint().caller();
        super.doStart();
    }

    @Override
    protected int poll() throws Exception {
        OperationCaller.Outcome outcome;
        try {
            outcome = getEndpoint().caller()
                    .prepare(KooPhoneOperation.batchQueryStatus, null, new Inputs(instanceIds, null, null, null, null), null)
                    .send(null).join();
        } catch (java.util.concurrent.CompletionException e) {
            Throwable cause = KooPhoneProducer.unwrap(e);
            throw cause instanceof Exception ex ? ex : e;
        }
        BatchQueryStatusResult result = (BatchQueryStatusResult) outcome.result();
        Queue<Object> changes = new ArrayDeque<>();
        if (result.getStatusResults() != null) {
            for (InstanceStatus status : result.getStatusResults()) {
                if (status.getInstanceId() != null
                    && (!lastStatus.containsKey(status.getInstanceId())
                        || !Objects.equals(lastStatus.get(status.getInstanceId()), status.getStatus()))) {
                    changes.add(status);
                }
            }
        }
        return processBatch(changes);
    }

    @Override
    public int processBatch(Queue<Object> changes) throws Exception {
        int total = changes.size();
        for (int index = 0; index < total && isBatchAllowed(); index++) {
            InstanceStatus status = (InstanceStatus) changes.poll();
            Exchange exchange = KooPhoneEndpoint.batchExchange(createExchange(false), index, total);
            exchange.getMessage().setBody(status);
            exchange.getMessage().setHeader(KooPhoneConstants.INSTANCE_ID, status.getInstanceId());
            exchange.getMessage().setHeader(KooPhoneConstants.INSTANCE_STATUS, status.getStatus());
            Integer previous = lastStatus.get(status.getInstanceId());
            if (previous != null || lastStatus.containsKey(status.getInstanceId())) {
                exchange.getMessage().setHeader(KooPhoneConstants.PREVIOUS_STATUS, previous);
            }
            try {
                getProcessor().process(exchange);
            } catch (Exception e) {
                exchange.setException(e);
            }
            if (exchange.getException() == null) {
                lastStatus.put(status.getInstanceId(), status.getStatus());
            } else {
                getExceptionHandler().handleException("Failed to process an instance status change", exchange,
                        exchange.getException());
            }
            releaseExchange(exchange, false);
        }
        return total;
    }
}
