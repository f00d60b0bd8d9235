package io.github.camelkoophone.examples.quarkus;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.camel.builder.RouteBuilder;

/**
 * The fleet check as the Java, XML and YAML examples run it under Camel Main: video settings and an adb command on
 * a batch of phones, a reset of one more, one event per finished job, then every phone's status. Camel Quarkus
 * finds this class as a CDI bean and adds its routes at startup; the beans it calls are injected, not looked up
 * by name.
 */
@ApplicationScoped
public class FleetCheckRoutes extends RouteBuilder {

    @Inject
    FleetTarget target;

    @Inject
    FleetCheck fleet;

    @Override
    public void configure() {
        String batch = String.join(",", target.batch());
        String reset = String.join(",", target.reset());

        // Each call's result is not the next call's request, so the body is cleared in between.
        from("timer:fleet-check?repeatCount=1").routeId("fleet-check-start")
                .setBody(constant("resource:classpath:fleet/video-config.json"))
                .to("koophone:setVideoConfig?instanceIds=" + batch)
                .log("video settings applied to " + batch)
                .setBody(constant(""))
                .to("koophone:asyncCommand?instanceIds=" + batch + "&command={{fleet.command}}")
                .log("asyncCommand '{{fleet.command}}' started task ${header.CamelKooPhoneTaskId}")
                .setBody(constant(""))
                .to("koophone:batchReset?instanceIds=" + reset)
                .log("batchReset started task ${header.CamelKooPhoneTaskId}");

        from("koophone:tasks?delay=500").routeId("fleet-check-events")
                .log("${header.CamelKooPhoneOperation} on ${header.CamelKooPhoneInstanceId}: ${header.CamelKooPhoneJobStatus}"
                     + " output='${body.executeMsg}' error='${body.errorMsg}'")
                .setProperty("lastJob", method(fleet.summary(), "record"))
                .filter(exchangeProperty("lastJob"))
                    .to("direct:fleet-status");

        // The event's headers (its operation, task and instance) would override this endpoint's options, so they go.
        from("direct:fleet-status").routeId("fleet-check-status")
                .removeHeaders("CamelKooPhone*")
                .setBody(constant(""))
                .to("koophone:batchQueryStatus?instanceIds=" + batch + "," + reset)
                .split(simple("${body.statusResults}"))
                    .log("phone ${body.instanceId} has status ${body.status}")
                .end()
                .bean(fleet, "statuses");
    }
}
