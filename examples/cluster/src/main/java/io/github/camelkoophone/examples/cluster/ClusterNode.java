package io.github.camelkoophone.examples.cluster;

import org.apache.camel.main.Main;

/**
 * One node: a plain Camel Main application, configured by {@code application.properties} (the koophone component
 * with a {@code KafkaTaskLog}) and running {@code routes/cluster-node.yaml}. It runs until stopped (SIGTERM, Ctrl+C).
 * A real deployment runs one on each host; {@link ClusterDemo} runs three on this machine.
 */
public final class ClusterNode {

    private ClusterNode() {
    }

    public static void main(String[] args) throws Exception {
        new Main(ClusterNode.class).run(args);
    }
}
