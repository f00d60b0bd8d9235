package io.github.camelkoophone.examples.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelkoophone.examples.support.TaskSummary;
import io.github.camelkoophone.simulator.Fault;
import io.github.camelkoophone.simulator.KooPhoneSimulator;
import io.github.camelkoophone.simulator.SimJob;
import io.github.camelkoophone.simulator.SimTask;
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
    private static final ObjectMapper JSON = new ObjectMapper();

    private static EmbeddedKafka kafka;
    private static KooPhoneSimulator simulator;
    private static Main pipeline;

    @BeforeAll
    static void start() throws Exception {
        kafka = EmbeddedKafka.start(COMMANDS, EVENTS, REJECTED);
        simulator = KooPhoneSimulator.builder().port(0).instances(6).seed(7)
                .taskDuration(Duration.ofMillis(300)).taskFailureRate(0.3).start();
        pipeline = new Main();
        pipeline.addOverrideProperty(KafkaPipeline.BROKERS, kafka.bootstrapServers());
        pipeline.addOverrideProperty("camel.component.koophone.endpoint", simulator.url());
        pipeline.addOverrideProperty("camel.component.koophone.auth-token", simulator.staticToken());
        pipeline.addOverrideProperty("camel.component.koophone.retry-delay", "50");
        pipeline.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (pipeline != null) {
            pipeline.stop();
        }
        if (simulator != null) {
            simulator.stop();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void everyJobOfEveryCommandComesBackAsOneEventWithTheSimulatorsOutcome() throws Exception {
        List<String> phones = simulator.inventory().ids();
        Map<String, String> commands = Map.of(
                "c1", command("getprop ro.product.model", phones.subList(0, 3)),
                "c2", command("pm list packages", phones.subList(3, 6)),
                // a phone the cloud does not know: its job fails with CPS0005
                "c3", command("whoami", List.of(phones.get(0), "nosuchphone")));
        List<ConsumerRecord<String, String>> events;
        try (Reader reader = new Reader(EVENTS)) {
            send(commands);
            events = reader.read(8, Duration.ofSeconds(30));
        }

        assertThat(events).hasSize(8);
        Set<String> jobs = new HashSet<>();
        for (ConsumerRecord<String, String> event : events) {
            JsonNode job = JSON.readTree(event.value());
            String taskId = job.get("task_id").asText();
            assertThat(event.key()).isEqualTo(taskId);
            assertThat(header(event, "task_id")).isEqualTo(taskId);
            SimJob simulated = simulator.tasks().get(taskId).map(SimTask::jobs).orElseThrow().stream()
                    .filter(j -> j.jobId().equals(job.get("job_id").asText())).findFirst().orElseThrow();
            assertThat(job.get("instance_id").asText()).isEqualTo(simulated.instanceId());
            assertThat(job.get("status").asInt()).isEqualTo(simulated.status());
            assertThat(header(event, "job_status")).isEqualTo(simulated.status() == SimJob.SUCCEEDED ? "SUCCEEDED" : "FAILED");
            jobs.add(taskId + "/" + simulated.instanceId());
        }
        assertThat(jobs).as("one event per job").hasSize(8);
        assertThat(events).filteredOn(e -> e.value().contains("nosuchphone"))
                .singleElement().satisfies(e -> assertThat(header(e, "job_status")).isEqualTo("FAILED"));
        assertThat(events.stream().map(ConsumerRecord::key).distinct()).as("one task per command").hasSize(3);
    }

    @Test
    void aCommandThatIsInvalidOrRefusedGoesToTheRejectedTopicWithTheReason() throws Exception {
        String phone = simulator.inventory().ids().get(0);
        List<ConsumerRecord<String, String>> rejected;
        try (Reader reader = new Reader(REJECTED)) {
            send(Map.of("bad-json", "getprop ro.product.model",
                    "bad-command", command("reboot; rm -rf /data", List.of(phone))));
            simulator.faults().add(Fault.on("asyncCommand").businessError("KOOPHONE.API.4001", "instance busy").times(1));
            send(Map.of("refused", command("whoami", List.of(phone))));
            rejected = reader.read(3, Duration.ofSeconds(30));
        }

        assertThat(rejected).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("bad-json", "bad-command", "refused");
        Map<String, String> reasons = rejected.stream().collect(Collectors.toMap(ConsumerRecord::key, r -> header(r, "rejected_because")));
        assertThat(reasons.get("bad-json")).contains("body", "not valid JSON");
        assertThat(reasons.get("bad-command")).contains("command", "may contain only");
        assertThat(reasons.get("refused")).contains("KOOPHONE.API.4001");
        assertThat(simulator.journal().entries("asyncCommand")).as("the invalid ones never reached the API")
                .noneMatch(call -> call.body().contains("reboot"));
    }

    @Test
    void aCommandThatMeetsAnOutageIsTriedAgainNotLost() throws Exception {
        String phone = simulator.inventory().ids().get(5);
        // more 503s than one send's retries (3): the first attempt fails, the command is consumed again
        simulator.faults().add(Fault.on("asyncCommand").httpStatus(503).times(5));
        List<ConsumerRecord<String, String>> events;
        List<ConsumerRecord<String, String>> rejected;
        try (Reader eventReader = new Reader(EVENTS); Reader rejectedReader = new Reader(REJECTED)) {
            send(Map.of("outage", command("getprop ro.product.model", List.of(phone))));
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

    private static String command(String command, List<String> phones) throws Exception {
        return JSON.writeValueAsString(Map.of("command", command, "instance_ids", phones));
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
