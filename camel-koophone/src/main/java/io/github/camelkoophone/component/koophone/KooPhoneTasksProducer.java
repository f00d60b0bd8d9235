package io.github.camelkoophone.component.koophone;

import io.github.camelkoophone.component.koophone.model.KooPhoneValidationException;
import io.github.camelkoophone.component.koophone.tasks.TaskRegistration;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultProducer;

/**
 * {@code to("koophone:tasks")}: asks the koophone:tasks consumers to follow a task started elsewhere, given in
 * {@code CamelKooPhoneTaskId} or as a String body. {@code CamelKooPhoneOperation} may say which operation made it.
 */
public class KooPhoneTasksProducer extends DefaultProducer {

    public KooPhoneTasksProducer(KooPhoneEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public KooPhoneEndpoint getEndpoint() {
        return (KooPhoneEndpoint) super.getEndpoint();
    }

    @Override
    public void process(Exchange exchange) {
        String taskId = exchange.getMessage().getHeader(KooPhoneConstants.TASK_ID, String.class);
        if (taskId == null && exchange.getMessage().getBody() instanceof String body) {
            taskId = body.trim();
        }
        if (taskId == null || taskId.isEmpty()) {
            throw new KooPhoneValidationException(KooPhoneConstants.TASK_ID, "is required (or a String body) to watch a task");
        }
        String operation = exchange.getMessage().getHeader(KooPhoneConstants.OPERATION, String.class);
        getEndpoint().getComponent().taskRegistry()
                .register(TaskRegistration.of(taskId, operation == null ? null : KooPhoneOperation.fromName(operation)));
    }
}
