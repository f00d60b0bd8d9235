package io.github.camelkoophone.examples.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.github.camelkoophone.examples.kafka.EmbeddedKafka;
import io.github.camelkoophone.simulator.KooPhoneSimulator;
import io.github.camelkoophone.simulator.state.SimTask;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The cluster demo on one machine: an embedded Kafka broker and an embedded KooPhone simulator in this JVM, and three
 * {@link ClusterNode} processes sharing a {@code KafkaTaskLog} on that broker. Each node starts its tasks at start-up;
 * this launcher then moves the simulator's clock on (tasks of 1-30 s end within seconds), optionally kills a node
 * with kill -9 mid-run ({@code -Dcluster.kill=node-2}), waits until every job of every task the simulator started
 * was delivered by some node, stops the nodes and prints a summary. Nothing of this is needed in a real deployment,
 * where each host runs a {@link ClusterNode}.
 */
public final class ClusterDemo {

    static final List<String> NODES = List.of("node-1", "node-2", "node-3");
    static final int PHONES = 20;
    /** The task log's topic and consumer group: KafkaTaskLog's defaults, which application.properties keeps. */
    static final String TOPIC = "koophone-tasks";
    static final String GROUP = "koophone-tasks";

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(60);
    /** Simulated time added each tick: 1-30 s tasks end within about 8 s. */
    private static final Duration CLOCK_STEP = Duration.ofSeconds(1);
    private static final long TICK_MILLIS = 250;

    private ClusterDemo() {
    }

    public static void main(String[] args) throws Exception {
        String kill = System.getProperty("cluster.kill", args.length > 0 ? args[0] : null);
        ClusterSummary summary = run(kill == null || kill.isBlank() ? null : kill.trim());
        System.out.println(summary.report());
        System.exit(summary.complete() ? 0 : 1);
    }

    /**
     * Runs the demo to its end.
     *
     * @param kill the node to kill with kill -9 once a third of the events were delivered, or null
     */
    public static ClusterSummary run(String kill) throws Exception {
        if (kill != null && !NODES.contains(kill)) {
            throw new IllegalArgumentException("cluster.kill must name one of " + NODES + ", not " + kill);
        }
        long begun = System.nanoTime();
        Observed seen = new Observed();
        say("starting an embedded Kafka broker and a simulator with " + PHONES + " phones");
        try (EmbeddedKafka kafka = EmbeddedKafka.start();
             KooPhoneSimulator sim = KooPhoneSimulator.builder().port(0).instances(PHONES).seed(2026)
                     .taskDuration(Duration.ofSeconds(1)).taskDurationMax(Duration.ofSeconds(30)).taskFailureRate(0.1)
                     .start()) {
            String target = kafka + ", KooPhone calls to the embedded simulator at " + sim.url();
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put("cluster.kafka-brokers", kafka.bootstrapServers());
            properties.put("cluster.koophone-endpoint", sim.url());
            properties.put("cluster.koophone-token", sim.staticToken());
            properties.put("cluster.instances", String.join(",", sim.inventory().ids()));
            say("starting " + NODES + " with " + properties);
            List<NodeProcess> nodes = new ArrayList<>();
            try {
                for (String name : NODES) {
                    nodes.add(NodeProcess.start(name, properties, seen::line));
                }
                awaitStarts(nodes, seen);

                Set<String> expected = new HashSet<>();
                for (SimTask task : sim.tasks().all()) {
                    task.jobs().forEach(job -> expected.add(task.taskId() + "/" + job.jobId()));
                }
                say(seen.startedBy.size() + " tasks started with " + expected.size() + " jobs; moving the simulator's "
                    + "clock on by " + CLOCK_STEP.toSeconds() + " s every " + TICK_MILLIS + " ms");

                long clockStarted = System.nanoTime();
                Kill killed = null;
                while (!seen.deliveredAll(expected) && System.nanoTime() - clockStarted < DRAIN_TIMEOUT.toNanos()) {
                    sim.clock().advance(CLOCK_STEP);
                    Thread.sleep(TICK_MILLIS);
                    if (kill != null && killed == null && seen.distinctDelivered() >= expected.size() / 3) {
                        killed = kill(nodes.get(NODES.indexOf(kill)), kafka, seen, expected);
                    }
                }
                double drain = (System.nanoTime() - clockStarted) / 1e9;
                say(seen.deliveredAll(expected) ? "every job event delivered; waiting 2 s for repeats"
                        : "gave up waiting after " + DRAIN_TIMEOUT.toSeconds() + " s");
                Thread.sleep(2_000);
                stop(nodes);
                return seen.summary(expected, killed, drain, (System.nanoTime() - begun) / 1e9, target);
            } finally {
                for (NodeProcess node : nodes) {
                    if (node.isAlive()) {
                        node.kill();
                    }
                }
            }
        }
    }

