package io.github.camelkoophone.simulator;

import io.github.camelkoophone.simulator.state.SimInstance;
import io.github.camelkoophone.simulator.state.SimTask;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Many clients at once: every request answered, state consistent, journal complete. */
class ConcurrencyTest {

    @Test
    void parallelClientsSeeConsistentState() throws Exception {
        try (KooPhoneSimulator sim = KooPhoneSimulator.builder().instances(20).taskDuration(Duration.ofMillis(1))
                .busyCheck(false).start()) {
            List<String> ids = sim.inventory().ids();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Callable<Integer>> calls = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    int worker = t;
                    calls.add(() -> {
                        int ok = 0;
                        SimClient client = SimClient.of(sim);
                        for (int i = 0; i < 24; i++) {
                            String id = ids.get((worker * 24 + i) % ids.size());
                            SimClient.Resp r = switch (i % 4) {
                                case 0 -> client.post("/v1/instances/batch-reset", Map.of("instance_ids", List.of(id)));
                                case 1 -> client.post("/v1/instances/sync-command",
                                        Map.of("command", "echo " + worker, "instance_ids", List.of(id)));
                                case 2 -> client.get("/v1/instances/batch-query?page_size=100");
                                default -> client.post("/v1/instances/async-command",
                                        Map.of("command", "whoami", "instance_ids", ids));
                            };
                            if (r.status() == 200 && "0".equals(r.code())) {
                                ok++;
                            }
                        }
                        return ok;
                    });
                }
                int total = 0;
                for (Future<Integer> f : pool.invokeAll(calls)) {
                    total += f.get();
                }
                assertThat(total).isEqualTo(192);
            } finally {
                pool.shutdownNow();
            }
            assertThat(sim.journal().entries()).hasSize(192);
            assertThat(sim.journal().count("batchReset")).isEqualTo(48);
            assertThat(sim.journal().count("asyncCommand")).isEqualTo(48);
            assertThat(sim.tasks().all()).hasSize(96);
            sim.clock().advance(Duration.ofSeconds(1));
            assertThat(sim.tasks().all()).allMatch(SimTask::finished);
            assertThat(sim.inventory().all()).allMatch(i -> i.runningStatus() == SimInstance.STATUS_RUNNING);
        }
    }
}
