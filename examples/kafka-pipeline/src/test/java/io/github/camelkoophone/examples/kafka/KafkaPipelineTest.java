package io.github.camelkoophone.examples.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.github.camelkoophone.examples.support.PipelineCheck;
import io.github.camelkoophone.examples.support.TaskSummary;
import io.github.camelkoophone.simulator.KooPhoneSimulator;
import io.github.camelkoophone.simulator.faults.Fault;
import org.apache.camel.main.Main;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pipeline's routes against a real Kafka broker in this JVM and the simulator, driven from the outside with
 * plain Kafka clients as another application would.
 */
class KafkaPipelineTest {

    private static final String COMMANDS = "phone-commands";
    private static final String EVENTS = "phone-task-events";
    private static final String REJECTED = "phone-commands-rejected";

    private static EmbeddedKafka kafka;
    private static PipelineCheck.Running pipeline;
    private static KooPhoneSimulator simulator;

    @BeforeAll
    static void start() throws Exception {
        kafka = EmbeddedKafka.start(COMMANDS, EVENTS, REJECTED);
        pipeline = PipelineCheck.start(KafkaPipeline.BROKERS, kafka.bootstrapServers());
        simulator = pipeline.simulator();
    }

    @AfterAll
    static void stop() throws Exception {
        if (pipeline != null) {
            pipeline.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void everyJobOfEveryCommandComesBackAsOneEventWithTheSimulatorsOutcome() throws Exception {
        List<ConsumerRecord<String, String>> events;
        try (Reader reader = new Reader(EVENTS)) {
            send(PipelineCheck.commands(simulator.inventory().ids()));
            events = reader.read(PipelineCheck.JOBS, Duration.ofSeconds(30));
        }

        // the key and the task_id header carry the task id, the job_status header the outcome
        assertThat(PipelineCheck.mismatches(simulator, events.stream().map(e -> new PipelineCheck.Event(e.value(),
                header(e, "job_status"), Arrays.asList(e.key(), header(e, "task_id")))).toList())).isEmpty();
    }

    @Test
    void aCommandThatIsInvalidOrRefusedGoesToTheRejectedTopicWithTheReason() throws Exception {
        String phone = simulator.inventory().ids().get(0);
        List<ConsumerRecord<String, String>> rejected;
        try (Reader reader = new Reader(REJECTED)) {
            send(PipelineCheck.invalidCommands(phone));
            PipelineCheck.refuseTheNextCommand(simulator);
            send(Map.of("refused", PipelineCheck.command("whoami", List.of(phone))));
            rejected = reader.read(3, Duration.ofSeconds(30));
        }

        // the rejected record keeps the command's key, the reason is a header
        assertThat(PipelineCheck.rejectionMismatches(simulator, rejected.stream()
                .collect(Collectors.toMap(ConsumerRecord::key, r -> header(r, "rejected_because"))))).isEmpty();
    }

    @Test
    void aCommandThatMeetsAnOutageIsTriedAgainNotLost() throws Exception {
        String phone = simulator.inventory().ids().get(5);
        // more 503s than one send's retries (3): the first attempt fails, the command is consumed again
        simulator.faults().add(Fault.on("asyncCommand").httpStatus(503).times(5));
        List<ConsumerRecord<String, String>> events;
        List<ConsumerRecord<String, String>> rejected;
        try (Reader eventReader = new Reader(EVENTS); Reader rejectedReader = new Reader(REJECTED)) {
            send(Map.of("outage", PipelineCheck.command("getprop ro.product.model", List.of(phone))));
            events = eventReader.read(1, Duration.ofSeconds(30));
            rejected = rejectedReader.read(1, Duration.ofMillis(500));
        }

        assertThat(events).singleElement().satisfies(e -> assertThat(e.value()).contains(phone));
        assertThat(rejected).isEmpty();
        assertThat(simulator.journal().entries("asyncCommand")).filteredOn(call -> call.body().contains(phone)
                && call.status() == 503).hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void withoutBrokersItRunsItsDemoOnAnEmbeddedBrokerAndSimulator() throws Exception {
        TaskSummary demo = KafkaPipeline.run(new Main());

        assertThat(demo.complete()).isTrue();
        assertThat(demo.counts().keySet()).isSubsetOf("asyncCommand SUCCEEDED", "asyncCommand FAILED");
    }

    private static void send(Map<String, String> commands) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
            for (Map.Entry<String, String> command : commands.entrySet()) {
                producer.send(new ProducerRecord<>(COMMANDS, command.getKey(), command.getValue())).get();
            }
        }
    }

    /** A reader of what a topic receives from now on (its only partition, no consumer group). */
    private static final class Reader implements AutoCloseable {

        private final KafkaConsumer<String, String> consumer;

        Reader(String topic) {
            consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), new StringDeserializer());
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToEnd(List.of(partition));
            consumer.position(partition);
        }

        /** The records that arrive until {@code count} of them did, or the time is up. */
        List<ConsumerRecord<String, String>> read(int count, Duration timeout) {
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (records.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }

        @Override
        public void close() {
            consumer.close();
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), UTF_8);
    }
}
