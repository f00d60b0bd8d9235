package io.github.camelkoophone.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelkoophone.component.cloud.tasks.TaskLog;
import io.github.camelkoophone.component.cloud.tasks.TaskRegistration;
import io.github.camelkoophone.kafka.KafkaBroker;
import io.github.camelkoophone.kafka.KafkaTaskLog;
import io.github.camelkoophone.kafka.cluster.Cluster;
import io.github.camelkoophone.kafka.cluster.JavaProcess;
import io.github.camelkoophone.kafka.cluster.SimulatorProcess;
import io.github.camelkoophone.simulator.KooPhoneSimulator;

/**
 * The cluster mode ({@code camel-koophone-kafka}): how long a node takes to rebuild the tasks of the partitions it is
 * assigned (10,000 and 100,000 tasks), how long after a node is killed its partitions are followed again, and how
 * the GetTask calls are shared when 1, 2 or 3 nodes follow the same tasks. The broker and the simulator run as
 * processes of their own, as do the nodes, with the cluster tests' harness.
 */
final class ClusterBenchmark {

    static final String SUITE = "cluster";
    static final int PARTITIONS = 12;
    static final long POLL_DELAY_MS = 2_000; // koophone:tasks' default delay
    static final int[] SESSION_TIMEOUTS_MS = {3_000, 10_000};

    private final Settings settings;
    private final int[] rebuildSizes;
    private final int rebuildRuns;
    private final int rateTasks;
    private final Duration rateWindow;
    private final int failoverRuns;

    ClusterBenchmark(Settings settings) {
        this.settings = settings;
        boolean quick = settings.quick();
        this.rebuildSizes = quick ? new int[] {1, 2_000} : new int[] {1, 10_000, 100_000};
        this.rebuildRuns = quick ? 1 : 3;
        this.rateTasks = quick ? 300 : 1_000;
        this.rateWindow = quick ? Duration.ofSeconds(8) : Duration.ofSeconds(20);
        this.failoverRuns = quick ? 1 : 3;
    }

    record Rebuild(int tasks, long records, List<Double> millis) {
    }

    record Rate(int nodes, Map<String, Double> perNode, double total) {
    }

    record Failover(int sessionTimeoutMs, List<Double> seconds) {
    }

    void run() throws Exception {
        long started = System.nanoTime();
        double loadBefore = Machine.loadAverage();
        Instant date = Instant.now();

        List<Rebuild> rebuilds = new ArrayList<>();
        try (KafkaBroker broker = KafkaBroker.start()) {
            rebuild(broker.bootstrapServers(), 1_000); // warm-up: class loading and JIT of the first group join
            for (int size : rebuildSizes) {
                rebuilds.add(rebuild(broker.bootstrapServers(), size));
                System.out.println("rebuild " + rebuilds.get(rebuilds.size() - 1));
            }
        }

        List<String> keys = List.of("NODEKEY0000000000001", "NODEKEY0000000000002", "NODEKEY0000000000003");
        List<String> simOptions = new ArrayList<>(List.of("--instances", "200", "--task-duration", "1h",
                "--no-busy-check"));
        keys.forEach(key -> simOptions.addAll(List.of("--ak", key + ":" + secret(key))));
        List<Rate> rates = new ArrayList<>();
        List<Failover> failovers = new ArrayList<>();
        try (Cluster cluster = Cluster.start(SimulatorProcess.start(simOptions))) {
            for (int nodes = 1; nodes <= 3; nodes++) {
                rates.add(rate(cluster, keys.subList(0, nodes)));
                System.out.println("rate " + rates.get(rates.size() - 1));
            }
            for (int timeout : SESSION_TIMEOUTS_MS) {
                failovers.add(failover(cluster, timeout));
                System.out.println("failover " + failovers.get(failovers.size() - 1));
            }
        }
        double minutes = (System.nanoTime() - started) / 60e9;
        Report.writeSection(settings.out(), SUITE, markdown(date, minutes, loadBefore, Machine.loadAverage(), rebuilds,
                rates, failovers));
    }

    private static String secret(String key) {
        return key.toLowerCase(Locale.ROOT) + "-secret";
    }

    // ------------------------------------------------------------------ rebuild

