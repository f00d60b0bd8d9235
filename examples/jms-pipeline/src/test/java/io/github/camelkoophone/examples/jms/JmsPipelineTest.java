package io.github.camelkoophone.examples.jms;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelkoophone.examples.support.TaskSummary;
import io.github.camelkoophone.simulator.Fault;
import io.github.camelkoophone.simulator.KooPhoneSimulator;
import io.github.camelkoophone.simulator.SimJob;
import io.github.camelkoophone.simulator.SimTask;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pipeline's routes against an embedded Artemis broker and the simulator, driven from the outside with a plain
 * JMS client as another application would.
 */
class JmsPipelineTest {

    /** Not vm://0, where the demo run starts its own broker. */
    private static final String BROKER = "vm://1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static EmbeddedArtemis broker;
    private static KooPhoneSimulator simulator;
    private static Main pipeline;
    private static ActiveMQConnectionFactory client;
    private static JMSContext jms;

    @BeforeAll
    static void start() throws Exception {
        broker = EmbeddedArtemis.start(BROKER);
        simulator = KooPhoneSimulator.builder().port(0).instances(6).seed(7)
                .taskDuration(Duration.ofMillis(300)).taskFailureRate(0.3).start();
        pipeline = new Main();
        pipeline.addOverrideProperty(JmsPipeline.BROKER_URL, BROKER);
        pipeline.addOverrideProperty("camel.component.koophone.endpoint", simulator.url());
        pipeline.addOverrideProperty("camel.component.koophone.auth-token", simulator.staticToken());
        pipeline.addOverrideProperty("camel.component.koophone.retry-delay", "50");
        pipeline.start();
        client = new ActiveMQConnectionFactory(BROKER);
        jms = client.createContext();
    }

