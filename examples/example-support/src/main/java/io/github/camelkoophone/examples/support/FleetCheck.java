package io.github.camelkoophone.examples.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.github.camelkoophone.component.koophone.model.BatchQueryStatusResult;
import io.github.camelkoophone.component.koophone.model.InstanceStatus;
import io.github.camelkoophone.simulator.KooPhoneSimulator;
import io.github.camelkoophone.simulator.state.SimJob;
import org.apache.camel.main.Main;

/**
 * The scenario the Java, XML and YAML DSL examples each write in their own DSL, and what runs it: a video
 * setting and an adb command on a batch of phones, a reset of one more phone, every task event tallied, and once
 * all jobs have reported, the status of every phone involved. The routes use these beans and properties:
 * <ul>
 * <li>{@code {{fleet.phones}}}, {@code {{fleet.reset-phone}}}: comma-separated instance ids (the simulator's when
 * it is the target), {@code {{fleet.command}}}: the adb command;</li>
 * <li>bean {@code summary} ({@link TaskSummary}): {@code record} each task event; it returns true for the last
 * expected one;</li>
 * <li>bean {@code fleet} (this class): {@code statuses} with the batchQueryStatus result ends the run.</li>
 * </ul>
 * The video setting is the classpath resource {@code fleet/video-config.json}. The XML and YAML examples need no
 * Java of their own: this class is their main class, and Camel Main loads their routes as application.properties
 * says.
 */
public final class FleetCheck {

    public static final String PHONES_KEY = "fleet.phones";
    public static final String RESET_KEY = "fleet.reset-phone";
    /** Phones of the embedded simulator: all but the last are the batch, the last is reset. */
    public static final int SIMULATED_PHONES = 6;

    private final Main main;
    private final TaskSummary summary;
    private volatile List<InstanceStatus> statuses = List.of();

    private FleetCheck(Main main, TaskSummary summary) {
        this.main = main;
        this.summary = summary;
    }

    /** Runs the fleet check with the routes application.properties names; exits 0 when all went as expected. */
    public static void main(String[] args) throws Exception {
        System.exit(run(new Main()).ok() ? 0 : 1);
    }

    /** Runs the example's routes to their end (or Camel Main's duration limit) and prints what happened. */
    public static Outcome run(Main main) throws Exception {
        try (KooPhoneTarget target = KooPhoneTarget.choose(main, sim -> sim.instances(SIMULATED_PHONES).seed(2026)
                .taskDuration(Duration.ofSeconds(1)).taskFailureRate(0.2))) {
            List<String> batch = target.phones(PHONES_KEY, 0, SIMULATED_PHONES - 1);
            List<String> reset = target.phones(RESET_KEY, SIMULATED_PHONES - 1, SIMULATED_PHONES);
            FleetCheck check = new FleetCheck(main, new TaskSummary("fleet check", batch.size() + reset.size(), () -> {
            }));
            main.bind("summary", check.summary);
            main.bind("fleet", check);
            main.run();
            Outcome outcome = check.outcome(target, batch, reset);
            System.out.println(outcome.report());
            return outcome;
        }
    }

    /** Called by the routes with the batchQueryStatus result: the last step, so it ends the run. */
    public void statuses(BatchQueryStatusResult result) {
        statuses = result.getStatusResults() == null ? List.of() : List.copyOf(result.getStatusResults());
        main.completed();
    }

    private Outcome outcome(KooPhoneTarget target, List<String> batch, List<String> reset) {
        return Outcome.of(target.toString(), target.simulator(), summary, statuses, batch, reset);
    }

    /**
     * What a run did.
     *
     * @param calls      requests per operation as the simulator's journal counted them (empty on the real cloud)
     * @param mismatches where the run differs from what the routes should have done; empty when all is well
     */
    public record Outcome(String target, TaskSummary summary, List<InstanceStatus> statuses, Map<String, Long> calls,
                          List<String> mismatches) {

        /**
         * What a run did, compared with the simulator's own record when it was the target: each call of the routes
         * made once, the video setting stored on every phone of the batch, and one event per job with the status the
         * simulator gave that job.
         *
         * @param batch the phones the command and the video setting went to
         * @param reset the phones reset
         */
        public static Outcome of(String target, Optional<KooPhoneSimulator> simulator, TaskSummary summary,
                                 List<InstanceStatus> statuses, List<String> batch, List<String> reset) {
            Map<String, Long> calls = new TreeMap<>();
            List<String> mismatches = new ArrayList<>();
            if (!summary.complete()) {
                mismatches.add(summary.received() + " of " + summary.expected() + " jobs reported");
            }
            if (statuses.size() != batch.size() + reset.size()) {
                mismatches.add("statuses of " + statuses.size() + " phones reported, expected " + (batch.size() + reset.size()));
            }
            simulator.ifPresent(sim -> {
                sim.journal().counters().forEach((operation, counter) -> calls.put(operation, counter.requests()));
                checkCalls(sim, batch, calls, mismatches);
                checkEvents(sim, summary, batch, reset, mismatches);
            });
            return new Outcome(target, summary, List.copyOf(statuses), calls, mismatches);
        }

        private static void checkCalls(KooPhoneSimulator sim, List<String> batch, Map<String, Long> calls,
                                       List<String> mismatches) {
            for (String operation : List.of("setVideoConfig", "asyncCommand", "batchReset", "batchQueryStatus")) {
                if (calls.getOrDefault(operation, 0L) != 1) {
                    mismatches.add(operation + " called " + calls.getOrDefault(operation, 0L) + " times, expected once");
                }
            }
            for (String phone : batch) {
                if (sim.inventory().require(phone).videoSettings() == null) {
                    mismatches.add("no video setting on " + phone);
                }
            }
        }

        private static void checkEvents(KooPhoneSimulator sim, TaskSummary summary, List<String> batch, List<String> reset,
                                        List<String> mismatches) {
            Map<String, Long> perOperation = summary.events().stream()
                    .collect(Collectors.groupingBy(TaskSummary.Event::operation, TreeMap::new, Collectors.counting()));
            Map<String, Long> expected = new TreeMap<>(Map.of("asyncCommand", (long) batch.size(), "batchReset", (long) reset.size()));
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

        public boolean ok() {
            return mismatches.isEmpty();
        }

        public String report() {
            StringBuilder out = new StringBuilder(summary.report(target));
            statuses.forEach(s -> out.append(String.format("  phone %-12s status %s%n", s.getInstanceId(), s.getStatus())));
            if (!calls.isEmpty()) {
                out.append("simulator journal: ").append(calls).append('\n');
                out.append(ok() ? "every call and event agrees with the simulator\n" : "");
            }
            mismatches.forEach(m -> out.append("  MISMATCH: ").append(m).append('\n'));
            return out.toString();
        }
    }
}