    /** Waits until each node's producer has started all its tasks. */
    private static void awaitStarts(List<NodeProcess> nodes, Observed seen) throws InterruptedException {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (!seen.doneStarting.containsAll(NODES)) {
            for (NodeProcess node : nodes) {
                if (!node.isAlive()) {
                    throw new IllegalStateException(node.name() + " ended before it had started its tasks: see its output");
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the nodes did not start their tasks within " + STARTUP_TIMEOUT.toSeconds()
                                                + " s; done: " + seen.doneStarting);
            }
            Thread.sleep(100);
        }
    }

    /** The kill and what the victim owned at that moment: its partitions (from the group) and their tasks. */
    private record Kill(String node, long at, List<Integer> partitions, Set<String> tasks, int deliveredBefore,
                        Set<String> pendingEvents) {
    }

    private static Kill kill(NodeProcess victim, EmbeddedKafka kafka, Observed seen, Set<String> expected)
            throws Exception {
        List<Integer> partitions = assignedPartitions(kafka, victim.name());
        Map<String, Integer> partitionOfTask = partitionsOfTasks(kafka.bootstrapServers());
        long at = System.nanoTime();
        victim.kill();
        Set<String> delivered = seen.deliveredEvents();
        Set<String> tasks = partitionOfTask.entrySet().stream().filter(e -> partitions.contains(e.getValue()))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        Set<String> pending = expected.stream().filter(event -> tasks.contains(taskOf(event)))
                .filter(event -> !delivered.contains(event)).collect(Collectors.toSet());
        say("killed " + victim.name() + " (kill -9) after " + delivered.size() + " of " + expected.size()
            + " events; it followed partitions " + partitions + ", whose tasks owe " + pending.size() + " more");
        return new Kill(victim.name(), at, partitions, tasks, delivered.size(), pending);
    }

