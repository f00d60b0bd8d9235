package io.github.camelkoophone.benchmarks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.camelkoophone.component.koophone.KooPhoneComponent;
import io.github.camelkoophone.component.koophone.KooPhoneConstants;
import io.github.camelkoophone.component.koophone.model.TaskResult;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Issue item 2, fan-out: one batchReset or asyncCommand exchange naming 1,000 instance ids, which the component
 * splits into {@code ceil(1000 / maxBatchSize)} calls with at most {@code batchConcurrency} in flight, against the
 * stub holding every response 50 ms. Wall time of the exchange against the ideal, the time the waves of calls
 * take when nothing but the latency costs anything.
 */
final class FanoutBenchmark {

    static final String SUITE = "fanout";
    static final int IDS = 1000;
    static final long LATENCY_MS = 50;
    static final double TARGET = 1.2;
    /** Runs per cell per round: a run takes well under a second, so each round repeats every cell. */
    static final int RUNS_PER_ROUND = 3;

    private final Settings settings;

    FanoutBenchmark(Settings settings) {
        this.settings = settings;
    }

    /** One configuration of the issue's table. */
    record Cell(String operation, int maxBatchSize, int batchConcurrency) {
        int calls() {
            return (IDS + maxBatchSize - 1) / maxBatchSize;
        }

        /** Calls go out in waves of batchConcurrency; the last wave may be partial. */
        int waves() {
            return (calls() + batchConcurrency - 1) / batchConcurrency;
        }

        double idealMillis() {
            return waves() * (double) LATENCY_MS;
        }

        /** The issue's formula as written: ceil(1000 / maxBatchSize) / batchConcurrency × 50 ms, no second ceil. */
        double literalIdealMillis() {
            return calls() / (double) batchConcurrency * LATENCY_MS;
        }

        String uri() {
            return "koophone:" + operation + "?maxBatchSize=" + maxBatchSize + "&batchConcurrency=" + batchConcurrency;
        }

        String label() {
            return operation + " size " + maxBatchSize + " × concurrency " + batchConcurrency;
        }
    }

    /**
     * One run of a cell: wall time, the most calls the stub held at once, and the wall time of the same exchange
     * against a stub that answers at once (the component's own time, in the same round).
     */
    record Run(int round, double millis, int maxInFlight, double zeroLatencyMillis) {
    }

