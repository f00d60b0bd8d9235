package io.github.camelkoophone.kafka.cluster;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

import io.github.camelkoophone.kafka.KafkaBroker;

/**
 * A broker process, the simulator process and node processes on one machine, and the bookkeeping of what the nodes
 * say: the tasks their producers started (or could not record) and the events their sinks received, per event id.
 * Each scenario uses a topic (and so a consumer group) of its own.
 */
public final class Cluster implements AutoCloseable {

    /** Fast failure detection for the tests; production keeps Kafka's defaults or sets its own. */
    public static final List<String> CLIENT_PROPERTIES = List.of("kafka.session.timeout.ms=3000",
            "kafka.heartbeat.interval.ms=500", "kafka.request.timeout.ms=3000", "kafka.delivery.timeout.ms=8000",
            "kafka.max.block.ms=5000");

    public final JavaProcess broker;
    public final String bootstrapServers;
    public final SimulatorProcess sim;
    public final List<String> instances;
    private final List<JavaProcess> nodes = new ArrayList<>();
    private String topic = "koophone-tasks";

    private Cluster(JavaProcess broker, String bootstrapServers, SimulatorProcess sim) throws Exception {
        this.broker = broker;
        this.bootstrapServers = bootstrapServers;
        this.sim = sim;
        this.instances = sim.instanceIds();
    }

    static Cluster start() throws Exception {
        return start(SimulatorProcess.start(100));
    }

    /** A broker process beside this simulator. */
    public static Cluster start(SimulatorProcess sim) throws Exception {
        JavaProcess broker = JavaProcess.start("kafka", KafkaBroker.class.getName(), List.of());
        String line = broker.await(text -> text.startsWith(KafkaBroker.READY), Duration.ofSeconds(60)).text();
        return new Cluster(broker, line.substring(KafkaBroker.READY.length()), sim);
    }

    /** Starts a scenario: a topic of its own, no nodes yet. */
    public void scenario(String name) throws InterruptedException {
        for (JavaProcess node : nodes) {
            node.close();
        }
        nodes.clear();
        topic = "tasks-" + name;
    }

    /** Starts a node process and waits until its CamelContext runs. */
    JavaProcess node(String name, boolean consume) throws IOException {
        return node(name, consume, List.of("delay=500"));
    }

    /** A node with more {@link ClusterNode} arguments (they win over the defaults). */
    public JavaProcess node(String name, boolean consume, List<String> more) throws IOException {
        List<String> args = new ArrayList<>(List.of("name=" + name, "sim=" + sim.url(), "kafka=" + bootstrapServers,
                "topic=" + topic, "consume=" + consume));
        args.addAll(CLIENT_PROPERTIES);
        args.addAll(more);
        JavaProcess node = JavaProcess.start(name, ClusterNode.class.getName(), args);
        nodes.add(node);
        node.await("READY"::equals, Duration.ofSeconds(60));
        return node;
    }

    /** Asks the node to start tasks and waits until its producer is done with them. */
    public void startTasks(JavaProcess node, int count) {
        int before = count(node, "STARTS-DONE");
        node.send("start " + count + " " + String.join(",", instances));
        awaitTrue(() -> count(node, "STARTS-DONE") > before, Duration.ofSeconds(120), node.name() + " starting tasks");
    }

    /** Asks for a graceful stop: Camel stops, the consumer leaves the group. */
    public void stop(JavaProcess node) throws InterruptedException {
        node.send("stop");
        if (!node.waitFor(Duration.ofSeconds(60))) {
            throw new AssertionError(node.name() + " did not stop within 60 s");
        }
    }

    /** Task ids the nodes' producers reported started and recorded. */
    Set<String> started() {
        return reported("STARTED ");
    }

    /** Task ids the nodes' producers reported started but not recorded. */
    Set<String> unrecorded() {
        Set<String> ids = new HashSet<>();
        reported("UNRECORDED ").forEach(csv -> ids.addAll(List.of(csv.split(","))));
        return ids;
    }

    private Set<String> reported(String prefix) {
        Set<String> ids = new HashSet<>();
        for (JavaProcess node : nodes) {
            node.lines().stream().map(JavaProcess.Line::text).filter(t -> t.startsWith(prefix))
                    .forEach(t -> ids.add(t.substring(prefix.length())));
        }
        return ids;
    }

    /** How often each event reached a sink, over every node that ran in this scenario. */
    public Map<String, Integer> deliveries() {
        Map<String, Integer> counts = new HashMap<>();
        for (JavaProcess node : nodes) {
            node.lines().stream().map(JavaProcess.Line::text).filter(t -> t.startsWith("EVENT "))
                    .forEach(t -> counts.merge(t.split(" ")[1], 1, Integer::sum));
        }
        return counts;
    }

    /** The event ids the started tasks owe: one per job. */
    Set<String> expectedEvents(Set<String> tasks) throws IOException, InterruptedException {
        Set<String> events = new HashSet<>();
        Map<String, List<String>> jobs = sim.jobsByTask();
        for (String task : tasks) {
            jobs.get(task).forEach(job -> events.add(task + "/" + job));
        }
        return events;
    }

    /** Moves simulated time on, {@code step} each {@code every} of real time, until the condition holds. */
    void driveClockUntil(BooleanSupplier done, Duration step, Duration timeout, String what) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout + ": " + what);
            }
            sim.advance(step);
            Thread.sleep(250);
        }
    }

    /** Moves simulated time on in the background while {@code work} runs (restarts, outages). */
    void withClockRunning(Duration step, Action work) throws Exception {
        Thread driver = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    sim.advance(step);
                    Thread.sleep(250);
                }
            } catch (InterruptedException e) {
                // stopped
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }, "clock-driver");
        driver.start();
        try {
            work.run();
        } finally {
            driver.interrupt();
            driver.join();
        }
    }

    interface Action {
        void run() throws Exception;
    }

    /** The latest "Following N task(s) of ..." line the survivors logged after the kill: its partitions rebuilt. */
    public static long lastRebuildAfter(long killedAt, JavaProcess... survivors) {
        long last = killedAt;
        for (JavaProcess node : survivors) {
            for (JavaProcess.Line line : node.lines()) {
                if (line.at() > killedAt && line.text().contains("PartitionFollowing - Following ")) {
                    last = Math.max(last, line.at());
                }
            }
        }
        return last;
    }

    public static int count(JavaProcess node, String text) {
        return (int) node.lines().stream().filter(line -> line.text().equals(text)).count();
    }

    public static void awaitTrue(BooleanSupplier condition, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout + ": " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public void close() throws Exception {
        scenario("closed");
        sim.close();
        broker.close();
    }
}
