package io.github.camelkoophone.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.regex.Pattern;

/**
 * Issue item 4, start-up: the quickstart (examples/quickstart, Camel Main with YAML routes and an embedded simulator)
 * launched as a plain {@code java} process with the runtime classpath {@code exec:java} would use, timed from the
 * launch to its log lines: Camel started, the first call answered, the first task event.
 */
final class StartupBenchmark {

    static final String SUITE = "startup";
    static final String MAIN = "io.github.camelkoophone.examples.quickstart.Quickstart";
    /** What the quickstart's design puts between its start and its first event. */
    static final long TIMER_DELAY_MS = 1000;   // camel timer's default delay before the first fire
    static final long TASK_MS = 3000;          // the simulated tasks' duration (Quickstart.java)
    static final long POLL_DELAY_MS = 1000;    // koophone:tasks delay in routes/quickstart.yaml (and initialDelay's default)

    private static final Pattern CAMEL_STARTED = Pattern.compile("Apache Camel \\S+ \\(koophone-quickstart\\) started in");
    private static final Pattern FIRST_CALL = Pattern.compile("asyncCommand .* started task ");
    private static final Pattern EVENT = Pattern.compile(" job \\S+ on \\S+: (SUCCEEDED|FAILED) output=");

    private final Settings settings;

    StartupBenchmark(Settings settings) {
        this.settings = settings;
    }

    /** One launch: ms from the launch to each milestone (NaN if it did not show), and the exit code. */
    record Run(double firstLine, double camelStarted, double firstCall, double firstEvent, double exited, int exitCode,
               String eventLine) {
    }

    void run() throws Exception {
        long started = System.nanoTime();
        double loadBefore = Machine.loadAverage();
        Instant date = Instant.now();
        Path root = Report.projectRoot();
        Path quickstart = root.resolve("examples/quickstart/target");
        Path classpathFile = quickstart.resolve("quickstart.classpath");
        Path jar;
        try (var files = Files.list(quickstart)) {
            jar = files.filter(f -> f.getFileName().toString().matches("camel-koophone-example-quickstart-.*\\.jar")).findFirst().orElse(null);
        } catch (IOException e) {
            jar = null;
        }
        if (!Files.isRegularFile(classpathFile) || jar == null) {
            throw new IllegalStateException("no quickstart build with its classpath file (" + classpathFile + "): build with "
                                            + Report.RERUN.substring(0, Report.RERUN.indexOf(" &&")));
        }
        String classpath = jar + java.io.File.pathSeparator + Files.readString(classpathFile).trim();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        int warmup = settings.warmupRounds();
        int runs = settings.quick() ? 2 : Math.max(5, settings.rounds());
        System.out.println("== start-up: " + (warmup + runs) + " launches of the quickstart (" + warmup + " warm-up)");

        List<Run> measured = new ArrayList<>();
        for (int i = 0; i < warmup + runs; i++) {
            Run run = launch(java, classpath);
            System.out.printf(Locale.ROOT, "   %s: first line %.0f ms, Camel started %.0f ms, first call %.0f ms, first event %.0f ms, "
                                           + "exit %.0f ms (code %d)%n",
                    i < warmup ? "warm-up" : "run " + (i - warmup + 1), run.firstLine(), run.camelStarted(), run.firstCall(),
                    run.firstEvent(), run.exited(), run.exitCode());
            if (Double.isNaN(run.firstEvent()) || run.exitCode() != 0) {
                throw new IllegalStateException("the quickstart did not run to its end: " + run);
            }
            if (i >= warmup) {
                measured.add(run);
            }
        }

        double loadAfter = Machine.loadAverage();
        double minutes = (System.nanoTime() - started) / 60e9;
        String markdown = markdown(date, measured, warmup, java, classpathFile, root, loadBefore, loadAfter, minutes);
        System.out.println();
        System.out.println(markdown);
        Report.writeSection(settings.out(), SUITE, markdown);
    }

