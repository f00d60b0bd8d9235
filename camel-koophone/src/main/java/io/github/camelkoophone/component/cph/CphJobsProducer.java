package io.github.camelkoophone.component.cph;

import io.github.camelkoophone.component.koophone.model.KooPhoneValidationException;
import io.github.camelkoophone.component.koophone.tasks.TaskRegistration;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultProducer;

/**
 * {@code to("cph:jobs")}: asks the cph:jobs consumers to follow a request id started elsewhere, given in
 * {@code CamelCphRequestId} or as a String body.
 */
public class CphJobsProducer extends DefaultProducer {

    public CphJobsProducer(CphEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public CphEndpoint getEndpoint() {
        return (CphEndpoint) super.getEndpoint();
    }

    @Override
    public void process(Exchange exchange) {
        String requestId = exchange.getMessage().getHeader(CphConstants.REQUEST_ID, String.class);
        if (requestId == null && exchange.getMessage().getBody() instanceof String body) {
            requestId = body.trim();
        }
        if (requestId == null || requestId.isEmpty()) {
            throw new KooPhoneValidationException(CphConstants.REQUEST_ID, "is required (or a String body) to watch a request's jobs");
        }
        String operation = exchange.getMessage().getHeader(CphConstants.OPERATION, String.class);
        getEndpoint().getComponent().jobRegistry()
                .register(TaskRegistration.of(requestId, operation == null ? null : CphOperation.fromName(operation)));
    }
}
