package io.github.camelkoophone.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.github.camelkoophone.component.cloud.tasks.TaskLog;
import io.github.camelkoophone.component.cloud.tasks.TaskRegistration;
import org.apache.camel.support.service.ServiceSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The task log of a cluster: a compacted Kafka topic keyed by task id, shared by every node.
 * <p>
 * Producers on any node append the tasks they start before their exchange completes. The task-following consumers
 * of all nodes form one consumer group per service ({@code groupId} for koophone:tasks, {@code groupId-cph} for
 * cph:jobs) and each follows the tasks of the partitions Kafka assigns it, going on from the progress their last
 * follower recorded; see {@code docs/cluster.md} for the guarantees and the topic's settings.
 * <p>
 * A bean, configured once and named on the component; with Camel Main:
 * {@code camel.beans.kafkaTaskLog = #class:...KafkaTaskLog}, {@code camel.beans.kafkaTaskLog.bootstrapServers = ...},
 * {@code camel.component.koophone.task-log = #kafkaTaskLog} (Spring Boot: a {@code @Bean}, see docs/spring-boot.md).
 * The component starts and stops it with the CamelContext. One node has one such bean, with at most one following
 * consumer per service.
 */
public class KafkaTaskLog extends ServiceSupport implements TaskLog {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaTaskLog.class);
    private static final long ADMIN_TIMEOUT_SECONDS = 30;
    /** segment.ms of a topic the log creates: the active segment is never compacted, so it is rolled often. */
    private static final long SEGMENT_MS = 3_600_000;

    private String bootstrapServers;
    private String topic = "koophone-tasks";
    private String groupId = "koophone-tasks";
    private Map<String, Object> properties = new HashMap<>();
    private int partitions = 12;

    private KafkaProducer<String, String> producer;
    private RecordWriter writer;
    private final Map<String, PartitionFollowing> followings = new ConcurrentHashMap<>();

    @Override
    protected void doStart() {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("KafkaTaskLog: bootstrapServers is required (host:port,...)");
        }
        ensureTopic();
        producer = new KafkaProducer<>(producerConfig());
        writer = new RecordWriter(producer);
    }

    @Override
    protected void doStop() {
        followings.values().forEach(PartitionFollowing::close);
        followings.clear();
        if (producer != null) {
            producer.close(Duration.ofSeconds(30));
            producer = null;
        }
    }

    @Override
    public void append(String service, TaskRegistration task) {
        running().register(TaskRecords.registered(topic, service, task.taskId(), task.state(System.currentTimeMillis())));
    }

    @Override
    public Following follow(String service, String consumer, Follower follower) {
        RecordWriter records = running();
        PartitionFollowing following = new PartitionFollowing(new KafkaConsumer<>(consumerConfig(groupOf(service))),
                records, topic, service, consumer, follower);
        if (followings.putIfAbsent(service, following) != null) {
            following.close();
            throw new IllegalStateException("KafkaTaskLog: a " + service + " consumer already follows tasks through this "
                                            + "log; a node has one task-following consumer per service");
        }
        following.start();
        return new Following() {
            @Override
            public void adopt(TaskRegistration task) {
                following.adopt(task);
            }

            @Override
            public void record(String taskId, String state) {
                following.record(taskId, state);
            }

            @Override
            public void done(String taskId) {
                following.done(taskId);
            }

            @Override
            public void close() {
                following.close();
                followings.remove(service, following);
            }
        };
    }

    /** The consumer group of a service's task-following consumers. */
    public String groupOf(String service) {
        return "koophone".equals(service) ? groupId : groupId + "-" + service;
    }

    private RecordWriter running() {
        RecordWriter current = writer;
        if (current == null || !(isStarted() || isStarting())) {
            throw new IllegalStateException("KafkaTaskLog is not started: name it on the component (taskLog) so the "
                                            + "CamelContext starts it, or call start()");
        }
        return current;
    }

    /** Creates the topic, compacted, when it does not exist; warns when an existing one is not compacted. */
    private void ensureTopic() {
        try (Admin admin = Admin.create(adminConfig())) {
            Set<String> names = admin.listTopics().names().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (!names.contains(topic)) {
                createTopic(admin);
                return;
            }
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            Config config = admin.describeConfigs(Set.of(resource)).all().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .get(resource);
            String policy = config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
            if (!policy.contains(TopicConfig.CLEANUP_POLICY_COMPACT)) {
                LOG.warn("The task log topic {} has cleanup.policy={}: without compaction a node reads its whole "
                         + "history on each assignment, and retention may delete tasks still running", topic, policy);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("KafkaTaskLog: interrupted while checking topic " + topic, e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("KafkaTaskLog: cannot check or create topic " + topic + " at "
                                            + bootstrapServers + ": " + e.getMessage(), e);
        }
    }

    private void createTopic(Admin admin) throws InterruptedException, ExecutionException,
            java.util.concurrent.TimeoutException {
        NewTopic spec = new NewTopic(topic, Optional.of(partitions), Optional.empty()).configs(Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                TopicConfig.SEGMENT_MS_CONFIG, Long.toString(SEGMENT_MS)));
        try {
            admin.createTopics(Set.of(spec)).all().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            LOG.info("Created the task log topic {} ({} partitions, compacted)", topic, partitions);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    private Map<String, Object> adminConfig() {
        Map<String, Object> config = new HashMap<>(properties);
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return config;
    }

    private Map<String, Object> producerConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.putAll(properties);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        // a registration acknowledged is one every in-sync replica has, written once and in order
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return config;
    }

    private Map<String, Object> consumerConfig(String group) {
        Map<String, Object> config = new HashMap<>();
        // only the partitions that change owner are revoked, and so rebuilt, on a rebalance
        config.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.putAll(properties);
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        // the topic is the state: every assignment reads its partitions from the beginning
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return config;
    }

    public String getBootstrapServers() {
        return bootstrapServers;
    }

    /** The Kafka cluster, host:port[,host:port...]. Required. */
    public void setBootstrapServers(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    public String getTopic() {
        return topic;
    }

    /** The compacted topic of tasks, created when absent. Default koophone-tasks. */
    public void setTopic(String topic) {
        this.topic = topic;
    }

    public String getGroupId() {
        return groupId;
    }

    /** The consumer group of koophone:tasks consumers; cph:jobs consumers use this with -cph appended. */
    public void setGroupId(String groupId) {
        this.groupId = groupId;
    }

    public Map<String, Object> getProperties() {
        return properties;
    }

    /**
     * Kafka client properties for the producer, the consumers and the admin client alike, e.g. security settings or
     * session.timeout.ms (how soon a dead node's tasks move). The log's own guarantees are not overridable: acks=all,
     * idempotence, no offset commits, and the serializers.
     */
    public void setProperties(Map<String, Object> properties) {
        this.properties = new HashMap<>(properties);
    }

    public int getPartitions() {
        return partitions;
    }

    /** Partitions of the topic when the log creates it: the most nodes that share the work. Default 12. */
    public void setPartitions(int partitions) {
        this.partitions = partitions;
    }
}