    /**
     * {@code size} tasks appended (half of them twice, as a task with progress recorded before compaction), then a
     * fresh group member follows the topic: the time from follow() until every task was handed to it.
     */
    private Rebuild rebuild(String bootstrap, int size) throws Exception {
        String topic = "rebuild-" + size + "-" + System.nanoTime();
        KafkaTaskLog writer = log(bootstrap, topic, topic);
        writer.start();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> appends = new ArrayList<>();
            for (int thread = 0; thread < 8; thread++) {
                int first = thread;
                appends.add(pool.submit(() -> {
                    for (int i = first; i < size; i += 8) {
                        writer.append("koophone", task(i));
                        if (i % 2 == 0) {
                            writer.append("koophone", task(i));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> append : appends) {
                append.get();
            }
        } finally {
            pool.shutdown();
            writer.stop();
        }
        long records = size + (size + 1) / 2;
        List<Double> millis = new ArrayList<>();
        for (int run = 0; run < rebuildRuns; run++) {
            KafkaTaskLog reader = log(bootstrap, topic, topic + "-run-" + run);
            reader.start();
            AtomicInteger handed = new AtomicInteger();
            TaskLog.Follower counter = new TaskLog.Follower() {
                @Override
                public void follow(String taskId, String state) {
                    handed.incrementAndGet();
                }

                @Override
                public void unfollow(Collection<String> taskIds) {
                    handed.addAndGet(-taskIds.size());
                }
            };
            long start = System.nanoTime();
            try (TaskLog.Following ignored = reader.follow("koophone", "benchmark", counter)) {
                Cluster.awaitTrue(() -> handed.get() >= size, Duration.ofMinutes(5), "rebuild of " + size + " tasks");
                millis.add((System.nanoTime() - start) / 1e6);
            } finally {
                reader.stop();
            }
        }
        return new Rebuild(size, records, millis);
    }

    private static KafkaTaskLog log(String bootstrap, String topic, String group) {
        KafkaTaskLog log = new KafkaTaskLog();
        log.setBootstrapServers(bootstrap);
        log.setTopic(topic);
        log.setGroupId(group);
        log.setPartitions(PARTITIONS);
        return log;
    }

    private static TaskRegistration task(int i) {
        String id = String.format("%032x", i);
        return new TaskRegistration(id, null, new String[] {"job-" + id}, new String[] {"phone-" + (i % 500)});
    }

    // ------------------------------------------------------------------ GetTask rate per node

    /** Nodes that follow {@code rateTasks} hour-long tasks: GetTask calls per second of each, from the journal. */
    private Rate rate(Cluster cluster, List<String> keys) throws Exception {
        cluster.scenario("rate-" + keys.size());
        List<JavaProcess> nodes = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            nodes.add(cluster.node("node-" + (i + 1), true, List.of("delay=" + POLL_DELAY_MS, "ak=" + key,
                    "sk=" + secret(key), "project=" + KooPhoneSimulator.DEFAULT_PROJECT_ID)));
        }
        cluster.startTasks(nodes.get(0), rateTasks);
        Thread.sleep(3 * POLL_DELAY_MS); // the group settled, every task asked about at its place in the poll
        long since = lastSeq(cluster.sim);
        Map<String, Integer> calls = new HashMap<>();
        long end = System.nanoTime() + rateWindow.toNanos();
        while (System.nanoTime() < end) {
            Thread.sleep(1_000);
            since = countGetTasks(cluster.sim, since, calls);
        }
        double seconds = rateWindow.toMillis() / 1000.0;
        Map<String, Double> perNode = new HashMap<>();
        double total = 0;
        for (int i = 0; i < keys.size(); i++) {
            double rate = calls.getOrDefault(keys.get(i), 0) / seconds;
            perNode.put("node-" + (i + 1), rate);
            total += rate;
        }
        return new Rate(keys.size(), perNode, total);
    }

    private static long lastSeq(SimulatorProcess sim) throws Exception {
        return countGetTasks(sim, 0, new HashMap<>());
    }

    private static long countGetTasks(SimulatorProcess sim, long since, Map<String, Integer> calls) throws Exception {
        long last = since;
        for (JsonNode entry : sim.get("/_sim/journal?since=" + since)) {
            last = Math.max(last, entry.get("seq").asLong());
            if ("getTask".equals(entry.get("operation").asText())) {
                calls.merge(entry.get("principal").asText(), 1, Integer::sum);
            }
        }
        return last;
    }

    // ------------------------------------------------------------------ failover

    /** Three nodes, one killed (SIGKILL): seconds until the survivors followed its partitions. */
    private Failover failover(Cluster cluster, int sessionTimeoutMs) throws Exception {
        List<Double> seconds = new ArrayList<>();
        List<String> options = List.of("delay=" + POLL_DELAY_MS, "kafka.session.timeout.ms=" + sessionTimeoutMs,
                "kafka.heartbeat.interval.ms=" + sessionTimeoutMs / 6);
        for (int run = 0; run < failoverRuns; run++) {
            cluster.scenario("failover-" + sessionTimeoutMs + "-" + run);
            JavaProcess a = cluster.node("a", true, options);
            JavaProcess b = cluster.node("b", true, options);
            JavaProcess c = cluster.node("c", true, options);
            cluster.startTasks(a, 300);
            Thread.sleep(2_000);
            long killedAt = System.nanoTime();
            b.kill();
            Cluster.awaitTrue(() -> Cluster.lastRebuildAfter(killedAt, a, c) > killedAt, Duration.ofSeconds(120),
                    "the killed node's partitions followed again");
            Thread.sleep(3_000); // any later partition's line too
            seconds.add((Cluster.lastRebuildAfter(killedAt, a, c) - killedAt) / 1e9);
        }
        return new Failover(sessionTimeoutMs, seconds);
    }

    // ------------------------------------------------------------------ report

    private String markdown(Instant date, double minutes, double loadBefore, double loadAfter, List<Rebuild> rebuilds,
                            List<Rate> rates, List<Failover> failovers) {
        StringBuilder md = new StringBuilder();
        Report.opening(md, "Cluster", SUITE, date, minutes, settings.quick() ? "fewer tasks, one run each" : null);
        md.append("### How to read it\n\n");
        md.append("The cluster mode of `camel-koophone-kafka` (see [cluster.md](cluster.md)). A one-node Kafka (KRaft "
                  + "test kit) runs beside the benchmark for the rebuild; for the rest the broker, the simulator and "
                  + "every node are processes of their own, as in the cluster tests.\n\n");
        md.append("- **Rebuild**: a topic of ").append(PARTITIONS).append(" partitions holding the tasks (half of them "
                  + "with a second record, as a task whose progress was recorded before compaction), and a new member "
                  + "of a new group that is assigned them all: the time from `follow()` until every task was handed to "
                  + "the consumer, which includes joining the group (the 1-task row). Median (min–max) of the runs.\n");
        md.append("- **Failover**: three nodes follow 300 hour-long tasks; one is killed with SIGKILL; the time until "
                  + "the survivors have followed all of its partitions again (their \"Following N task(s)\" lines). It "
                  + "is the session timeout, for the group to notice the death, plus a rebalance and the rebuild.\n");
        md.append("- **GetTask per node**: ").append(rateTasks).append(" hour-long tasks followed by 1, 2 and 3 nodes "
                  + "polling every ").append(POLL_DELAY_MS).append(" ms, each node with an access key of its own; "
                  + "GetTask calls per second per node over ").append(rateWindow.toSeconds())
                .append(" s, from the simulator's journal. One node asks about every task once per poll; k nodes "
                        + "each ask about their share.\n\n");
        Report.machine(md, loadBefore, loadAfter);
        md.append("- Nodes: ").append(Cluster.CLIENT_PROPERTIES).append(" but where a row says otherwise\n\n");

        md.append("### Rebuild on assignment\n\n| tasks | records read | ms, median (min–max) | tasks/s |\n|---:|---:|---:|---:|\n");
        for (Rebuild r : rebuilds) {
            double median = median(r.millis());
            md.append(String.format(Locale.ROOT, "| %,d | %,d | %.0f (%.0f–%.0f) | %,.0f |%n", r.tasks(), r.records(),
                    median, min(r.millis()), max(r.millis()), r.tasks() / (median / 1000)));
        }
        md.append("\n### Failover\n\n| session.timeout.ms | runs | s until followed again, median (min–max) |\n|---:|---:|---:|\n");
        for (Failover f : failovers) {
            md.append(String.format(Locale.ROOT, "| %,d | %d | %.1f (%.1f–%.1f) |%n", f.sessionTimeoutMs(),
                    f.seconds().size(), median(f.seconds()), min(f.seconds()), max(f.seconds())));
        }
        md.append("\n### GetTask per node\n\n| nodes | per node (calls/s) | all nodes | ideal, all nodes | share of the "
                  + "busiest node |\n|---:|---|---:|---:|---:|\n");
        double ideal = rateTasks * 1000.0 / POLL_DELAY_MS;
        for (Rate r : rates) {
            List<String> names = new ArrayList<>(r.perNode().keySet());
            names.sort(String::compareTo);
            StringBuilder per = new StringBuilder();
            double busiest = 0;
            for (String name : names) {
                double rate = r.perNode().get(name);
                busiest = Math.max(busiest, rate);
                per.append(per.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%s %.0f", name, rate));
            }
            md.append(String.format(Locale.ROOT, "| %d | %s | %.0f | %.0f | %.2f |%n", r.nodes(), per, r.total(), ideal,
                    r.total() == 0 ? 0 : busiest / r.total()));
        }
        md.append('\n');
        return md.toString();
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    private static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }
}
