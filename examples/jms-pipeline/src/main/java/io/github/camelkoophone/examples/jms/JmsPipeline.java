package io.github.camelkoophone.examples.jms;

import io.github.camelkoophone.examples.support.PipelineDemo;
import io.github.camelkoophone.examples.support.Settings;
import io.github.camelkoophone.examples.support.TaskSummary;
import org.apache.camel.main.Main;

/**
 * Runs {@link JmsPipelineRoutes}. With {@code pipeline.broker-url} at a real broker (e.g. {@code tcp://host:61616})
 * it serves its queues until stopped. With an in-VM URL (the default, {@code vm://0}) it starts an embedded Artemis
 * broker, sends a few demo commands, prints the events and ends when every job has reported. KooPhone calls go to
 * an embedded simulator unless {@code camel.component.koophone.endpoint} is configured.
 */
public final class JmsPipeline {

    static final String BROKER_URL = "pipeline.broker-url";

    private JmsPipeline() {
    }

    public static void main(String[] args) throws Exception {
        TaskSummary demo = run(new Main());
        System.exit(demo == null || demo.complete() ? 0 : 1);
    }

    /** Runs until stopped; returns the demo's tally when it ran the demo, null otherwise. */
    public static TaskSummary run(Main main) throws Exception {
        String brokerUrl = Settings.load().get(BROKER_URL);
        return PipelineDemo.run(main, EmbeddedArtemis.isInVm(brokerUrl) ? () -> EmbeddedArtemis.start(brokerUrl) : null,
                "jms:queue:{{pipeline.commands-queue}}", "jms:queue:{{pipeline.events-queue}}");
    }
}
