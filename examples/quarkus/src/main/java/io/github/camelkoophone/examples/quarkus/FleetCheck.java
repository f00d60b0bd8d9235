package io.github.camelkoophone.examples.quarkus;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.github.camelkoophone.component.koophone.model.BatchQueryStatusResult;
import io.github.camelkoophone.component.koophone.model.InstanceStatus;
import io.github.camelkoophone.examples.support.FleetCheck.Outcome;
import io.github.camelkoophone.examples.support.TaskSummary;
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
        return Outcome.of(target.toString(), target.simulator(), summary, statuses, target.batch(), target.reset());
    }
}
