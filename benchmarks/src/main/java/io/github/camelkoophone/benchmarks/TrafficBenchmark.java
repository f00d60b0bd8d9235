package io.github.camelkoophone.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import io.github.camelkoophone.component.koophone.KooPhoneComponent;
import io.github.camelkoophone.component.koophone.KooPhoneConfiguration;
import io.github.camelkoophone.component.koophone.KooPhoneConstants;
import io.github.camelkoophone.simulator.KooPhoneSimulator;
import io.github.camelkoophone.simulator.faults.Fault;
import io.github.camelkoophone.simulator.journal.JournalEntry;
import io.github.camelkoophone.simulator.journal.OperationCounter;
import io.github.camelkoophone.simulator.state.SimJob;
import io.github.camelkoophone.simulator.state.SimTask;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Traffic shaping against the simulator (in this JVM, over loopback), each measure twice: as the component behaved
 * before it shaped traffic ({@code rateLimitMode=none}, {@code retryQuota=0}, every task asked about at every poll)
 * and at its defaults. Three workloads: 20 threads flooding a gateway limited to {@link #LIMIT} requests per second;
 * an outage (every call 503); and a steady stream of short and long tasks followed by {@code koophone:tasks}.
 */
final class TrafficBenchmark {

    static final String SUITE = "traffic";
    static final int LIMIT = 100;
    static final int LIMIT_BURST = 10;
    static final int THREADS = 20;
    static final int OUTAGE_CALLS = 400;
    /** The tasks' times are the divided by this: 2-20 s and 60-300 s become 0.2-2 s and 6-30 s. */
    static final int SCALE = 10;
    /** A short and a long task start every this often. */
    static final long STREAM_EVERY_MS = 6_000 / SCALE;
    static final long POLL_DELAY_MS = 2_000 / SCALE;
    static final long MAX_POLL_INTERVAL_MS = 30_000 / SCALE;

    /** How the component is configured for a variant. */
    enum Variant {
        BEFORE("before (none, no budget, every poll)", c -> {
            c.setRateLimitMode("none");
            c.setRetryQuota(0);
            c.setMaxPollInterval(0);
        }),
        SHAPED("defaults (adaptive, budget 500, adaptive polling)", c -> c.setMaxPollInterval(MAX_POLL_INTERVAL_MS));

        final String label;
        final Consumer<KooPhoneConfiguration> options;

        Variant(String label, Consumer<KooPhoneConfiguration> options) {
            this.label = label;
            this.options = options;
        }
    }

    record Flood(double goodput, double throttledShare, long failed, long exchanges) {
    }

    record Outage(double requestsPerCallDrained, long requests) {
    }

    /**
     * @param shortLagP99Ms  p99 of the short tasks' event lag, whose bound is the delay
     * @param longLagP99Share p99 of the long tasks' event lag as a share of the task's duration, whose bound is 10%
     */
    record Polling(double getTasksPerTask, double shortLagP99Ms, double longLagP99Share, double shareOverBound,
                   int events) {
    }

    private final Settings settings;
    private final Duration floodTime;
    private final int streamTasks;

    TrafficBenchmark(Settings settings) {
        this.settings = settings;
        this.floodTime = settings.quick() ? Duration.ofSeconds(8) : Duration.ofSeconds(30);
        this.streamTasks = settings.quick() ? 40 : 200;
    }

    void run() throws Exception {
        long started = System.nanoTime();
        double loadBefore = Machine.loadAverage();
        Instant date = Instant.now();
        Map<Variant, Flood> floods = new HashMap<>();
        Map<Variant, Outage> outages = new HashMap<>();
        Map<Variant, Polling> pollings = new HashMap<>();
        for (Variant variant : Variant.values()) {
            floods.put(variant, flood(variant));
            System.out.println(variant + " " + floods.get(variant));
            outages.put(variant, outage(variant));
            System.out.println(variant + " " + outages.get(variant));
            pollings.put(variant, polling(variant));
            System.out.println(variant + " " + pollings.get(variant));
        }
        double minutes = (System.nanoTime() - started) / 60e9;
        Report.writeSection(settings.out(), SUITE, markdown(date, minutes, loadBefore, Machine.loadAverage(), floods,
                outages, pollings));
    }

    private static KooPhoneSimulator.Builder simulator() {
        return KooPhoneSimulator.builder().port(0).instances(200).seed(42).busyCheck(false).journalCapacity(500_000);
    }

    private static CamelContext camel(KooPhoneSimulator sim, Variant variant, Consumer<KooPhoneConfiguration> more)
            throws Exception {
        CamelContext context = new DefaultCamelContext();
        KooPhoneComponent component = new KooPhoneComponent();
        KooPhoneConfiguration c = component.getConfiguration();
        c.setEndpoint(sim.url());
        c.setAuthToken(sim.staticToken());
        c.setTrackTasks(false);
        variant.options.accept(c);
        more.accept(c);
        context.addComponent("koophone", component);
        return context;
    }

    // ------------------------------------------------------------------ flood

    /** 20 threads calling as fast as they can into a gateway limited to LIMIT per second, for floodTime. */
    private Flood flood(Variant variant) throws Exception {
        try (KooPhoneSimulator sim = simulator().rateLimit(LIMIT, LIMIT_BURST).start();
             CamelContext context = camel(sim, variant, c -> { })) {
            context.start();
            ProducerTemplate template = context.createProducerTemplate();
            List<String> ids = sim.inventory().ids().subList(0, 2);
            long end = System.nanoTime() + floodTime.toNanos();
            long measureFrom = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
            AtomicLong ok = new AtomicLong();
            AtomicLong failed = new AtomicLong();
            AtomicLong okMeasured = new AtomicLong();
            OperationCounter[] atOneSecond = new OperationCounter[1];
            ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
            try {
                pool.submit(() -> {
                    sleepUntil(measureFrom);
                    atOneSecond[0] = sim.journal().counters().get("batchQueryStatus");
                    return null;
                });
                List<Future<?>> threads = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    threads.add(pool.submit(() -> {
                        while (System.nanoTime() < end) {
                            Exchange out = template.send("koophone:batchQueryStatus",
                                    e -> e.getMessage().setHeader(KooPhoneConstants.INSTANCE_IDS, ids));
                            boolean measured = System.nanoTime() >= measureFrom;
                            if (out.getException() == null) {
                                ok.incrementAndGet();
                                if (measured) {
                                    okMeasured.incrementAndGet();
                                }
                            } else {
                                failed.incrementAndGet();
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> thread : threads) {
                    thread.get();
                }
            } finally {
                pool.shutdownNow();
            }
            OperationCounter total = sim.journal().counters().get("batchQueryStatus");
            OperationCounter first = atOneSecond[0] == null ? new OperationCounter(0, 0, 0, 0) : atOneSecond[0];
            long attempts = total.requests() - first.requests();
            long throttled = total.throttled() - first.throttled();
            double seconds = (floodTime.toMillis() - 1_000) / 1000.0;
            return new Flood(okMeasured.get() / seconds, attempts == 0 ? 0 : throttled / (double) attempts, failed.get(),
                    ok.get() + failed.get());
        }
    }

    // ------------------------------------------------------------------ outage

    /** Every call answered 503: requests sent per call over the second half, once a budget would have drained. */
    private Outage outage(Variant variant) throws Exception {
        try (KooPhoneSimulator sim = simulator().start();
             CamelContext context = camel(sim, variant, c -> {
                 c.setRetryDelay(1); // the count matters here, not the backoff
                 c.setMaxRetryDelay(10);
             })) {
            context.start();
            sim.faults().add(Fault.on("batchQueryStatus").httpStatus(503));
            ProducerTemplate template = context.createProducerTemplate();
            List<String> ids = sim.inventory().ids().subList(0, 2);
            long half = 0;
            for (int i = 0; i < OUTAGE_CALLS; i++) {
                if (i == OUTAGE_CALLS / 2) {
                    half = sim.journal().count("batchQueryStatus");
                }
                template.send("koophone:batchQueryStatus", e -> e.getMessage().setHeader(KooPhoneConstants.INSTANCE_IDS, ids));
            }
            long all = sim.journal().count("batchQueryStatus");
            return new Outage((all - half) / (double) (OUTAGE_CALLS / 2), all);
        }
    }

    // ------------------------------------------------------------------ polling

    /**
     * A steady stream: every {@link #STREAM_EVERY_MS} a short task (asyncCommand) and a long one (batchReset), each on its own phone, followed by koophone:tasks; GetTask calls per task and the lag
     * of each job event behind the job's end.
     */
    private Polling polling(Variant variant) throws Exception {
        Map<String, Long> receivedAt = new ConcurrentHashMap<>();
        try (KooPhoneSimulator sim = simulator().start();
             CamelContext context = camel(sim, variant, c -> c.setTrackTasks(true))) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("koophone:tasks?initialDelay=0&delay=" + POLL_DELAY_MS)
                            .process(e -> receivedAt.put(e.getMessage().getHeader(KooPhoneConstants.JOB_ID, String.class),
                                    System.currentTimeMillis()));
                }
            });
            context.start();
            ProducerTemplate template = context.createProducerTemplate();
            List<String> phones = sim.inventory().ids();
            int pairs = streamTasks / 2;
            for (int i = 0; i < pairs; i++) {
                sim.settings().taskDuration(Duration.ofMillis(2_000 / SCALE)).taskDurationMax(Duration.ofMillis(20_000 / SCALE));
                start(template, "koophone:asyncCommand", phones.get(2 * i), true);
                sim.settings().taskDurationMax(Duration.ofMillis(300_000 / SCALE)).taskDuration(Duration.ofMillis(60_000 / SCALE));
                start(template, "koophone:batchReset", phones.get(2 * i + 1), false);
                Thread.sleep(STREAM_EVERY_MS);
            }
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (receivedAt.size() < streamTasks && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            List<Double> shortLags = new ArrayList<>();
            List<Double> longShares = new ArrayList<>();
            int over = 0;
            for (SimTask task : sim.tasks().all()) {
                for (SimJob job : task.jobs()) {
                    Long at = receivedAt.get(job.jobId());
                    if (at == null) {
                        continue;
                    }
                    double lag = at - job.finishAt().toEpochMilli();
                    double duration = job.finishAt().toEpochMilli() - task.createdAt().toEpochMilli();
                    if ("batchReset".equals(task.operation())) {
                        longShares.add(lag / duration);
                    } else {
                        shortLags.add(lag);
                    }
                    over += lag > Math.max(POLL_DELAY_MS, duration / 10) ? 1 : 0;
                }
            }
            long getTasks = sim.journal().count("getTask");
            return new Polling(getTasks / (double) sim.tasks().all().size(), p99(shortLags), p99(longShares),
                    over / (double) Math.max(1, receivedAt.size()), receivedAt.size());
        }
    }

    private static double p99(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1);
    }

    private static void start(ProducerTemplate template, String uri, String phone, boolean command) {
        Exchange out = template.send(uri, e -> {
            e.getMessage().setHeader(KooPhoneConstants.INSTANCE_IDS, List.of(phone));
            if (command) {
                e.getMessage().setHeader(KooPhoneConstants.COMMAND, "ls");
            }
        });
        if (out.getException() != null) {
            throw new IllegalStateException("could not start a task", out.getException());
        }
    }

    private static void sleepUntil(long nanos) throws InterruptedException {
        long left = nanos - System.nanoTime();
        if (left > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }

    // ------------------------------------------------------------------ report

    private String markdown(Instant date, double minutes, double loadBefore, double loadAfter, Map<Variant, Flood> floods,
                            Map<Variant, Outage> outages, Map<Variant, Polling> pollings) {
        StringBuilder md = new StringBuilder();
        Report.opening(md, "Traffic", SUITE, date, minutes, settings.quick() ? "shorter flood, fewer tasks" : null);
        md.append("### How to read it\n\n");
        md.append("Each measure is taken twice in one run, with the simulator in this JVM over loopback: **before**, the "
                  + "component as it behaved before it shaped traffic (`rateLimitMode=none`, `retryQuota=0`, every task "
                  + "asked about at every poll), and at its **defaults** (adaptive rate limit, retry budget 500, "
                  + "adaptive polling). Retries are at their defaults (`maxRetries` 3, `retryDelay` 500 ms, "
                  + "`maxRetryDelay` 30 s, `Retry-After` honoured) but in the outage, where only the count matters.\n\n");
        md.append(String.format(Locale.ROOT, "- **Flood**: %d threads call `batchQueryStatus` as fast as they can for "
                  + "%d s; the simulator's gateway allows %d requests per second (burst %d) and answers 429 `APIGW.0308` "
                  + "with `Retry-After` beyond. Goodput: successful exchanges per second after the first second; 429 "
                  + "share: of the requests the gateway received after the first second; failed: exchanges that ended "
                  + "with an exception.%n", THREADS, floodTime.toSeconds(), LIMIT, LIMIT_BURST));
        md.append(String.format(Locale.ROOT, "- **Outage**: every call answered 503; %d calls one after another; requests "
                  + "the simulator received per call over the second half (by then a budget of 500 has paid for its 100 "
                  + "retries).%n", OUTAGE_CALLS));
        md.append(String.format(Locale.ROOT, "- **Polling**: a steady stream of %d tasks, one short (asyncCommand, "
                  + "%.1f-%.0f s) and one long (batchReset, %.0f-%.0f s) every %,d ms, the issue's 2-20 s and 60-300 s "
                  + "divided by %d, as are `delay` (%d ms) and `maxPollInterval` (%d ms); GetTask calls per task, and "
                  + "each job event's lag behind the job's end. A short task's bound is the delay, a long one's a tenth "
                  + "of its duration. Polls start every `delay` and spread their queries over three quarters of it; a "
                  + "poll with before's many queries takes longer than that here, so before asks less often than "
                  + "duration / delay, and neither variant holds the short tasks to the delay itself: the target is "
                  + "to hold their lag where it was.%n%n",
                streamTasks, 2.0 / SCALE, 20.0 / SCALE, 60.0 / SCALE, 300.0 / SCALE, STREAM_EVERY_MS, SCALE,
                POLL_DELAY_MS, MAX_POLL_INTERVAL_MS));
        Report.machine(md, loadBefore, loadAfter);
        md.append('\n');
        md.append("### Results\n\n| measure | before | defaults | target | |\n|---|---:|---:|---|---|\n");
        Flood fb = floods.get(Variant.BEFORE);
        Flood fs = floods.get(Variant.SHAPED);
        row(md, "goodput at " + LIMIT + " req/s allowed (exchanges/s)", fmt(fb.goodput()), fmt(fs.goodput()),
                "≥ " + fmt(0.9 * LIMIT), fs.goodput() >= 0.9 * LIMIT);
        row(md, "share of requests answered 429 after the first second", pct(fb.throttledShare()), pct(fs.throttledShare()),
                "≤ 2%", fs.throttledShare() <= 0.02);
        row(md, "exchanges failed (of " + fb.exchanges() + " / " + fs.exchanges() + ")", Long.toString(fb.failed()),
                Long.toString(fs.failed()), "0", fs.failed() == 0);
        Outage ob = outages.get(Variant.BEFORE);
        Outage os = outages.get(Variant.SHAPED);
        row(md, "requests per call in a 100% 503 outage, budget drained", fmt2(ob.requestsPerCallDrained()),
                fmt2(os.requestsPerCallDrained()), "≤ 1.1", os.requestsPerCallDrained() <= 1.1);
        Polling pb = pollings.get(Variant.BEFORE);
        Polling ps = pollings.get(Variant.SHAPED);
        row(md, "GetTask calls per task, mixed workload", fmt(pb.getTasksPerTask()), fmt(ps.getTasksPerTask()),
                "≤ ¼ of before (" + fmt(pb.getTasksPerTask() / 4) + ")", ps.getTasksPerTask() <= pb.getTasksPerTask() / 4);
        row(md, "event lag p99 of the short tasks (ms)", fmt(pb.shortLagP99Ms()), fmt(ps.shortLagP99Ms()),
                "delay (" + POLL_DELAY_MS + "): as before, ±10%", ps.shortLagP99Ms() <= 1.1 * Math.max(POLL_DELAY_MS, pb.shortLagP99Ms()));
        row(md, "event lag p99 of the long tasks, share of duration", pct(pb.longLagP99Share()),
                pct(ps.longLagP99Share()), "≤ 10%", ps.longLagP99Share() <= 0.10);
        row(md, "events later than max(delay, 10% of duration)", pct(pb.shareOverBound()), pct(ps.shareOverBound()),
                "", true);
        md.append('\n');
        md.append(Report.changes(SUITE));
        return md.toString();
    }

    private static void row(StringBuilder md, String measure, String before, String shaped, String target, boolean met) {
        md.append("| ").append(measure).append(" | ").append(before).append(" | ").append(shaped).append(" | ")
                .append(target).append(" | ").append(target.isEmpty() ? "" : met ? "met" : "**missed**").append(" |\n");
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%,.1f", value);
    }

    private static String fmt2(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String pct(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }
}
