package io.github.camelkoophone.examples.cluster;

import java.util.List;
import java.util.Map;

/**
 * What a run of {@link ClusterDemo} saw, from the nodes' output and the simulator's tasks.
 *
 * @param nodes           the nodes' names
 * @param tasksStarted    tasks each node's producer started
 * @param eventsDelivered job events each node's koophone:tasks consumer delivered (repeats included)
 * @param expectedEvents  the jobs of every task the simulator started: each owes one event
 * @param statuses        delivered events by job status (SUCCEEDED, FAILED)
 * @param missing         expected events no node delivered
 * @param repeated        deliveries beyond the first of an event
 * @param failover        what happened around the kill, or null when no node was killed
 * @param drainSeconds    from the first move of the simulator's clock until every event was delivered
 * @param totalSeconds    the whole run, broker start to nodes stopped
 * @param target          where the nodes ran: the broker and the simulator
 */
public record ClusterSummary(List<String> nodes, Map<String, Integer> tasksStarted, Map<String, Integer> eventsDelivered,
                             int expectedEvents, Map<String, Integer> statuses, int missing, int repeated,
                             Failover failover, double drainSeconds, double totalSeconds, String target) {

    /**
     * The kill of one node and who took over its work.
     *
     * @param node                 the killed node
     * @param partitions           the task log partitions it was assigned at the kill
     * @param deliveredBeforeKill  events delivered (by any node) before the kill
     * @param pendingAtKill        events of tasks in its partitions not yet delivered at the kill
     * @param takenOverBy          deliveries of those events after the kill, per node
     * @param secondsToFlowAgain   from the kill to the first of them delivered
     * @param sessionTimeoutMs     the nodes' session.timeout.ms
     * @param startedTasksEventsBy the events of the tasks the killed node had started, per delivering node
     */
    public record Failover(String node, List<Integer> partitions, int deliveredBeforeKill, int pendingAtKill,
                           Map<String, Integer> takenOverBy, double secondsToFlowAgain, String sessionTimeoutMs,
                           Map<String, Integer> startedTasksEventsBy) {
    }

    public int totalTasksStarted() {
        return tasksStarted.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int totalDelivered() {
        return eventsDelivered.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Every expected event delivered (and there were some). */
    public boolean complete() {
        return expectedEvents > 0 && missing == 0;
    }

    public String report() {
        StringBuilder out = new StringBuilder("\n=== KooPhone cluster demo summary ===\n");
        out.append(nodes.size()).append(" nodes sharing a KafkaTaskLog; ").append(target).append('\n');
        out.append(String.format("  %-8s %14s %17s%n", "node", "tasks started", "events delivered"));
        for (String node : nodes) {
            String killed = failover != null && failover.node().equals(node) ? String.format(
                    "   killed (kill -9) with %d of %d events delivered", failover.deliveredBeforeKill(), expectedEvents) : "";
            out.append(String.format("  %-8s %14d %17d%s%n", node, tasksStarted.getOrDefault(node, 0),
                    eventsDelivered.getOrDefault(node, 0), killed));
        }
        out.append(String.format("  %-8s %14d %17d%n", "total", totalTasksStarted(), totalDelivered()));
        out.append(String.format("job events: %d expected, %d missing, %d repeated; by status %s%n", expectedEvents,
                missing, repeated, statuses));
        if (failover != null) {
            out.append(String.format("failover: %s followed partitions %s of the task log; %d job events of their tasks "
                                     + "were still to come at the kill%n", failover.node(), failover.partitions(),
                    failover.pendingAtKill()));
            out.append(String.format("  delivered after the kill by %s, the first %.1f s after the kill "
                                     + "(session.timeout.ms=%s)%n", failover.takenOverBy(), failover.secondsToFlowAgain(),
                    failover.sessionTimeoutMs()));
            out.append(String.format("  the job events of the tasks %s started were delivered by %s%n", failover.node(),
                    failover.startedTasksEventsBy()));
        }
        out.append(String.format("%s %.1f s after the simulator's clock started moving; %.1f s in all%n",
                complete() ? "every job event delivered" : "gave up waiting", drainSeconds, totalSeconds));
        return out.toString();
    }
}
