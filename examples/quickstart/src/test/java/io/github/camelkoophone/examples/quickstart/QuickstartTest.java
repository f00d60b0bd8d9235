package io.github.camelkoophone.examples.quickstart;

import io.github.camelkoophone.examples.support.TaskSummary;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QuickstartTest {

    @Test
    void runsToItsEndOnTheEmbeddedSimulatorAndReportsEveryJob() throws Exception {
        long start = System.nanoTime();

        TaskSummary summary = Quickstart.run();

        assertThat(summary.complete()).isTrue();
        assertThat(summary.received()).isEqualTo(Quickstart.SIMULATED_PHONES);
        assertThat(summary.counts().keySet()).isSubsetOf(
                "asyncCommand SUCCEEDED", "asyncCommand FAILED", "batchReset SUCCEEDED", "batchReset FAILED");
        int commands = summary.counts().getOrDefault("asyncCommand SUCCEEDED", 0) + summary.counts().getOrDefault("asyncCommand FAILED", 0);
        int resets = summary.counts().getOrDefault("batchReset SUCCEEDED", 0) + summary.counts().getOrDefault("batchReset FAILED", 0);
        assertThat(commands).isEqualTo(12);
        assertThat(resets).isEqualTo(8);
        assertThat((System.nanoTime() - start) / 1_000_000_000).isLessThan(60);
    }
}