    void run() throws Exception {
        long started = System.nanoTime();
        double loadBefore = Machine.loadAverage();
        Instant date = Instant.now();
        List<Cell> cells = new ArrayList<>();
        for (String op : List.of("batchReset", "asyncCommand")) {
            for (int size : new int[] {100, 50}) {
                for (int concurrency : new int[] {4, 10}) {
                    cells.add(new Cell(op, size, concurrency));
                }
            }
        }
        List<String> ids = new ArrayList<>(IDS);
        for (int i = 0; i < IDS; i++) {
            ids.add(String.format(Locale.ROOT, "i%07d", i));
        }
        int rounds = settings.rounds() * RUNS_PER_ROUND;
        int warmupRounds = settings.warmupRounds() * RUNS_PER_ROUND;
        Map<Cell, List<Run>> runs = new LinkedHashMap<>();
        cells.forEach(cell -> runs.put(cell, new ArrayList<>()));
        long stubRequests;
        String stubStats;

        try (StubServer stub = new StubServer(LATENCY_MS, true); StubServer instant = new StubServer(0, true)) {
            System.out.println("== fan-out: stub at " + stub.baseUrl() + " holding each response " + LATENCY_MS + " ms; "
                               + rounds + " measured rounds after " + warmupRounds + " warm-up round(s)");
            CamelContext context = new DefaultCamelContext();
            KooPhoneComponent component = new KooPhoneComponent();
            component.getConfiguration().setEndpoint(stub.baseUrl());
            component.getConfiguration().setAuthToken(Target.TOKEN);
            context.addComponent("koophone", component);
            context.start();
            ProducerTemplate template = context.createProducerTemplate();
            try {
                long requestsBefore = 0;
                for (int round = 0; round < warmupRounds + rounds; round++) {
                    boolean warmup = round < warmupRounds;
                    if (round == warmupRounds) {
                        requestsBefore = stub.requests();
                    }
                    List<Cell> order = new ArrayList<>(cells);
                    Collections.rotate(order, -round);
                    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "-- round %d/%d%s:",
                            round + 1, warmupRounds + rounds, warmup ? " (warm-up)" : ""));
                    for (Cell cell : order) {
                        Run run = once(template, stub, cell, cell.uri(), ids, round - warmupRounds);
                        Run zero = once(template, instant, cell, cell.uri() + "&endpoint=" + instant.baseUrl(), ids, round - warmupRounds);
                        run = new Run(run.round(), run.millis(), run.maxInFlight(), zero.millis());
                        if (!warmup) {
                            runs.get(cell).add(run);
                        }
                        line.append(String.format(Locale.ROOT, " %s/%d/%d=%.0fms", cell.operation().charAt(0) == 'b' ? "R" : "C",
                                cell.maxBatchSize(), cell.batchConcurrency(), run.millis()));
                    }
                    System.out.println(line);
                }
                if (stub.unexpected() > 0) {
                    throw new IllegalStateException("the stub answered " + stub.unexpected() + " unexpected requests");
                }
                stubRequests = stub.requests() - requestsBefore;
                stubStats = stub.connectionStats();
            } finally {
                template.close();
                context.close();
            }
        }

        double loadAfter = Machine.loadAverage();
        double minutes = (System.nanoTime() - started) / 60e9;
        String markdown = markdown(date, cells, runs, rounds, warmupRounds, loadBefore, loadAfter, minutes, stubRequests, stubStats);
        System.out.println();
        System.out.println(markdown);
        Report.writeSection(settings.out(), SUITE, markdown);
    }

    private static Run once(ProducerTemplate template, StubServer stub, Cell cell, String uri, List<String> ids, int round) {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put(KooPhoneConstants.INSTANCE_IDS, ids);
        if (cell.operation().equals("asyncCommand")) {
            headers.put(KooPhoneConstants.COMMAND, Target.COMMAND);
        }
        stub.takeMaxInFlight();
        long requests = stub.requests();
        long t0 = System.nanoTime();
        Exchange exchange = template.request(uri, e -> headers.forEach(e.getMessage()::setHeader));
        long t1 = System.nanoTime();
        if (exchange.getException() != null) {
            throw new IllegalStateException(cell.label() + " failed", exchange.getException());
        }
        // every id must come back as a job, from exactly ceil(1000 / maxBatchSize) calls
        Object body = exchange.getMessage().getBody();
        if (!(body instanceof TaskResult task) || task.getCmdJobs() == null || task.getCmdJobs().size() != IDS) {
            throw new IllegalStateException(cell.label() + ": unexpected result " + body);
        }
        List<?> taskIds = exchange.getMessage().getHeader(KooPhoneConstants.TASK_IDS, List.class);
        if (taskIds == null || taskIds.size() != cell.calls() || stub.requests() - requests != cell.calls()) {
            throw new IllegalStateException(cell.label() + ": expected " + cell.calls() + " calls, the stub saw "
                                            + (stub.requests() - requests) + ", task ids " + taskIds);
        }
        return new Run(round, (t1 - t0) / 1e6, stub.takeMaxInFlight(), Double.NaN);
    }

    private String markdown(Instant date, List<Cell> cells, Map<Cell, List<Run>> runs, int rounds, int warmupRounds,
                            double loadBefore, double loadAfter, double minutes, long stubRequests, String stubStats) {
        StringBuilder md = new StringBuilder();
        Report.opening(md, "Fan-out", SUITE, date, minutes, settings.quick() ? "a smoke test with few rounds" : null);
        md.append("### How to read it\n\n");
        md.append(String.format(Locale.ROOT,
                "One exchange names %,d instance ids; the component splits it into ceil(%,d / `maxBatchSize`) calls and keeps at "
                + "most `batchConcurrency` of them in flight. The stub holds every response %d ms (a timer in its selector "
                + "loop, so held responses never block other connections) and answers with one job per id, and every run is "
                + "checked: %,d jobs back, from exactly the expected number of calls. **Ideal** is the time the calls take "
                + "when only the latency costs anything: they go out in waves of `batchConcurrency`, so "
                + "ceil(calls / `batchConcurrency`) × %d ms. The issue writes the formula without the second ceil "
                + "(ceil(%,d / `maxBatchSize`) / `batchConcurrency` × %d ms); the two differ only where the last wave is "
                + "partial (10 calls at concurrency 4: 3 waves = 150 ms, against 2.5 × 50 = 125 ms, which no client can "
                + "reach), so the target ratio ≤ %.1f× is judged against the waves and the literal ratio is shown beside "
                + "it. **× ideal** is the median over runs of wall ÷ ideal; wall times are medians too. **in flight**: the "
                + "most calls the stub held at once in a run (median over runs), which shows the cap is kept and reached. "
                + "**at 0 ms**: the same exchange, in the same round, against a second stub that answers at once: the "
                + "component's own time for the whole exchange (splitting, assembling, the hand-overs to the worker pool, "
                + "parsing and merging %,d jobs), which is what the latency case adds to the ideal at most.%n%n",
                IDS, IDS, LATENCY_MS, IDS, LATENCY_MS, IDS, LATENCY_MS, TARGET, IDS));

        Report.machine(md, loadBefore, loadAfter);
        md.append(String.format(Locale.ROOT,
                "- Runs: %d warm-up + %d measured per configuration (%d per round, configurations in an order rotated each "
                + "round); the component at its defaults (token auth, `maxConnections` 100, `trackTasks` on) but for "
                + "`maxBatchSize` and `batchConcurrency` on the endpoint URI%n",
                warmupRounds, rounds, RUNS_PER_ROUND));
        md.append(String.format(Locale.ROOT,
                "- Stub: the single-threaded NIO stub with a %d ms hold per response; %,d requests in the measured runs (%s)%n%n",
                LATENCY_MS, stubRequests, stubStats));

        md.append("### Results\n\n");
        md.append("| operation | maxBatchSize | batchConcurrency | calls | waves | ideal ms | wall ms (median) | wall ms (min–max) "
                  + "| × ideal | target ≤ 1.2× | literal ideal ms | × literal | in flight | at 0 ms |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|\n");
        for (Cell cell : cells) {
            List<Run> list = runs.get(cell);
            double[] millis = list.stream().mapToDouble(Run::millis).toArray();
            double wall = ProducerOverheadBenchmark.median(millis);
            double ratio = ProducerOverheadBenchmark.median(list.stream().mapToDouble(r -> r.millis() / cell.idealMillis()).toArray());
            double literal = ProducerOverheadBenchmark.median(list.stream().mapToDouble(r -> r.millis() / cell.literalIdealMillis()).toArray());
            double inFlight = ProducerOverheadBenchmark.median(list.stream().mapToDouble(Run::maxInFlight).toArray());
            double zero = ProducerOverheadBenchmark.median(list.stream().mapToDouble(Run::zeroLatencyMillis).toArray());
            md.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %.0f | %.1f | %.1f–%.1f | %.2f | %s | %.0f | %.2f | %.0f | %.1f |%n",
                    cell.operation(), cell.maxBatchSize(), cell.batchConcurrency(), cell.calls(), cell.waves(), cell.idealMillis(),
                    wall, min(millis), max(millis), ratio, ratio <= TARGET ? "met" : "**missed**", cell.literalIdealMillis(),
                    literal, inFlight, zero));
        }
        md.append('\n');
        double worst = cells.stream().mapToDouble(cell -> ProducerOverheadBenchmark.median(
                runs.get(cell).stream().mapToDouble(r -> r.millis() / cell.idealMillis()).toArray())).max().orElse(Double.NaN);
        double overhead = cells.stream().mapToDouble(cell -> ProducerOverheadBenchmark.median(
                runs.get(cell).stream().mapToDouble(r -> (r.millis() - cell.idealMillis()) / cell.waves()).toArray())).max().orElse(Double.NaN);
        md.append(String.format(Locale.ROOT,
                "Worst configuration: %.2f× ideal (target ≤ %.1f×: %s); the most the component added per wave of calls, "
                + "median over runs: %.1f ms (splitting, request assembly, the hand-over to the worker pool, reading and "
                + "merging %,d jobs).%n",
                worst, TARGET, worst <= TARGET ? "met" : "**missed**", overhead, IDS));
        return md.toString();
    }

    private static double min(double[] values) {
        double m = Double.POSITIVE_INFINITY;
        for (double v : values) {
            m = Math.min(m, v);
        }
        return m;
    }

    private static double max(double[] values) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            m = Math.max(m, v);
        }
        return m;
    }
}
