package io.github.camelkoophone.examples.javadsl;

import io.github.camelkoophone.component.koophone.dsl.component.KooPhoneEndpointBuilderFactory.KooPhoneBuilders;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;

/**
 * The fleet check in the Java DSL, with type-safe endpoints: Camel's Endpoint DSL for {@code timer} and
 * {@code direct}, and the builders camel-koophone generates for {@code koophone}, whose options (instance ids,
 * command, poll delay) replace the headers the XML and YAML routes set. Camel Main creates it from
 * {@code camel.main.routes-builder-classes} in application.properties.
 */
public class FleetCheckRoutes extends EndpointRouteBuilder implements KooPhoneBuilders {

    @Override
    public void configure() {
        // Video settings and an adb command on the batch, a reset of one more phone. Each call's result is not the
        // next call's request, so the body is cleared in between.
        from(timer("fleet-check").repeatCount(1)).routeId("fleet-check-start")
                .setBody(constant("resource:classpath:fleet/video-config.json"))
                .to(koophone("setVideoConfig").instanceIds("{{fleet.phones}}"))
                .log("video settings applied to {{fleet.phones}}")
                .setBody(constant(""))
                .to(koophone("asyncCommand").instanceIds("{{fleet.phones}}").command("{{fleet.command}}"))
                .log("asyncCommand '{{fleet.command}}' started task ${header.CamelKooPhoneTaskId}")
                .setBody(constant(""))
                .to(koophone("batchReset").instanceIds("{{fleet.reset-phone}}"))
                .log("batchReset started task ${header.CamelKooPhoneTaskId}");

        // One event per finished job, whichever call started it.
        from(koophone("tasks").delay(500)).routeId("fleet-check-events")
                .log("${header.CamelKooPhoneOperation} on ${header.CamelKooPhoneInstanceId}: ${header.CamelKooPhoneJobStatus}"
                     + " output='${body.executeMsg}' error='${body.errorMsg}'")
                .setProperty("lastJob", method("summary", "record"))
                .filter(exchangeProperty("lastJob"))
                    .to(direct("fleet-status"));

        // Every job has reported: where does each phone stand now? The event's headers (its operation, task and
        // instance) would override this endpoint's options, so they go first.
        from(direct("fleet-status")).routeId("fleet-check-status")
                .removeHeaders("CamelKooPhone*")
                .setBody(constant(""))
                .to(koophone("batchQueryStatus").instanceIds("{{fleet.phones}},{{fleet.reset-phone}}"))
                .split(simple("${body.statusResults}"))
                    .log("phone ${body.instanceId} has status ${body.status}")
                .end()
                .bean("fleet", "statuses");
    }
}
