package io.github.camelkoophone.examples.quickstart;

import java.time.Duration;
import java.util.List;

import io.github.camelkoophone.examples.support.KooPhoneTarget;
import io.github.camelkoophone.examples.support.TaskSummary;
import org.apache.camel.main.Main;

/**
 * The quickstart: an adb command on a batch of phones, a reset of some others, every task-completion event
 * logged, then a summary. Runs against an embedded simulator unless {@code camel.component.koophone.endpoint}
 * is configured (application.properties, -D, or CAMEL_COMPONENT_KOOPHONE_ENDPOINT), in which case the phones are
 * the ones listed in {@code quickstart.command-instances} and {@code quickstart.reset-instances}.
 */
public final class Quickstart {

    static final int SIMULATED_PHONES = 20;

    private Quickstart() {
    }

    public static void main(String[] args) throws Exception {
        TaskSummary summary = run();
        System.exit(summary.complete() ? 0 : 1);
    }

    /** Runs the quickstart to its end and returns what it saw. */
    public static TaskSummary run() throws Exception {
        Main main = new Main();
        try (KooPhoneTarget target = KooPhoneTarget.choose(main, sim -> sim.instances(SIMULATED_PHONES).seed(2026)
                .taskDuration(Duration.ofSeconds(3)).taskFailureRate(0.1))) {
            List<String> commanded = target.phones("quickstart.command-instances", 0, 12);
            List<String> reset = target.phones("quickstart.reset-instances", 12, SIMULATED_PHONES);
            TaskSummary summary = new TaskSummary("quickstart", commanded.size() + reset.size(), main::completed);
            main.bind("summary", summary);
            main.run();
            System.out.println(summary.report(target));
            return summary;
        }
    }
}