    /** Launches the quickstart and times its output lines as this process reads them. */
    private static Run launch(String java, String classpath) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", classpath, MAIN).redirectErrorStream(true);
        builder.environment().keySet().removeIf(key -> key.startsWith("CAMEL_") || key.startsWith("QUICKSTART_"));
        double firstLine = Double.NaN;
        double camelStarted = Double.NaN;
        double firstCall = Double.NaN;
        double firstEvent = Double.NaN;
        String eventLine = null;
        long t0 = System.nanoTime();
        Process process = builder.start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                double at = (System.nanoTime() - t0) / 1e6;
                if (Double.isNaN(firstLine)) {
                    firstLine = at;
                }
                if (Double.isNaN(camelStarted) && CAMEL_STARTED.matcher(line).find()) {
                    camelStarted = at;
                } else if (Double.isNaN(firstCall) && FIRST_CALL.matcher(line).find()) {
                    firstCall = at;
                } else if (Double.isNaN(firstEvent) && EVENT.matcher(line).find()) {
                    firstEvent = at;
                    eventLine = line;
                }
            }
        } catch (IOException e) {
            process.destroyForcibly();
            throw e;
        }
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("the quickstart did not exit");
        }
        double exited = (System.nanoTime() - t0) / 1e6;
        return new Run(firstLine, camelStarted, firstCall, firstEvent, exited, process.exitValue(), eventLine);
    }

    private String markdown(Instant date, List<Run> runs, int warmup, String java, Path classpathFile, Path root,
                            double loadBefore, double loadAfter, double minutes) {
        double firstEvent = median(runs, Run::firstEvent);
        double camelStarted = median(runs, Run::camelStarted);
        double pollWait = median(runs, r -> r.firstEvent() - r.firstCall() - TASK_MS);
        double net = median(runs, r -> r.firstEvent() - TASK_MS - POLL_DELAY_MS);
        StringBuilder md = new StringBuilder();
        Report.opening(md, "Start-up", SUITE, date, minutes, settings.quick() ? "a smoke test with fewer launches" : null);
        md.append("### How to read it\n\n");
        md.append(String.format(Locale.ROOT,
                "The quickstart (`examples/quickstart`: Camel Main, YAML routes, an embedded simulator with 20 phones) is "
                + "launched as a plain `java -cp … %s` process with the runtime classpath `exec:java` would use (written at "
                + "build time by the quickstart's `benchmarks` profile), no JVM options, and timed from the launch to the "
                + "lines it logs, as this process reads them: the first line, Camel started, the first call answered "
                + "(\"asyncCommand … started task\"), and the first task event (\"… job … on …: SUCCEEDED|FAILED\"). "
                + "The quickstart waits by design: the timer fires %,d ms after the routes start (the timer's default "
                + "`delay`), the simulated jobs take %,d ms, and `koophone:tasks` polls every %,d ms (first poll %,d ms "
                + "after start), so an event comes up to one poll after its job finished. Values are medians of %d launches "
                + "after %d discarded one(s).%n%n",
                MAIN, TIMER_DELAY_MS, TASK_MS, POLL_DELAY_MS, POLL_DELAY_MS, runs.size(), warmup));

        Report.machine(md, loadBefore, loadAfter);
        md.append("- Child JVM: `").append(java).append("` with no options; classpath: the quickstart jar and `")
                .append(root.relativize(classpathFile)).append("`\n\n");

        md.append("### Results\n\n");
        md.append("| milestone, ms from the launch | median | min | max |\n|---|---:|---:|---:|\n");
        row(md, "first log line (JVM up, Camel Main starting)", runs, Run::firstLine);
        row(md, "Camel started (routes running)", runs, Run::camelStarted);
        row(md, "first call answered (asyncCommand on 12 phones)", runs, Run::firstCall);
        row(md, "**first task event** (raw)", runs, Run::firstEvent);
        row(md, "process exited (all 20 events, summary printed)", runs, Run::exited);
        md.append('\n');
        md.append("| derived, ms | median |\n|---|---:|\n");
        md.append(String.format(Locale.ROOT, "| first task event − simulated task (%,d) − poll delay (%,d) | %,.0f |%n",
                TASK_MS, POLL_DELAY_MS, net));
        md.append(String.format(Locale.ROOT, "| first call answered − timer delay (%,d): start-up and the first call's own cost | %,.0f |%n",
                TIMER_DELAY_MS, median(runs, r -> r.firstCall() - TIMER_DELAY_MS)));
        md.append(String.format(Locale.ROOT, "| first call answered − Camel started − timer delay: the first call's own cost | %,.0f |%n",
                median(runs, r -> r.firstCall() - r.camelStarted() - TIMER_DELAY_MS)));
        md.append(String.format(Locale.ROOT, "| first event − first call − simulated task: waiting for the next poll (0 to %,d) | %,.0f |%n%n",
                POLL_DELAY_MS, pollWait));
        md.append(String.format(Locale.ROOT,
                "Of the %,.0f ms to the first event (medians, which need not add up), %,d ms are the timer's delay, %,d ms "
                + "the simulated job and %,.0f ms the wait for the poll that saw it finish; the JVM, Camel Main, the routes, "
                + "the component and the embedded simulator take %,.0f ms to start, and the first call %,.0f ms (class "
                + "loading, the HTTP client's and Jackson's first use, the first connection).%n",
                firstEvent, TIMER_DELAY_MS, TASK_MS, pollWait, camelStarted,
                median(runs, r -> r.firstCall() - r.camelStarted() - TIMER_DELAY_MS)));
        return md.toString();
    }

    private static void row(StringBuilder md, String label, List<Run> runs, ToDoubleFunction<Run> metric) {
        double[] values = runs.stream().mapToDouble(metric).toArray();
        md.append(String.format(Locale.ROOT, "| %s | %,.0f | %,.0f | %,.0f |%n", label, ProducerOverheadBenchmark.median(values),
                ConsumerScaleBenchmark.percentile(values, 0), ConsumerScaleBenchmark.percentile(values, 100)));
    }

    private static double median(List<Run> runs, ToDoubleFunction<Run> metric) {
        return ProducerOverheadBenchmark.median(runs.stream().mapToDouble(metric).toArray());
    }
}
