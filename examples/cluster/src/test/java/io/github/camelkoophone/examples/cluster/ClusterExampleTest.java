package io.github.camelkoophone.examples.cluster;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo as {@code -Dcluster.kill=node-2} runs it: an embedded broker and simulator, three node processes, node-2
 * killed with kill -9 once a third of the events were delivered. About 40 s on two cores.
 */
class ClusterExampleTest {

    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void aNodeKilledMidRunLosesNothingAndTheOthersDeliverTheEventsOfItsTasks() throws Exception {
        ClusterSummary summary = ClusterDemo.run("node-2");
        System.out.println(summary.report());

        // every node started its 40 tasks (one per pair of the 20 phones, 4 rounds), each of 2 jobs
        assertThat(summary.tasksStarted()).containsOnlyKeys(ClusterDemo.NODES).allSatisfy((node, tasks) ->
                assertThat(tasks).as(node).isEqualTo(40));
        assertThat(summary.expectedEvents()).isEqualTo(2 * summary.totalTasksStarted());
        // every job event of every started task delivered, by some node; a repeat only for the event in flight
        assertThat(summary.missing()).isZero();
        assertThat(summary.complete()).isTrue();
        assertThat(summary.repeated()).isLessThanOrEqualTo(1);
        assertThat(summary.totalDelivered()).isEqualTo(summary.expectedEvents() + summary.repeated());
        assertThat(summary.statuses().keySet()).isSubsetOf(List.of("SUCCEEDED", "FAILED"));
        assertThat(summary.eventsDelivered().values().stream().filter(n -> n > 0).count()).isGreaterThanOrEqualTo(2);

        // the killed node had work left in its partitions, and the survivors delivered all of it
        ClusterSummary.Failover failover = summary.failover();
        assertThat(failover).isNotNull();
        assertThat(failover.node()).isEqualTo("node-2");
        assertThat(failover.partitions()).isNotEmpty();
        assertThat(failover.pendingAtKill()).isPositive();
        assertThat(failover.takenOverBy()).isNotEmpty().doesNotContainKey("node-2");
        assertThat(failover.takenOverBy().values().stream().mapToInt(Integer::intValue).sum())
                .isGreaterThanOrEqualTo(failover.pendingAtKill());
        // session.timeout.ms (6 s) and the rebuild of the partitions: seconds, not minutes
        assertThat(failover.secondsToFlowAgain()).isPositive().isLessThan(30);
        // the tasks node-2 started: all their events delivered, some by the others
        assertThat(failover.startedTasksEventsBy().values().stream().mapToInt(Integer::intValue).sum())
                .isGreaterThanOrEqualTo(2 * summary.tasksStarted().get("node-2"));
        assertThat(failover.startedTasksEventsBy().keySet()).containsAnyOf("node-1", "node-3");
    }
}
