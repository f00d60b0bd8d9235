package io.github.camelkoophone.examples.jms;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.github.camelkoophone.examples.support.PipelineCheck;
import io.github.camelkoophone.examples.support.TaskSummary;
import io.github.camelkoophone.simulator.KooPhoneSimulator;
import io.github.camelkoophone.simulator.faults.Fault;
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

    private static EmbeddedArtemis broker;
    private static PipelineCheck.Running pipeline;
    private static KooPhoneSimulator simulator;
    private static ActiveMQConnectionFactory client;
    private static JMSContext jms;

    @BeforeAll
    static void start() throws Exception {
        broker = EmbeddedArtemis.start(BROKER);
        pipeline = PipelineCheck.start(JmsPipeline.BROKER_URL, BROKER);
        simulator = pipeline.simulator();
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
            pipeline.close();
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
        for (Map.Entry<String, String> command : PipelineCheck.commands(simulator.inventory().ids()).entrySet()) {
            send(command.getKey(), command.getValue());
        }

        List<Received> events = receive("phone-task-events", PipelineCheck.JOBS, Duration.ofSeconds(30));

        // the task_id property and the message group carry the task id, the job_status property the outcome
        assertThat(PipelineCheck.mismatches(simulator, events.stream().map(e -> new PipelineCheck.Event(e.body(),
                e.property("job_status"), Arrays.asList(e.property("task_id"), e.property("JMSXGroupID")))).toList())).isEmpty();
    }

    @Test
    void aCommandThatIsInvalidOrRefusedGoesToTheRejectedQueueWithTheReason() throws Exception {
        String phone = simulator.inventory().ids().get(0);
        PipelineCheck.invalidCommands(phone).forEach(JmsPipelineTest::send);
        PipelineCheck.refuseTheNextCommand(simulator);
        send("refused", PipelineCheck.command("whoami", List.of(phone)));

        List<Received> rejected = receive("phone-commands-rejected", 3, Duration.ofSeconds(30));

        // the rejected message keeps the command's properties, the reason is one more
        assertThat(PipelineCheck.rejectionMismatches(simulator, rejected.stream()
                .collect(Collectors.toMap(r -> r.property("command_id"), r -> r.property("rejected_because"))))).isEmpty();
    }

    @Test
    void aCommandThatMeetsAnOutageIsDeliveredAgainNotLost() throws Exception {
        String phone = simulator.inventory().ids().get(5);
        // more 503s than one send's retries (3): the transaction rolls back and the broker delivers the command again
        simulator.faults().add(Fault.on("asyncCommand").httpStatus(503).times(5));
        send("outage", PipelineCheck.command("getprop ro.product.model", List.of(phone)));

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

    private static void send(String id, String command) {
        try {
            Message message = jms.createTextMessage(command);
            message.setStringProperty("command_id", id);
            jms.createProducer().send(jms.createQueue("phone-commands"), message);
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
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
