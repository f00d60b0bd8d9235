package io.github.camelkoophone.component.cloud.tasks;

import java.util.function.Consumer;
import java.util.function.Function;

import io.github.camelkoophone.component.cloud.call.ApiOperation;
import io.github.camelkoophone.component.cloud.model.InvalidInputException;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultProducer;

/**
 * {@code to("koophone:tasks")}, {@code to("cph:jobs")}: asks the component's task-following consumers to follow a
 * task started elsewhere, given in the task id header or as a String body; the operation header may say which
 * operation started it.
 */
public class FollowTaskProducer extends DefaultProducer {

    private final Consumer<TaskRegistration> log;
    private final String taskIdHeader;
    private final String operationHeader;
    private final Function<String, ? extends ApiOperation> operations;

    /**
     * @param log        records the task in the endpoint's task log, where its consumers take tasks from
     * @param operations the service's operation of a name, failing on an unknown one
     */
    public FollowTaskProducer(Endpoint endpoint, Consumer<TaskRegistration> log, String taskIdHeader, String operationHeader,
                              Function<String, ? extends ApiOperation> operations) {
        super(endpoint);
        this.log = log;
        this.taskIdHeader = taskIdHeader;
        this.operationHeader = operationHeader;
        this.operations = operations;
    }

    @Override
    public void process(Exchange exchange) {
        String taskId = exchange.getMessage().getHeader(taskIdHeader, String.class);
        if (taskId == null && exchange.getMessage().getBody() instanceof String body) {
            taskId = body.trim();
        }
        if (taskId == null || taskId.isEmpty()) {
            throw new InvalidInputException(taskIdHeader, "is required (or a String body) to follow a task");
        }
        String operation = exchange.getMessage().getHeader(operationHeader, String.class);
        log.accept(TaskRegistration.of(taskId, operation == null ? null : operations.apply(operation)));
    }
}
