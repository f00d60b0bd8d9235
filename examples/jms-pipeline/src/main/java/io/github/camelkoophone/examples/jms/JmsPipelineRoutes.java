package io.github.camelkoophone.examples.jms;

import io.github.camelkoophone.component.koophone.KooPhoneApiException;
import io.github.camelkoophone.component.koophone.KooPhoneConstants;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * Commands in, task events out, over JMS queues.
 * <p>
 * A command is the API's own asyncCommand request as JSON, e.g.
 * {@code {"command":"getprop ro.product.model","instance_ids":["a44uhlf7","efjy72gs"]}}; koophone:asyncCommand
 * takes the text message's body as it is. The commands queue is consumed in a JMS transaction: a command that is
 * not valid, or that the API refused, goes to the rejected queue with the reason in the {@code rejected_because}
 * property and is done with; any other failure (the API unreachable or failing after the component's retries, bad
 * credentials) rolls the transaction back, and the broker delivers the command again later.
 * <p>
 * One event per job that finishes goes to the events queue: the job as JSON text, with the properties
 * {@code task_id} and {@code job_status} (SUCCEEDED, FAILED or TIMED_OUT; a consumer can select on them), and the
 * task id as {@code JMSXGroupID}, so one consumer of a group receives a task's events in order.
 */
public class JmsPipelineRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("jms:queue:{{pipeline.commands-queue}}?transacted=true").routeId("phone-commands")
                .onException(IllegalArgumentException.class).handled(true)
                    .to("direct:reject-command")
                .end()
                .onException(KooPhoneApiException.class).onWhen(JmsPipelineRoutes::refusedByTheApi).handled(true)
                    .to("direct:reject-command")
                .end()
                .to("koophone:asyncCommand")
                .log("command ${header.JMSMessageID} started task ${header.CamelKooPhoneTaskId}");

        from("direct:reject-command").routeId("reject-command")
                .log(LoggingLevel.WARN, "rejected command ${body}: ${exception.message}")
                .setHeader("rejected_because", simple("${exception.message}"))
                .to("jms:queue:{{pipeline.rejected-queue}}");

        from("koophone:tasks?delay=500").routeId("task-events")
                .setHeader("task_id", header(KooPhoneConstants.TASK_ID))
                .setHeader("job_status", header(KooPhoneConstants.JOB_STATUS))
                .setHeader("JMSXGroupID", header(KooPhoneConstants.TASK_ID))
                .marshal().json()
                .to("jms:queue:{{pipeline.events-queue}}?jmsMessageType=Text");
    }

    /** The API said no to this command (HTTP 200 with an error_code, or 400): sending it again will not help. */
    private static boolean refusedByTheApi(Exchange exchange) {
        KooPhoneApiException e = exchange.getException(KooPhoneApiException.class);
        return e != null && (e.getHttpStatus() == 200 || e.getHttpStatus() == 400);
    }
}
