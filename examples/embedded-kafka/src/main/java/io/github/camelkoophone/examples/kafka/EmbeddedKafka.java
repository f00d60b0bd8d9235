package io.github.camelkoophone.examples.kafka;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A one-node Kafka (broker and KRaft controller in one) inside this JVM, from Kafka's own test kit, with the given
 * topics created up front. For the examples' demo runs and tests only; a real deployment has a Kafka cluster.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private final KafkaClusterTestKit cluster;

    private EmbeddedKafka(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    public static EmbeddedKafka start(String... topics) throws Exception {
        KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                // consumers join at once instead of after the default 3 s
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("offsets.topic.num.partitions", "1")
                // the lowest session.timeout.ms a client may ask for (Kafka's floor is 6 s): how soon a killed
                // cluster node's tasks move in the cluster example
                .setConfigProp("group.min.session.timeout.ms", "1000")
                .build();
        try {
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            try (Admin admin = cluster.admin()) {
                admin.createTopics(Arrays.stream(topics).map(topic -> new NewTopic(topic, 1, (short) 1)).toList())
                        .all().get(30, TimeUnit.SECONDS);
            }
            return new EmbeddedKafka(cluster);
        } catch (Exception e) {
            cluster.close();
            throw e;
        }
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    /** An admin client of this broker; the caller closes it. */
    public Admin admin() {
        return cluster.admin();
    }

    @Override
    public String toString() {
        return "embedded Kafka at " + bootstrapServers();
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }
}
