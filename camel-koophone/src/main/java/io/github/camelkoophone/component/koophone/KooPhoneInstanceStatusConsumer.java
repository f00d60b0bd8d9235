package io.github.camelkoophone.component.koophone;

import java.util.List;

import io.github.camelkoophone.component.cloud.consumer.StatusChangeConsumer;
import io.github.camelkoophone.component.cloud.model.InvalidInputException;
import io.github.camelkoophone.component.koophone.model.BatchQueryStatusResult;
import io.github.camelkoophone.component.koophone.model.InstanceStatus;
import org.apache.camel.Processor;

/**
 * {@code koophone:instanceStatus}: polls BatchQueryStatus for {@code instanceIds} (split at the API's maximum) and
 * emits one exchange per instance whose status changed since the last poll; the first poll emits all. A status is
 * remembered only once its exchange was processed without exception, so a failed one is emitted again.
 */
public class KooPhoneInstanceStatusConsumer extends StatusChangeConsumer<InstanceStatus> {

    public KooPhoneInstanceStatusConsumer(KooPhoneEndpoint endpoint, Processor processor) {
        super(endpoint, processor, new Headers(KooPhoneConstants.INSTANCE_ID, KooPhoneConstants.INSTANCE_STATUS,
                KooPhoneConstants.PREVIOUS_STATUS), InstanceStatus::getInstanceId, InstanceStatus::getStatus);
    }

    @Override
    public KooPhoneEndpoint getEndpoint() {
        return (KooPhoneEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        if (getEndpoint().getConfiguration().getInstanceIds() == null
            || getEndpoint().getConfiguration().getInstanceIds().isBlank()) {
            throw new InvalidInputException("instanceIds", "is required for koophone:instanceStatus");
        }
        getEndpoint().caller();
        super.doStart();
    }

    @Override
    protected List<InstanceStatus> current() throws Exception {
        BatchQueryStatusResult result = (BatchQueryStatusResult) getEndpoint().caller()
                .prepare(KooPhoneOperation.batchQueryStatus, null, getEndpoint().options(), null).inBackground().call().result();
        return result.getStatusResults() == null ? List.of() : result.getStatusResults();
    }

    @Override
    protected boolean onlyChanges() {
        return true;
    }
}
