package io.github.camelkoophone.examples.kafka;

import io.github.camelkoophone.examples.support.PipelineDemo;
import io.github.camelkoophone.examples.support.Settings;
import io.github.camelkoophone.examples.support.TaskSummary;
import org.apache.camel.main.Main;

/**
 * Runs the pipeline of {@code routes/kafka-pipeline.yaml}. With {@code pipeline.kafka-brokers} configured it
 * serves that Kafka cluster until stopped. Without, it starts an embedded broker, sends a few demo commands, prints
 * the events and ends when every job has reported. KooPhone calls go to an embedded simulator unless
 * {@code camel.component.koophone.endpoint} is configured.
 */
public final class KafkaPipeline {

    static final String BROKERS = "pipeline.kafka-brokers";

    private KafkaPipeline() {
    }

    public static void main(String[] args) throws Exception {
        TaskSummary demo = run(new Main());
        System.exit(demo == null || demo.complete() ? 0 : 1);
    }

    /** Runs until stopped; returns the demo's tally when it ran the demo, null otherwise. */
    public static TaskSummary run(Main main) throws Exception {
        Settings settings = Settings.load();
        return PipelineDemo.run(main, settings.isSet(BROKERS) ? null : () -> {
            EmbeddedKafka kafka = EmbeddedKafka.start(settings.get("pipeline.commands-topic"),
                    settings.get("pipeline.events-topic"), settings.get("pipeline.rejected-topic"));
            main.addOverrideProperty(BROKERS, kafka.bootstrapServers());
            return kafka;
        }, "kafka:{{pipeline.commands-topic}}", "kafka:{{pipeline.events-topic}}?groupId=pipeline-demo&autoOffsetReset=earliest");
    }
}