    /** The task log partitions the group has assigned to the node's consumer (client.id is the node's name). */
    private static List<Integer> assignedPartitions(EmbeddedKafka kafka, String node) throws Exception {
        try (Admin admin = kafka.admin()) {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(GROUP)).describedGroups().get(GROUP)
                    .get(10, TimeUnit.SECONDS);
            return group.members().stream().filter(member -> node.equals(member.clientId()))
                    .map(MemberDescription::assignment)
                    .flatMap(assignment -> assignment.topicPartitions().stream())
                    .map(TopicPartition::partition).sorted().toList();
        }
    }

    /** The partition of each task in the task log, read from the topic (its records are keyed by task id). */
    private static Map<String, Integer> partitionsOfTasks(String bootstrapServers) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        Map<String, Integer> partitions = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> all = consumer.partitionsFor(TOPIC).stream()
                    .map(info -> new TopicPartition(TOPIC, info.partition())).toList();
            consumer.assign(all);
            consumer.seekToBeginning(all);
            Map<TopicPartition, Long> ends = consumer.endOffsets(all);
            while (all.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    partitions.put(record.key(), record.partition());
                }
            }
        }
        return partitions;
    }

    /** Stops the nodes still running, gracefully (SIGTERM), all at once. */
    private static void stop(List<NodeProcess> nodes) throws InterruptedException {
        List<NodeProcess> running = nodes.stream().filter(NodeProcess::isAlive).toList();
        say("stopping " + running.stream().map(NodeProcess::name).toList());
        running.forEach(NodeProcess::stop);
        for (NodeProcess node : running) {
            int exit = node.awaitExit(30);
            say(node.name() + " stopped (exit code " + exit
                + (exit == 143 ? ": SIGTERM, after Camel's graceful shutdown" : "") + ")");
        }
    }

    static String taskOf(String eventId) {
        int slash = eventId.indexOf('/');
        return slash < 0 ? eventId : eventId.substring(0, slash);
    }

    private static void say(String message) {
        System.out.println("demo: " + message);
    }

    /** The nodes' session.timeout.ms, as application.properties sets it. */
    static String sessionTimeout() {
        Properties properties = new Properties();
        try (InputStream in = ClusterDemo.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("camel.beans.kafkaTaskLog.properties[session.timeout.ms]", "45000 (Kafka's default)");
    }

    /** What the nodes print that the summary counts: "node-N started task ID ..." and "node-N delivered EVENT STATUS". */
    private static final class Observed {

        record Delivery(String node, String eventId, String status, long at) {
        }

        final Map<String, String> startedBy = new ConcurrentHashMap<>();
        final Set<String> doneStarting = ConcurrentHashMap.newKeySet();
        final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
        private final Set<String> distinct = ConcurrentHashMap.newKeySet();

        void line(String node, String line) {
            String started = node + " started task ";
            String delivered = node + " delivered ";
            int at;
            if ((at = line.indexOf(started)) >= 0) {
                startedBy.put(line.substring(at + started.length()).split(" ")[0], node);
            } else if ((at = line.indexOf(delivered)) >= 0) {
                String[] event = line.substring(at + delivered.length()).split(" ");
                deliveries.add(new Delivery(node, event[0], event.length > 1 ? event[1] : "?", System.nanoTime()));
                distinct.add(event[0]);
            } else if (line.endsWith(node + " started all its tasks")) {
                doneStarting.add(node);
            }
        }

        int distinctDelivered() {
            return distinct.size();
        }

        Set<String> deliveredEvents() {
            return Set.copyOf(distinct);
        }

        boolean deliveredAll(Set<String> expected) {
            return distinct.containsAll(expected);
        }

        ClusterSummary summary(Set<String> expected, Kill kill, double drain, double total, String target) {
            Map<String, Integer> tasks = new LinkedHashMap<>();
            Map<String, Integer> events = new LinkedHashMap<>();
            for (String node : NODES) {
                tasks.put(node, (int) startedBy.values().stream().filter(node::equals).count());
                events.put(node, (int) deliveries.stream().filter(d -> d.node().equals(node)).count());
            }
            Set<String> missing = new HashSet<>(expected);
            missing.removeAll(distinct);
            Map<String, Integer> statuses = deliveries.stream().collect(Collectors.groupingBy(Delivery::status,
                    TreeMap::new, Collectors.summingInt(d -> 1)));
            ClusterSummary.Failover failover = null;
            if (kill != null) {
                // the victim's last lines, still in the pipe at the kill, are read after it: not a takeover
                List<Delivery> takeover = deliveries.stream().filter(d -> d.at() > kill.at())
                        .filter(d -> !d.node().equals(kill.node()))
                        .filter(d -> kill.tasks().contains(taskOf(d.eventId()))).toList();
                double flowAgain = takeover.stream().mapToLong(Delivery::at).min().orElse(kill.at()) - kill.at();
                failover = new ClusterSummary.Failover(kill.node(), kill.partitions(), kill.deliveredBefore(),
                        kill.pendingEvents().size(), byNode(takeover), flowAgain / 1e9, sessionTimeout(),
                        byNode(deliveries.stream().filter(d -> kill.node().equals(startedBy.get(taskOf(d.eventId()))))
                                .toList()));
            }
            return new ClusterSummary(NODES, tasks, events, expected.size(), statuses, missing.size(),
                    deliveries.size() - distinct.size(), failover, drain, total, target);
        }

        private static Map<String, Integer> byNode(List<Delivery> deliveries) {
            return deliveries.stream().collect(Collectors.groupingBy(Delivery::node, TreeMap::new,
                    Collectors.summingInt(d -> 1)));
        }
    }
}