    @AfterAll
    static void stop() throws Exception {
        if (jms != null) {
            jms.close();
            client.close();
        }
        if (pipeline != null) {
            pipeline.stop();
        }
        if (simulator != null) {
            simulator.stop();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @BeforeEach
    void emptyTheOutputQueues() throws JMSException {
        receive("phone-task-events", Integer.MAX_VALUE, Duration.ZERO);
        receive("phone-commands-rejected", Integer.MAX_VALUE, Duration.ZERO);
    }

    @Test
    void everyJobOfEveryCommandComesBackAsOneEventWithTheSimulatorsOutcome() throws Exception {
        List<String> phones = simulator.inventory().ids();
        send("c1", command("getprop ro.product.model", phones.subList(0, 3)));
        send("c2", command("pm list packages", phones.subList(3, 6)));
        // a phone the cloud does not know: its job fails with CPS0005
        send("c3", command("whoami", List.of(phones.get(0), "nosuchphone")));

        List<Received> events = receive("phone-task-events", 8, Duration.ofSeconds(30));

        assertThat(events).hasSize(8);
        Set<String> jobs = new HashSet<>();
        for (Received event : events) {
            JsonNode job = JSON.readTree(event.body());
            String taskId = job.get("task_id").asText();
            assertThat(event.property("task_id")).isEqualTo(taskId);
            assertThat(event.property("JMSXGroupID")).isEqualTo(taskId);
            SimJob simulated = simulator.tasks().get(taskId).map(SimTask::jobs).orElseThrow().stream()
                    .filter(j -> j.jobId().equals(job.get("job_id").asText())).findFirst().orElseThrow();
            assertThat(job.get("instance_id").asText()).isEqualTo(simulated.instanceId());
            assertThat(job.get("status").asInt()).isEqualTo(simulated.status());
            assertThat(event.property("job_status")).isEqualTo(simulated.status() == SimJob.SUCCEEDED ? "SUCCEEDED" : "FAILED");
            jobs.add(taskId + "/" + simulated.instanceId());
        }
        assertThat(jobs).as("one event per job").hasSize(8);
        assertThat(events).filteredOn(e -> e.body().contains("nosuchphone"))
                .singleElement().satisfies(e -> assertThat(e.property("job_status")).isEqualTo("FAILED"));
    }

    @Test
    void aCommandThatIsInvalidOrRefusedGoesToTheRejectedQueueWithTheReason() throws Exception {
        String phone = simulator.inventory().ids().get(0);
        send("bad-json", "getprop ro.product.model");
        send("bad-command", command("reboot; rm -rf /data", List.of(phone)));
        simulator.faults().add(Fault.on("asyncCommand").businessError("KOOPHONE.API.4001", "instance busy").times(1));
        send("refused", command("whoami", List.of(phone)));

        List<Received> rejected = receive("phone-commands-rejected", 3, Duration.ofSeconds(30));

        Map<String, String> reasons = new HashMap<>();
        for (Received message : rejected) {
            reasons.put(message.property("command_id"), message.property("rejected_because"));
        }
        assertThat(reasons.keySet()).containsExactlyInAnyOrder("bad-json", "bad-command", "refused");
        assertThat(reasons.get("bad-json")).contains("body", "not valid JSON");
        assertThat(reasons.get("bad-command")).contains("command", "may contain only");
        assertThat(reasons.get("refused")).contains("KOOPHONE.API.4001");
        assertThat(simulator.journal().entries("asyncCommand")).as("the invalid ones never reached the API")
                .noneMatch(call -> call.body().contains("reboot"));
    }

    @Test
    void aCommandThatMeetsAnOutageIsDeliveredAgainNotLost() throws Exception {
        String phone = simulator.inventory().ids().get(5);
        // more 503s than one send's retries (3): the transaction rolls back and the broker delivers the command again
        simulator.faults().add(Fault.on("asyncCommand").httpStatus(503).times(5));
        send("outage", command("getprop ro.product.model", List.of(phone)));

        List<Received> events = receive("phone-task-events", 1, Duration.ofSeconds(30));

        assertThat(events).singleElement().satisfies(e -> assertThat(e.body()).contains(phone));
        assertThat(receive("phone-commands-rejected", 1, Duration.ofMillis(500))).isEmpty();
        assertThat(simulator.journal().entries("asyncCommand")).filteredOn(call -> call.body().contains(phone)
                && call.status() == 503).hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void withAnInVmBrokerUrlItRunsItsDemoOnAnEmbeddedBrokerAndSimulator() throws Exception {
        TaskSummary demo = JmsPipeline.run(new Main());

        assertThat(demo.complete()).isTrue();
        assertThat(demo.counts().keySet()).isSubsetOf("asyncCommand SUCCEEDED", "asyncCommand FAILED");
    }

    private static String command(String command, List<String> phones) throws Exception {
        return JSON.writeValueAsString(Map.of("command", command, "instance_ids", phones));
    }

    private static void send(String id, String command) throws Exception {
        Message message = jms.createTextMessage(command);
        message.setStringProperty("command_id", id);
        jms.createProducer().send(jms.createQueue("phone-commands"), message);
    }

    /** A message's text and string properties. */
    private record Received(String body, Map<String, String> properties) {

        static Received of(Message message) throws JMSException {
            Map<String, String> properties = new HashMap<>();
            for (String name : Collections.list((Enumeration<?>) message.getPropertyNames()).stream().map(String::valueOf).toList()) {
                properties.put(name, message.getStringProperty(name));
            }
            return new Received(message.getBody(String.class), properties);
        }

        String property(String name) {
            return properties.get(name);
        }
    }

    /** The messages that arrive on the queue until {@code count} of them did, or the time is up. */
    private static List<Received> receive(String queue, int count, Duration timeout) throws JMSException {
        List<Received> messages = new ArrayList<>();
        try (JMSConsumer consumer = jms.createConsumer(jms.createQueue(queue))) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (messages.size() < count) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                Message message = left > 0 ? consumer.receive(left) : consumer.receiveNoWait();
                if (message == null) {
                    break;
                }
                messages.add(Received.of(message));
            }
        }
        return messages;
    }
}
