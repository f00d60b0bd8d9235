package io.github.camelkoophone.kamelets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelkoophone.component.koophone.KooPhoneConstants;
import io.github.camelkoophone.kafka.KafkaBroker;
import io.github.camelkoophone.simulator.KooPhoneSimulator;
import io.github.camelkoophone.simulator.state.SimJob;
import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.main.Main;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * koophone-task-event-source with the cluster task log: a source in one process sees the tasks a sink started in
 * another. The broker and the simulator run in this JVM, and so does the sink node (Camel Main, the command-sink
 * pipe {@code cluster/commands.yaml}); the source node is Camel Main in a process of its own, loading the
 * task-event-source pipe {@code cluster/task-events.yaml}, which writes each event as a JSON file. Both nodes read
 * {@code cluster/node.properties}: the same KafkaTaskLog bean, named on the component.
 */
class ClusterTaskEventSourceTest {

    private static final String TOPIC = "kamelet-tasks";
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aSourceInOneProcessSeesTheTasksASinkStartedInAnother(@TempDir Path events) throws Exception {
        try (KafkaBroker broker = KafkaBroker.start();
             KooPhoneSimulator sim = KooPhoneSimulator.builder().port(0).instances(3).taskDuration(Duration.ofMillis(200))
                     .start()) {
            Map<String, String> cluster = Map.of("simulator.url", sim.url(), "kafka.bootstrap", broker.bootstrapServers(),
                    "kafka.topic", TOPIC);
            // started first: it joins the group while the sink node starts, in parallel on two cores
            Process source = startSourceNode(cluster, events);
            try {
                List<String> phones = sim.inventory().ids().subList(0, 2);
                String taskId = runCommandOnSinkNode(cluster, phones);
                List<SimJob> jobs = sim.tasks().get(taskId).orElseThrow().jobs();
                assertThat(jobs).extracting(SimJob::instanceId).containsExactlyInAnyOrderElementsOf(phones);

                await("the source node's events of task " + taskId).atMost(PATIENCE)
                        .failFast("the source node ended", () -> !source.isAlive())
                        .until(() -> eventFiles(events).size() >= jobs.size());
                // the tombstone is the source recording that it delivered every job: it follows the task no more, so no
                // event of it can come after this, and counting the files now counts them all
                await("the task log's tombstone of task " + taskId).atMost(PATIENCE)
                        .until(() -> isDone(broker.bootstrapServers(), taskId));
                stopGracefully(source);

                List<JsonNode> emitted = new ArrayList<>();
                for (Path file : eventFiles(events)) {
                    emitted.add(JSON.readTree(file.toFile()));
                }
                assertThat(emitted).as("the source node's events, one per job of the sink node's task")
                        .extracting(e -> e.path("job_id").asText() + "@" + e.path("instance_id").asText())
                        .containsExactlyInAnyOrderElementsOf(jobs.stream().map(j -> j.jobId() + "@" + j.instanceId()).toList());
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(e.getMessage() + "\nsource node output (tail):\n" + tail(sourceLog()), e);
            } finally {
                source.destroyForcibly();
            }
        }
    }

    /**
     * The sink node: Camel Main with the command-sink pipe. Sends one command to {@code phones}, checks that this node follows no tasks itself, and stops.
     */
    private static String runCommandOnSinkNode(Map<String, String> cluster, List<String> phones) throws Exception {
        Main sink = new Main();
        sink.configure().withRoutesIncludePattern("classpath:cluster/commands.yaml");
        sink.setPropertyPlaceholderLocations("classpath:cluster/node.properties");
        Properties settings = new Properties();
        settings.putAll(cluster);
        sink.setInitialProperties(settings);
        sink.start();
        try {
            Exchange sent = sink.getCamelContext().createProducerTemplate().send("direct:commands", e -> {
                e.getMessage().setBody("getprop ro.product.model");
                e.getMessage().setHeader(KooPhoneConstants.INSTANCE_IDS, String.join(",", phones));
            });
            assertThat(sent.getException()).isNull();
            // whatever the source emits comes from the shared log, not from a consumer of this node
            assertThat(sink.getCamelContext().getRoutes()).extracting(Route::getEndpoint)
                    .noneMatch(endpoint -> endpoint.getEndpointUri().startsWith("koophone://tasks"));
            return sent.getMessage().getHeader(KooPhoneConstants.TASK_ID, String.class);
        } finally {
            sink.stop();
        }
    }

    /** Camel Main in a JVM of its own on the test class path, as a user's node runs; its output in target/. */
    private static Process startSourceNode(Map<String, String> cluster, Path events) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "-Dlog4j2.configurationFile=cluster-node-log4j2.xml",
                "-Dcamel.main.routes-include-pattern=classpath:cluster/task-events.yaml", "-Devents.dir=" + events));
        cluster.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("org.apache.camel.main.Main", "-pl", "classpath:cluster/node.properties"));
        Files.createDirectories(sourceLog().getParent());
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(sourceLog().toFile()).start();
    }

    private static Path sourceLog() {
        return Path.of("target", "cluster-logs", "source-node.log");
    }

    /** SIGTERM: Camel Main's shutdown hook stops the routes, so whatever the source had in flight is written. */
    private static void stopGracefully(Process process) throws InterruptedException {
        process.destroy();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("the source node stopped").isTrue();
    }

    private static List<Path> eventFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json")).toList();
        }
    }

    /** Whether the task's latest record in the task log is a tombstone: every job of it was delivered. */
    private static boolean isDone(String bootstrapServers, String taskId) {
        try (KafkaConsumer<String, String> topic = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            List<TopicPartition> partitions = topic.partitionsFor(TOPIC).stream()
                    .map(p -> new TopicPartition(TOPIC, p.partition())).toList();
            topic.assign(partitions);
            topic.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = topic.endOffsets(partitions);
            boolean seen = false;
            boolean tombstone = false;
            while (partitions.stream().anyMatch(p -> topic.position(p) < ends.get(p))) {
                for (ConsumerRecord<String, String> record : topic.poll(Duration.ofMillis(200))) {
                    if (taskId.equals(record.key())) {
                        seen = true;
                        tombstone = record.value() == null;
                    }
                }
            }
            return seen && tombstone;
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }
}
