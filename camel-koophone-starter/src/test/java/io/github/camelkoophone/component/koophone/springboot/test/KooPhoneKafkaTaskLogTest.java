package io.github.camelkoophone.component.koophone.springboot.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelkoophone.component.cloud.tasks.TrackedTasksConsumer;
import io.github.camelkoophone.component.koophone.KooPhoneComponent;
import io.github.camelkoophone.component.koophone.KooPhoneConstants;
import io.github.camelkoophone.kafka.KafkaTaskLog;
import io.github.camelkoophone.simulator.KooPhoneSimulator;
import io.github.camelkoophone.simulator.state.SimJob;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.Route;
import org.apache.camel.builder.RouteBuilder;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Cluster mode in a Spring Boot application, one node: a {@link KafkaTaskLog} bean defined as an application would
 * (a {@code @Bean} bound to {@code koophone.kafka.*}: camel-spring-boot does not read Camel Main's
 * {@code camel.beans.*}) and named on the component with {@code camel.component.koophone.task-log=#kafkaTaskLog}.
 * The tasks asyncCommand starts are appended to the topic, and the {@code koophone:tasks} consumer, the only member
 * of the group, delivers each of their job events once. The broker is a one-node KRaft cluster from Kafka's test
 * kit, in this JVM.
 */
@SpringBootTest(classes = KooPhoneKafkaTaskLogTest.App.class, properties = {
        "camel.component.koophone.task-log=#kafkaTaskLog",
        "koophone.kafka.partitions=3",
        "koophone.kafka.properties[session.timeout.ms]=10000",
        "camel.component.koophone.max-retries=1",
        "camel.component.koophone.retry-delay=50ms" })
@DirtiesContext
class KooPhoneKafkaTaskLogTest {

    /** Started before the application context, stopped with it (a bean below), after Camel. */
    static final KafkaClusterTestKit KAFKA = startKafka();
    /** Tasks end only when the test moves the simulator's clock. */
    static final KooPhoneSimulator SIM = KooPhoneSimulator.builder().port(0).taskDuration(Duration.ofMinutes(1))
            .start();
    static final List<Exchange> EVENTS = new CopyOnWriteArrayList<>();

    /** The application's own configuration of cluster mode: what docs/spring-boot.md shows. */
    @Configuration(proxyBeanMethods = false)
    static class ClusterConfig {

        /** bootstrap-servers, topic, group-id, partitions and properties.* from koophone.kafka.* */
        @Bean
        @ConfigurationProperties("koophone.kafka")
        KafkaTaskLog kafkaTaskLog() {
            return new KafkaTaskLog();
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(ClusterConfig.class)
    static class App {

        @Bean
        KafkaClusterTestKit kafkaBroker() {
            return KAFKA;
        }

        @Bean
        KooPhoneSimulator simulator() {
            return SIM;
        }

        @Bean
        RouteBuilder taskEvents() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("koophone:tasks?delay=100&initialDelay=0").routeId("task-events")
                            .process(exchange -> EVENTS.add(exchange.copy()));
                }
            };
        }
    }

    @DynamicPropertySource
    static void koophone(DynamicPropertyRegistry registry) {
        registry.add("koophone.kafka.bootstrap-servers", KAFKA::bootstrapServers);
        registry.add("camel.component.koophone.endpoint", SIM::url);
        registry.add("camel.component.koophone.iam-endpoint", SIM::url);
        registry.add("camel.component.koophone.auth-token", SIM::staticToken);
    }

    @Autowired
    CamelContext camelContext;
    @Autowired
    ProducerTemplate template;
    @Autowired
    KafkaTaskLog kafkaTaskLog;

    @Test
    void theTasksGoThroughTheKafkaTaskLogAndEachJobEventArrivesOnce() throws Exception {
        assertThat(camelContext.getComponent("koophone", KooPhoneComponent.class).getConfiguration().getTaskLog())
                .isSameAs(kafkaTaskLog);
        assertThat(kafkaTaskLog.isStarted()).as("started with the CamelContext").isTrue();
        assertThat(kafkaTaskLog.getBootstrapServers()).isEqualTo(KAFKA.bootstrapServers());
        assertThat(kafkaTaskLog.getPartitions()).isEqualTo(3);
        assertThat(kafkaTaskLog.getProperties()).containsEntry("session.timeout.ms", "10000");

        List<String> phones = SIM.inventory().ids();
        List<String> taskIds = new ArrayList<>();
        for (List<String> instances : List.of(phones.subList(0, 2), phones.subList(2, 3), phones.subList(3, 5))) {
            Exchange reply = template.request("koophone:asyncCommand?command=ls /system", exchange -> exchange
                    .getMessage().setHeader(KooPhoneConstants.INSTANCE_IDS, String.join(",", instances)));
            assertThat(reply.getException()).isNull();
            taskIds.add(reply.getMessage().getHeader(KooPhoneConstants.TASK_ID, String.class));
        }
        assertThat(taskIds).doesNotContainNull().doesNotHaveDuplicates();

        // appended before the exchanges completed: one record per task, keyed by its id
        assertThat(taskKeysInTheTopic(kafkaTaskLog.getTopic(), taskIds.size())).containsAll(taskIds);

        Set<String> expected = new HashSet<>();
        for (String taskId : taskIds) {
            for (SimJob job : SIM.tasks().get(taskId).orElseThrow().jobs()) {
                expected.add(taskId + "/" + job.jobId());
            }
        }
        assertThat(expected).hasSize(5);
        assertThat(EVENTS).as("the tasks are still running").isEmpty();

        SIM.clock().advance(Duration.ofMinutes(5));
        await().atMost(Duration.ofSeconds(30)).until(() -> EVENTS.size() >= expected.size());
        // once the consumer follows none of the tasks, nothing more can be delivered for them: then count
        await().atMost(Duration.ofSeconds(30)).until(() -> camelContext.getRoutes().stream().map(Route::getConsumer)
                .filter(TrackedTasksConsumer.class::isInstance)
                .mapToInt(consumer -> ((TrackedTasksConsumer<?>) consumer).getPendingTasks()).sum() == 0);
        assertThat(EVENTS).extracting(e -> e.getMessage().getHeader(KooPhoneConstants.EVENT_ID, String.class))
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(EVENTS).allSatisfy(event -> {
            assertThat(event.getMessage().getHeader(KooPhoneConstants.EVENT_ID)).isEqualTo(
                    event.getMessage().getHeader(KooPhoneConstants.TASK_ID) + "/"
                    + event.getMessage().getHeader(KooPhoneConstants.JOB_ID));
            assertThat(event.getMessage().getHeader(KooPhoneConstants.JOB_STATUS)).isEqualTo("SUCCEEDED");
        });
    }

    /** The keys of the topic's records, read from the beginning by a plain consumer of no group. */
    private static Set<String> taskKeysInTheTopic(String topic, int atLeast) {
        Set<String> keys = new HashSet<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(Duration.ofSeconds(15)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    keys.add(record.key());
                }
                return keys.size() >= atLeast;
            });
        }
        return keys;
    }

    /** One node, broker and KRaft controller in one, as camel-koophone-kafka's tests start it. */
    private static KafkaClusterTestKit startKafka() {
        try {
            KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                    // the consumer joins its group at once instead of after the default 3 s
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("offsets.topic.num.partitions", "1")
                    .build();
            try {
                cluster.format();
                cluster.startup();
                cluster.waitForReadyBrokers();
                return cluster;
            } catch (Exception e) {
                cluster.close();
                throw e;
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the Kafka broker of the test", e);
        }
    }
}
