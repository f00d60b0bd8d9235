package io.github.camelkoophone.examples.quarkus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import io.github.camelkoophone.component.koophone.model.BatchQueryStatusResult;
import io.github.camelkoophone.component.koophone.model.InstanceStatus;
import io.github.camelkoophone.examples.support.FleetCheck.Outcome;
import io.github.camelkoophone.examples.support.TaskSummary;
import io.github.camelkoophone.simulator.KooPhoneSimulator;
import io.github.camelkoophone.simulator.state.SimJob;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Quarkus;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.apache.camel.quarkus.main.events.BeforeStop;

/**
 * The state of one fleet check: the task events as they arrive ({@link #summary()}) and, once the routes hand over
 * the phones' statuses, the {@link Outcome}, compared with the simulator's own record when that is the target.
 * It also makes the application a job, like the Camel Main examples: once the outcome is in, it prints the report
 * and exits with 0 when all went as expected, 1 otherwise.
 */
@Singleton
public class FleetCheck {

    private final FleetTarget target;
    private final TaskSummary summary;
    private final CompletableFuture<Outcome> outcome = new CompletableFuture<>();

    public FleetCheck(FleetTarget target) {
        this.target = target;
        this.summary = new TaskSummary("fleet check", target.batch().size() + target.reset().size(), () -> {
        });
    }

    public TaskSummary summary() {
        return summary;
    }

    /** Completes once the routes have reported every phone's status. */
    public CompletableFuture<Outcome> outcome() {
        return outcome;
    }

    /** Called by the routes with the batchQueryStatus result, the last step: reports, then ends the run. */
    public void statuses(BatchQueryStatusResult result) {
        Outcome done = outcomeWith(result.getStatusResults() == null ? List.of() : result.getStatusResults());
        System.out.println(done.report());
        outcome.complete(done);
        // A @QuarkusTest shares this application with the test that waits on the outcome: only a real run exits.
        // (Camel Quarkus's own CamelMain.completed() exits too, but always with 0.)
        if (LaunchMode.current() != LaunchMode.TEST) {
            Quarkus.asyncExit(done.ok() ? 0 : 1);
        }
    }

    /**
     * A run that stops before the statuses are in (camel.main.duration-max-seconds, Ctrl+C) still reports what it
     * has.
     */
    void reportIfUnfinished(@Observes BeforeStop stopping) {
        if (!outcome.isDone()) {
            System.out.println(outcomeWith(List.of()).report());
        }
    }

    private Outcome outcomeWith(List<InstanceStatus> statuses) {
        int phones = target.batch().size() + target.reset().size();
        Map<String, Long> calls = new TreeMap<>();
        List<String> mismatches = new ArrayList<>();
        if (!summary.complete()) {
            mismatches.add(summary.received() + " of " + summary.expected() + " jobs reported");
        }
        if (statuses.size() != phones) {
            mismatches.add("statuses of " + statuses.size() + " phones reported, expected " + phones);
        }
        target.simulator().ifPresent(sim -> {
            sim.journal().counters().forEach((operation, counter) -> calls.put(operation, counter.requests()));
            compareWithSimulator(sim, calls, mismatches);
        });
        return new Outcome(target.toString(), summary, List.copyOf(statuses), calls, mismatches);
    }

    /**
     * Each call of the routes made once, the video setting stored on every phone of the batch, and one event per
     * job whose status is the one the simulator gave that job.
     */
    private void compareWithSimulator(KooPhoneSimulator sim, Map<String, Long> calls, List<String> mismatches) {
        for (String operation : List.of("setVideoConfig", "asyncCommand", "batchReset", "batchQueryStatus")) {
            if (calls.getOrDefault(operation, 0L) != 1) {
                mismatches.add(operation + " called " + calls.getOrDefault(operation, 0L) + " times, expected once");
            }
        }
        target.batch().stream().filter(phone -> sim.inventory().require(phone).videoSettings() == null)
                .forEach(phone -> mismatches.add("no video setting on " + phone));
        Map<String, Long> perOperation = summary.events().stream()
                .collect(Collectors.groupingBy(TaskSummary.Event::operation, TreeMap::new, Collectors.counting()));
        Map<String, Long> expected = new TreeMap<>(Map.of("asyncCommand", (long) target.batch().size(),
                "batchReset", (long) target.reset().size()));
        if (!perOperation.equals(expected)) {
            mismatches.add("events per operation " + perOperation + ", expected " + expected);
        }
        for (TaskSummary.Event event : summary.events()) {
            String actual = sim.tasks().get(event.taskId()).stream().flatMap(task -> task.jobs().stream())
                    .filter(job -> job.jobId().equals(event.jobId())).findFirst()
                    .map(job -> job.status() == SimJob.SUCCEEDED ? "SUCCEEDED" : job.status() == SimJob.FAILED ? "FAILED" : "RUNNING")
                    .orElse("unknown to the simulator");
            if (!Objects.equals(actual, event.status())) {
                mismatches.add("job " + event.jobId() + " of task " + event.taskId() + " reported " + event.status()
                               + ", the simulator says " + actual);
            }
        }
    }
}
