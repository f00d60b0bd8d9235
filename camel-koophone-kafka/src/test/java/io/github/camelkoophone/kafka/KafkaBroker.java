package io.github.camelkoophone.kafka;

import java.io.IOException;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * One Kafka node (broker and KRaft controller in one) from Kafka's own test kit: in the test's JVM, or as a process
 * of its own ({@link #main}) that a test can freeze to play a broker outage.
 */
public final class KafkaBroker implements AutoCloseable {

    /** The line a broker process prints once it serves, followed by its bootstrap servers. */
    public static final String READY = "KAFKA ";

    private final KafkaClusterTestKit cluster;

    private KafkaBroker(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    public static KafkaBroker start() throws Exception {
        KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                // members join at once instead of after the default 3 s
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("offsets.topic.num.partitions", "1")
                // lets tests lower session.timeout.ms, how soon a killed node's partitions move
                .setConfigProp("group.min.session.timeout.ms", "1000")
                .build();
        try {
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            return new KafkaBroker(cluster);
        } catch (Exception e) {
            cluster.close();
            throw e;
        }
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }

    /** Serves until its standard input ends. */
    public static void main(String[] args) throws Exception {
        try (KafkaBroker broker = start()) {
            System.out.println(READY + broker.bootstrapServers());
            while (System.in.read() != -1) {
                // the test closes stdin (or kills this process) to stop the broker
            }
        } catch (IOException e) {
            // stdin closed
        }
        System.exit(0);
    }
}
