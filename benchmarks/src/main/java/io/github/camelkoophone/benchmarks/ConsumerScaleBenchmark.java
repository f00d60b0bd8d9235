package io.github.camelkoophone.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import javax.management.ObjectName;

import io.github.camelkoophone.component.koophone.KooPhoneComponent;
import io.github.camelkoophone.component.koophone.KooPhoneConstants;
import io.github.camelkoophone.component.koophone.KooPhoneEndpoint;
import io.github.camelkoophone.component.koophone.KooPhoneOperation;
import io.github.camelkoophone.component.koophone.model.CmdJob;
import io.github.camelkoophone.component.koophone.model.TaskResult;
import io.github.camelkoophone.component.koophone.KooPhoneTasksConsumer;
import io.github.camelkoophone.component.cloud.tasks.TaskRegistration;
import io.github.camelkoophone.simulator.KooPhoneSimulator;
import io.github.camelkoophone.simulator.journal.OperationCounter;
import io.github.camelkoophone.simulator.state.SimJob;
import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.PollingConsumerPollStrategy;

/**
 * Issue item 3, consumer scale: one {@code koophone:tasks} consumer following 10,000 pending tasks against the
 * simulator in the same JVM. Retained heap per task, GetTask calls per poll, the time one poll takes, and the
 * latency from a job's completion (a simulator-clock instant) to its event.
 */
final class ConsumerScaleBenchmark {

    static final String SUITE = "consumer";
    static final double TARGET_HEAP_BYTES = 1024;
    /** Tasks that must not finish while the suite runs. */
    static final Duration LONG = Duration.ofHours(100);
    /**
     * The poll-cycle phase polls nearly back to back (a short fixed delay, so nothing is paced): the time it takes to
     * ask about every task once as fast as the consumer can.
     */
    static final long CYCLE_PHASE_DELAY = 250;
    /** The latency-bound check: what the simulator adds to every GetTask, and the pollConcurrency used. */
    static final Duration ADDED_LATENCY = Duration.ofMillis(20);
    static final int ADDED_LATENCY_CONCURRENCY = 50;
    /** How far ahead of the first probe's completion the clock is set when a latency phase starts. */
    static final Duration LEAD = Duration.ofSeconds(1);
    static final int[] CONCURRENCY = {10, 50};
    static final String COMMAND = "echo koophone";
    /** Every task asked about at every poll (no adaptive schedule): the suite measures what one poll costs. */
    static final String EVERY_POLL = "maxPollInterval=0";

    private final Settings settings;
    private final int tasks;
    private final int probesPerPhase;
    private final Duration window;
    private final int runs;
    private final int pollsPerRun;

    ConsumerScaleBenchmark(Settings settings) {
        this.settings = settings;
        this.tasks = Integer.getInteger("tasks", settings.quick() ? 2_000 : 10_000);
        this.probesPerPhase = tasks / 10;
        this.window = settings.quick() ? Duration.ofSeconds(10) : Duration.ofSeconds(30);
        this.runs = settings.quick() ? 1 : 3;
        this.pollsPerRun = settings.quick() ? 2 : 3;
    }

    // ------------------------------------------------------------------ the created tasks

    /**
     * Task, job and instance ids of the created tasks, kept as bytes: registering one makes fresh strings that only
     * the consumer holds, as when a producer's result has been discarded, so the heap it retains is counted in full.
     */
    static final class CreatedTasks {
        final byte[][] taskIds;
        final byte[][] jobIds;
        final byte[][] instanceIds;

        CreatedTasks(int n) {
            taskIds = new byte[n][];
            jobIds = new byte[n][];
            instanceIds = new byte[n][];
        }

        void set(int i, TaskResult task) {
            CmdJob job = task.getCmdJobs().get(0);
            taskIds[i] = task.getTaskId().getBytes(StandardCharsets.ISO_8859_1);
            jobIds[i] = job.getJobId().getBytes(StandardCharsets.ISO_8859_1);
            instanceIds[i] = job.getInstanceId().getBytes(StandardCharsets.ISO_8859_1);
        }

        String taskId(int i) {
            return new String(taskIds[i], StandardCharsets.ISO_8859_1);
        }

        /** What koophone:asyncCommand registers for a task it started, made of new strings. */
        TaskRegistration registration(int i) {
            return new TaskRegistration(taskId(i), KooPhoneOperation.asyncCommand,
                    new String[] {new String(jobIds[i], StandardCharsets.ISO_8859_1)},
                    new String[] {new String(instanceIds[i], StandardCharsets.ISO_8859_1)});
        }
    }

    // ------------------------------------------------------------------ poll timing

    /** One poll as the poll strategy saw it. */
    record Poll(long startNanos, double millis, long getTasks, int trackedBefore, int events, boolean failed) {
    }

    /**
     * Times every poll of a consumer (Camel calls begin before poll() and commit after it returned), counts the
     * GetTask requests the simulator received meanwhile, and can hold the poll thread once, right after a poll,
     * so the heap can be measured while the consumer is idle.
     */
    static final class PollTimer implements PollingConsumerPollStrategy {
        private final KooPhoneSimulator sim;
        final List<Poll> polls = Collections.synchronizedList(new ArrayList<>());
        private long start;
        private long callsBefore;
        private int trackedBefore;
        private volatile CountDownLatch idle;
        private volatile CountDownLatch resume;

        PollTimer(KooPhoneSimulator sim) {
            this.sim = sim;
        }

        /** Makes the next poll wait, once it is done, until {@link #release()}; returns a latch counted down then. */
        CountDownLatch holdAfterNextPoll() {
            resume = new CountDownLatch(1);
            idle = new CountDownLatch(1);
            return idle;
        }

        void release() {
            resume.countDown();
        }

        @Override
        public boolean begin(Consumer consumer, Endpoint endpoint) {
            trackedBefore = ((KooPhoneTasksConsumer) consumer).getPendingTasks();
            callsBefore = getTasks(sim);
            start = System.nanoTime();
            return true;
        }

        @Override
        public void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
            polls.add(new Poll(start, (System.nanoTime() - start) / 1e6, getTasks(sim) - callsBefore, trackedBefore,
                    polledMessages, false));
            pauseIfAsked();
        }

        @Override
        public boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception cause) {
            polls.add(new Poll(start, (System.nanoTime() - start) / 1e6, getTasks(sim) - callsBefore, trackedBefore, 0, true));
            System.out.println("   !! poll failed: " + cause);
            pauseIfAsked();
            return false;
        }

        private void pauseIfAsked() {
            CountDownLatch signal = idle;
            if (signal != null) {
                idle = null;
                signal.countDown();
                try {
                    resume.await(5, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    static long getTasks(KooPhoneSimulator sim) {
        OperationCounter counter = sim.journal().counters().get("getTask");
        return counter == null ? 0 : counter.requests();
    }

    // ------------------------------------------------------------------ results

    /** Heap of one run: used heap after GC before registering, after registering, and after the first poll. */
    record HeapSample(int concurrency, long before, long registered, long afterPoll, Map<String, long[]> histogramDelta) {
        double registeredPerTask(int tasks) {
            return (registered - before) / (double) tasks;
        }

        double afterPollPerTask(int tasks) {
            return (afterPoll - before) / (double) tasks;
        }
    }

    /** One latency phase: per probe latency in ms, the polls meanwhile, and the tasks tracked when it started. */
    record LatencyPhase(int concurrency, double[] latencies, int missing, List<Poll> polls, int tracked, long delay) {
    }

    void run() throws Exception {
        long started = System.nanoTime();
        double loadBefore = Machine.loadAverage();
        Instant date = Instant.now();
        int longTasks = tasks - CONCURRENCY.length * probesPerPhase;
        CreatedTasks created = new CreatedTasks(tasks);
        Instant[] finishAt = new Instant[tasks];

        try (KooPhoneSimulator sim = KooPhoneSimulator.builder().port(0).instances(100).seed(6).journalCapacity(16)
                .taskDuration(LONG).start()) {
            System.out.printf(Locale.ROOT, "== consumer scale: simulator at %s, %,d tasks (%,d finishing in the latency phases)%n",
                    sim.url(), tasks, tasks - longTasks);
            Machine.describe().forEach(line -> System.out.println("   " + line));

            // --- create the tasks in the simulator (not tracked: the consumers get them registered later)
            long t0 = System.nanoTime();
            List<String> phones = sim.inventory().ids();
            double[] roundTrip;
            try (Camel camel = new Camel(sim, null, null, null)) {
                ExecutorService pool = Executors.newFixedThreadPool(4);
                try {
                    List<Future<?>> futures = new ArrayList<>();
                    for (int t = 0; t < 4; t++) {
                        int first = t;
                        futures.add(pool.submit(() -> {
                            for (int i = first; i < longTasks; i += 4) {
                                created.set(i, create(camel.template, phones.get(i % phones.size())));
                            }
                            return null;
                        }));
                    }
                    for (Future<?> f : futures) {
                        f.get();
                    }
                } finally {
                    pool.shutdownNow();
                }
                // probes: phase k's finish, by the simulated clock, (k + 1) hours ahead, spread evenly over the window
                Instant base = sim.clock().instant();
                for (int k = 0; k < CONCURRENCY.length; k++) {
                    for (int j = 0; j < probesPerPhase; j++) {
                        int i = longTasks + k * probesPerPhase + j;
                        Instant target = base.plus(Duration.ofHours(k + 1)).plus(window.multipliedBy(j).dividedBy(probesPerPhase));
                        sim.settings().taskDuration(Duration.between(sim.clock().instant(), target));
                        created.set(i, create(camel.template, phones.get(i % phones.size())));
                    }
                }
                sim.settings().taskDuration(LONG);
                for (int i = longTasks; i < tasks; i++) {
                    SimJob job = sim.tasks().get(created.taskId(i)).orElseThrow().jobs().get(0);
                    finishAt[i] = job.finishAt();
                }
                System.out.printf(Locale.ROOT, "   created %,d tasks in %.1f s%n", tasks, (System.nanoTime() - t0) / 1e9);
                roundTrip = roundTrip(camel.template, created.taskId(0));
                System.out.printf(Locale.ROOT, "   GetTask round trip through the component: median %.2f ms, p99 %.2f ms%n",
                        percentile(roundTrip, 50), percentile(roundTrip, 99));
            }

            // --- heap and poll cycles: fresh consumers, each given every task, concurrency interleaved over runs
            List<HeapSample> heap = new ArrayList<>();
            Map<Integer, List<Poll>> cycles = new LinkedHashMap<>();
            for (int c : CONCURRENCY) {
                cycles.put(c, new ArrayList<>());
            }
            for (int run = 0; run < runs; run++) {
                List<Integer> order = new ArrayList<>(Arrays.stream(CONCURRENCY).boxed().toList());
                Collections.rotate(order, -run);
                for (int c : order) {
                    heap.add(cycleRun(sim, created, c, run, cycles.get(c)));
                }
            }

            // --- latency-bound: the same polls with a round trip the network would add
            List<Poll> slow = slowPolls(sim, created);

            // --- latency: default delay; probes of phase k finish over the window while the rest keep running
            List<LatencyPhase> latency = new ArrayList<>();
            for (int k = 0; k < CONCURRENCY.length; k++) {
                latency.add(latencyPhase(sim, created, finishAt, longTasks, k));
            }

            double loadAfter = Machine.loadAverage();
            double minutes = (System.nanoTime() - started) / 60e9;
            String markdown = markdown(date, heap, cycles, slow, latency, roundTrip, loadBefore, loadAfter, minutes);
            System.out.println();
            System.out.println(markdown);
            Report.writeSection(settings.out(), SUITE, markdown);
        }
    }

    private static TaskResult create(ProducerTemplate template, String phone) {
        Map<String, Object> headers = Map.of(KooPhoneConstants.INSTANCE_IDS, List.of(phone), KooPhoneConstants.COMMAND, COMMAND);
        TaskResult task = template.requestBodyAndHeaders("koophone:asyncCommand?trackTasks=false", null, headers, TaskResult.class);
        if (task == null || task.getTaskId() == null || task.getCmdJobs() == null || task.getCmdJobs().size() != 1) {
            throw new IllegalStateException("unexpected asyncCommand result " + task);
        }
        return task;
    }

    /** GetTask through the component, one at a time, with nothing else running: ms per call. */
    private double[] roundTrip(ProducerTemplate template, String taskId) {
        int warmup = 200;
        int measured = settings.quick() ? 200 : 500;
        double[] millis = new double[measured];
        for (int i = 0; i < warmup + measured; i++) {
            long t0 = System.nanoTime();
            template.requestBodyAndHeader("koophone:getTask", null, KooPhoneConstants.TASK_ID, taskId);
            if (i >= warmup) {
                millis[i - warmup] = (System.nanoTime() - t0) / 1e6;
            }
        }
        return millis;
    }

    /** A Camel context on the simulator, optionally with a koophone:tasks route. */
    static final class Camel implements AutoCloseable {
        final CamelContext context;
        final KooPhoneComponent component;
        final ProducerTemplate template;
        KooPhoneTasksConsumer consumer;

        Camel(KooPhoneSimulator sim, String consumerUri, PollTimer timer, Processor onEvent) throws Exception {
            context = new DefaultCamelContext();
            component = new KooPhoneComponent();
            component.getConfiguration().setEndpoint(sim.url());
            component.getConfiguration().setAuthToken(sim.staticToken());
            context.addComponent("koophone", component);
            if (timer != null) {
                context.getRegistry().bind("pollTimer", timer);
            }
            context.start();
            template = context.createProducerTemplate();
            consumer = consumerUri == null ? null : addConsumer("events", consumerUri, onEvent);
        }

        KooPhoneTasksConsumer addConsumer(String routeId, String uri, Processor onEvent) throws Exception {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(uri).routeId(routeId).process(onEvent);
                }
            });
            return (KooPhoneTasksConsumer) context.getRoute(routeId).getConsumer();
        }

        /**
         * Leaves what a poll at this concurrency leaves in the component and the simulator, so the heap measured
         * before registering already has it: a throwaway consumer polls a share of the tasks once, unpaced, and is
         * removed (the component's worker threads and pooled connections stay, as do the simulator's handler threads
         * and buffers in this JVM).
         */
        void warmUp(KooPhoneSimulator sim, CreatedTasks created, int concurrency, int count) throws Exception {
            PollTimer warm = new PollTimer(sim);
            context.getRegistry().bind("warmTimer", warm);
            KooPhoneTasksConsumer throwaway = addConsumer("warm-up", "koophone:tasks?" + EVERY_POLL + "&startScheduler=false&pollConcurrency="
                    + concurrency + "&useFixedDelay=true&pollStrategy=#warmTimer", exchange -> { });
            registerAll(created, 0, count);
            throwaway.startScheduler();
            await(() -> warm.polls.size() >= 1, Duration.ofMinutes(10), "the warm-up poll");
            context.getRouteController().stopRoute("warm-up");
            context.removeRoute("warm-up");
        }

        void registerAll(CreatedTasks created, int from, int to) {
            for (int i = from; i < to; i++) {
                component.localTaskLog().append("koophone", created.registration(i));
            }
        }

        @Override
        public void close() throws Exception {
            template.close();
            context.close();
        }
    }

    /**
     * One consumer at one pollConcurrency: heap before registering every task, after, and after its first poll
     * (the consumer held idle right after it); then {@link #pollsPerRun} more polls, timed.
     */
    private HeapSample cycleRun(KooPhoneSimulator sim, CreatedTasks created, int concurrency, int run, List<Poll> sink)
            throws Exception {
        PollTimer timer = new PollTimer(sim);
        AtomicInteger events = new AtomicInteger();
        String uri = "koophone:tasks?" + EVERY_POLL + "&startScheduler=false&pollConcurrency=" + concurrency + "&delay=" + CYCLE_PHASE_DELAY
                     + "&useFixedDelay=true&pollStrategy=#pollTimer";
        try (Camel camel = new Camel(sim, null, timer, null)) {
            boolean histogram = run == 0;
            camel.warmUp(sim, created, concurrency, Math.min(tasks, 2_000));
            camel.consumer = camel.addConsumer("events", uri, exchange -> events.incrementAndGet());
            java.nio.file.Path h0 = histogram ? histogramToFile() : null;
            long before = usedHeapAfterGc();
            camel.registerAll(created, 0, tasks);
            if (camel.consumer.getPendingTasks() != tasks) {
                throw new IllegalStateException("the consumer follows " + camel.consumer.getPendingTasks() + " tasks, not " + tasks);
            }
            long registered = usedHeapAfterGc();
            CountDownLatch idle = timer.holdAfterNextPoll();
            camel.consumer.startScheduler();
            if (!idle.await(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("no poll within 10 minutes");
            }
            long afterPoll = usedHeapAfterGc();
            Map<String, long[]> h1 = histogram ? histogram(histogramText()) : null;
            timer.release();
            await(() -> timer.polls.size() >= 1 + pollsPerRun, Duration.ofMinutes(10), "polls");
            camel.consumer.getEndpoint().getCamelContext().getRouteController().stopRoute("events");
            List<Poll> polls = new ArrayList<>(timer.polls);
            if (events.get() > 0) {
                throw new IllegalStateException(events.get() + " events where no task had finished");
            }
            sink.addAll(polls.subList(1, polls.size()));
            Poll first = polls.get(0);
            System.out.printf(Locale.ROOT, "   run %d, pollConcurrency %d: heap %+.0f B/task registered, %+.0f B/task after the first poll; "
                                           + "polls %s ms (first %.0f), GetTask per poll %s%n",
                    run + 1, concurrency, (registered - before) / (double) tasks, (afterPoll - before) / (double) tasks,
                    polls.subList(1, polls.size()).stream().map(p -> String.format(Locale.ROOT, "%.0f", p.millis())).toList(),
                    first.millis(), polls.stream().map(Poll::getTasks).toList());
            return new HeapSample(concurrency, before, registered, afterPoll, histogram ? delta(histogram(readAndDelete(h0)), h1) : null);
        }
    }

    /** Two unpaced polls with {@link #ADDED_LATENCY} added to every GetTask by the simulator. */
    private List<Poll> slowPolls(KooPhoneSimulator sim, CreatedTasks created) throws Exception {
        PollTimer timer = new PollTimer(sim);
        String uri = "koophone:tasks?" + EVERY_POLL + "&startScheduler=false&pollConcurrency=" + ADDED_LATENCY_CONCURRENCY + "&delay="
                     + CYCLE_PHASE_DELAY + "&useFixedDelay=true&pollStrategy=#pollTimer";
        sim.faults().add(io.github.camelkoophone.simulator.faults.Fault.on("getTask").latency(ADDED_LATENCY));
        try (Camel camel = new Camel(sim, uri, timer, exchange -> { })) {
            KooPhoneTasksConsumer consumer = camel.consumer;
            camel.registerAll(created, 0, tasks);
            consumer.startScheduler();
            await(() -> timer.polls.size() >= 2, Duration.ofMinutes(10), "polls with added latency");
            camel.context.getRouteController().stopRoute("events");
            List<Poll> polls = new ArrayList<>(timer.polls);
            System.out.printf(Locale.ROOT, "   +%d ms per GetTask, pollConcurrency %d: polls %s ms (%,d tasks x %d ms / %d = %,d ms)%n",
                    ADDED_LATENCY.toMillis(), ADDED_LATENCY_CONCURRENCY,
                    polls.stream().map(p -> String.format(Locale.ROOT, "%.0f", p.millis())).toList(), tasks,
                    ADDED_LATENCY.toMillis(), ADDED_LATENCY_CONCURRENCY, tasks * ADDED_LATENCY.toMillis() / ADDED_LATENCY_CONCURRENCY);
            return polls;
        } finally {
            sim.faults().clear();
        }
    }

    /**
     * The probes of phase {@code k} finish over the window, by the simulated clock moved so the first one finishes
     * {@link #LEAD} from now; every other registered task keeps running. Latency: event arrival minus the wall-clock
     * instant of the job's completion (its simulated finish time less the clock's offset).
     */
    private LatencyPhase latencyPhase(KooPhoneSimulator sim, CreatedTasks created, Instant[] finishAt, int longTasks, int k)
            throws Exception {
        int concurrency = CONCURRENCY[k];
        PollTimer timer = new PollTimer(sim);
        Map<String, Instant> arrivals = new ConcurrentHashMap<>();
        String uri = "koophone:tasks?" + EVERY_POLL + "&pollConcurrency=" + concurrency + "&pollStrategy=#pollTimer";
        int from = longTasks + k * probesPerPhase;
        int to = from + probesPerPhase;
        try (Camel camel = new Camel(sim, uri, timer, exchange -> arrivals.putIfAbsent(
                exchange.getMessage().getHeader(KooPhoneConstants.TASK_ID, String.class), Instant.now()))) {
            long delay = ((org.apache.camel.support.ScheduledPollConsumer) camel.consumer).getDelay();
            // every long task, and the probes of this phase and the later ones (earlier phases' probes have finished)
            camel.registerAll(created, 0, longTasks);
            camel.registerAll(created, from, tasks);
            await(() -> timer.polls.size() >= 2, Duration.ofMinutes(10), "two polls");
            int tracked = camel.consumer.getPendingTasks();
            Instant first = finishAt[from];
            for (int i = from; i < to; i++) {
                first = finishAt[i].isBefore(first) ? finishAt[i] : first;
            }
            Duration advance = Duration.between(sim.clock().instant(), first).minus(LEAD);
            int pollsBefore = timer.polls.size();
            sim.clock().advance(advance);
            Duration offset = sim.clock().offset();
            Instant lastFinish = finishAt[to - 1].minus(offset);
            await(() -> arrivals.size() >= probesPerPhase,
                    Duration.between(Instant.now(), lastFinish).plus(Duration.ofMinutes(3)), "probe events");
            camel.context.getRouteController().stopRoute("events");
            double[] latencies = new double[probesPerPhase];
            int missing = 0;
            int n = 0;
            for (int i = from; i < to; i++) {
                Instant arrived = arrivals.get(created.taskId(i));
                if (arrived == null) {
                    missing++;
                    continue;
                }
                latencies[n++] = Duration.between(finishAt[i].minus(offset), arrived).toNanos() / 1e6;
            }
            if (arrivals.size() > probesPerPhase - missing) {
                throw new IllegalStateException((arrivals.size() - (probesPerPhase - missing)) + " events for tasks that had not finished");
            }
            List<Poll> polls = new ArrayList<>(timer.polls.subList(pollsBefore, timer.polls.size()));
            double[] values = Arrays.copyOf(latencies, n);
            System.out.printf(Locale.ROOT, "   latency, pollConcurrency %d, %,d tracked: p50 %.0f ms, p99 %.0f ms, max %.0f ms, "
                                           + "%d missing; polls %s ms%n",
                    concurrency, tracked, percentile(values, 50), percentile(values, 99), percentile(values, 100), missing,
                    polls.stream().map(p -> String.format(Locale.ROOT, "%.0f", p.millis())).toList());
            return new LatencyPhase(concurrency, values, missing, polls, tracked, delay);
        }
    }

    // ------------------------------------------------------------------ measuring tools

    private static void await(BooleanSupplier condition, Duration timeout, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    /** Used heap after full collections: the least of three, each after System.gc(). */
    static long usedHeapAfterGc() throws InterruptedException {
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
            least = Math.min(least, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return least;
    }

    /** Class histogram of live objects, as {@code jcmd <pid> GC.class_histogram} prints it (it collects first). */
    static String histogramText() throws Exception {
        return (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
    }

    /** The histogram kept in a file, not on the heap being measured. */
    static java.nio.file.Path histogramToFile() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("koophone-histogram", ".txt");
        java.nio.file.Files.writeString(file, histogramText());
        return file;
    }

    static String readAndDelete(java.nio.file.Path file) throws java.io.IOException {
        String text = java.nio.file.Files.readString(file);
        java.nio.file.Files.delete(file);
        return text;
    }

    /** Parses a class histogram: class → {instances, bytes}. */
    static Map<String, long[]> histogram(String text) {
        Map<String, long[]> classes = new HashMap<>();
        for (String line : text.split("\n")) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length >= 4 && parts[0].endsWith(":")) {
                try {
                    classes.put(parts[3], new long[] {Long.parseLong(parts[1]), Long.parseLong(parts[2])});
                } catch (NumberFormatException ignored) {
                    // header line
                }
            }
        }
        return classes;
    }

    private static Map<String, long[]> delta(Map<String, long[]> before, Map<String, long[]> after) {
        Map<String, long[]> delta = new HashMap<>();
        after.forEach((name, v) -> {
            long[] b = before.getOrDefault(name, new long[2]);
            delta.put(name, new long[] {v[0] - b[0], v[1] - b[1]});
        });
        return delta;
    }

    static double percentile(double[] values, double p) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    // ------------------------------------------------------------------ report

    private String markdown(Instant date, List<HeapSample> heap, Map<Integer, List<Poll>> cycles, List<Poll> slow,
                            List<LatencyPhase> latency, double[] roundTrip, double loadBefore, double loadAfter, double minutes)
            throws IOException {
        double rtt = percentile(roundTrip, 50);
        double pace = KooPhoneEndpoint.DEFAULT_DELAY * 0.75;
        StringBuilder md = new StringBuilder();
        Report.opening(md, "Consumer scale", SUITE, date, minutes, settings.quick() ? "a smoke test with fewer tasks and runs" : null);
        md.append("### How to read it\n\n");
        md.append(String.format(Locale.ROOT,
                "One `koophone:tasks` consumer follows %,d pending tasks, each an asyncCommand on one phone created in the "
                + "simulator, which runs in the same JVM and is called over loopback HTTP. The tasks are registered as "
                + "`koophone:asyncCommand` registers them (task id, operation, job and instance id), made of fresh strings "
                + "so the consumer's share is counted in full. By default the consumer polls at a fixed rate, every `delay` "
                + "(2 s), and spreads a poll's GetTasks over the first three quarters of it (%,.0f ms), each task at the "
                + "same place in every poll, delivering each answer's events as it arrives.%n%n"
                + "- **Heap per task**: used heap after full GCs, minus the same before the tasks were registered, ÷ tasks; "
                + "both right after registering and after the first poll (the consumer held idle after it), which adds what "
                + "a poll leaves behind. Before the first snapshot a throwaway consumer at the same concurrency has polled "
                + "2,000 of the tasks once and been removed, leaving the worker threads and pooled connections a poll "
                + "uses (and the simulator's handler threads and buffers for them, in this JVM), so those are not "
                + "counted. The class histogram says what a task costs.%n"
                + "- **GetTask per poll**: requests the simulator received during one poll (its journal counters). One per "
                + "pending task is the design's cost: the API's GetTask takes one task id.%n"
                + "- **Poll as fast as it can**: the time one poll takes (Camel's poll strategy, begin to commit: a GetTask "
                + "for every tracked task, `pollConcurrency` in flight, and the events) with `useFixedDelay=true` and polls "
                + "%d ms apart, so nothing is paced. Each task is asked about once per `delay` while this stays under the "
                + "pace of %,.0f ms (**share of the pace**); beyond it a poll runs as fast as this and events come that "
                + "much later. Here it is CPU-bound: the consumer and the simulator share 2 cores.%n"
                + "- **With %d ms per GetTask**: the same, the simulator holding every GetTask %d ms (a latency fault), "
                + "at pollConcurrency %d: the network-bound case, where a poll needs tasks × round trip ÷ pollConcurrency.%n"
                + "- **Completion to event**: %,d of the tasks finish, by the simulated clock, spread evenly over %d s while "
                + "the others keep running; the consumer runs with its defaults but `pollConcurrency`. Latency is the "
                + "event's arrival minus the wall-clock instant of the job's completion (its simulated finish time less the "
                + "clock's offset). The target is the poll delay plus two round trips, the round trip being a GetTask "
                + "through the component with nothing else running (median %.2f ms, p99 %.2f ms).%n%n",
                tasks, pace, CYCLE_PHASE_DELAY, pace, ADDED_LATENCY.toMillis(), ADDED_LATENCY.toMillis(),
                ADDED_LATENCY_CONCURRENCY, probesPerPhase, window.toSeconds(), rtt, percentile(roundTrip, 99)));

        Report.machine(md, loadBefore, loadAfter);
        md.append(String.format(Locale.ROOT,
                "- Runs: %d per pollConcurrency (interleaved), each a fresh consumer given every task, %d timed polls after "
                + "the first; one latency phase per pollConcurrency. Component options at their defaults (token auth, "
                + "no task store, `maxConnections` 100) but `pollConcurrency`%n",
                runs, pollsPerRun));
        md.append("- Simulator: in the same JVM and on the same 2 cores as the consumer, so the poll times include the "
                  + "server's work; journal capacity 16 (its counters count everything)\n\n");

        md.append("### Heap\n\n");
        md.append("| pollConcurrency | runs | B/task after registering (median) | B/task after the first poll (median) | target ≤ 1,024 B |\n");
        md.append("|---:|---:|---:|---:|---|\n");
        for (int c : CONCURRENCY) {
            List<HeapSample> list = heap.stream().filter(h -> h.concurrency() == c).toList();
            double reg = ProducerOverheadBenchmark.median(list.stream().mapToDouble(h -> h.registeredPerTask(tasks)).toArray());
            double poll = ProducerOverheadBenchmark.median(list.stream().mapToDouble(h -> h.afterPollPerTask(tasks)).toArray());
            md.append(String.format(Locale.ROOT, "| %d | %d | %.0f | %.0f | %s |%n", c, list.size(), reg, poll,
                    Math.max(reg, poll) <= TARGET_HEAP_BYTES ? "met" : "**missed**"));
        }
        md.append('\n');
        double[] afterPoll = Arrays.stream(CONCURRENCY).mapToDouble(c -> ProducerOverheadBenchmark.median(heap.stream()
                .filter(h -> h.concurrency() == c).mapToDouble(h -> h.afterPollPerTask(tasks)).toArray())).toArray();
        if (Arrays.stream(afterPoll).max().orElse(0) - Arrays.stream(afterPoll).min().orElse(0) > 16) {
            md.append("After the first poll the concurrencies differ by the worker threads and pooled connections beyond "
                      + "those the throwaway poll left (the pools grow with the calls in flight): a fixed amount, not a cost "
                      + "per task, as the class histogram below shows.\n\n");
        }
        HeapSample withHistogram = heap.stream().filter(h -> h.histogramDelta() != null).findFirst().orElse(null);
        if (withHistogram != null) {
            md.append(String.format(Locale.ROOT,
                    "What the consumer holds after the first poll (pollConcurrency %d, class histogram of live objects "
                    + "before registering and after the first poll, classes adding at least 16 B per task):%n%n",
                    withHistogram.concurrency()));
            md.append("| class | instances per task | B per task |\n|---|---:|---:|\n");
            withHistogram.histogramDelta().entrySet().stream()
                    .filter(e -> e.getValue()[1] >= 16L * tasks)
                    .sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]))
                    .forEach(e -> md.append(String.format(Locale.ROOT, "| `%s` | %.2f | %.0f |%n", e.getKey(),
                            e.getValue()[0] / (double) tasks, e.getValue()[1] / (double) tasks)));
            long total = withHistogram.histogramDelta().values().stream().mapToLong(v -> v[1]).sum();
            md.append(String.format(Locale.ROOT, "| all classes | | %.0f |%n%n", total / (double) tasks));
        }

        md.append("### Polls\n\n");
        md.append("| round trip | pollConcurrency | tasks tracked | polls timed | GetTask per poll | poll ms (median) "
                  + "| poll ms (min–max) | GetTask/s | share of the pace |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (int c : CONCURRENCY) {
            pollRow(md, "loopback", c, cycles.get(c), pace);
        }
        pollRow(md, String.format(Locale.ROOT, "+%d ms", ADDED_LATENCY.toMillis()), ADDED_LATENCY_CONCURRENCY, slow, pace);
        md.append('\n');
        double slowPoll = ProducerOverheadBenchmark.median(slow.stream().mapToDouble(Poll::millis).toArray());
        md.append(String.format(Locale.ROOT,
                "With %d ms added to every GetTask a poll took %,.0f ms against %,d × %d ms ÷ %d = %,d ms by that formula. "
                + "So against the real API the pace holds for about pollConcurrency × %,.0f ms ÷ round trip tasks: at the "
                + "default pollConcurrency 10 and a 50 ms round trip, %,.0f tasks; %,d tasks at 50 ms need pollConcurrency "
                + "%,.0f (and `maxConnections` as many), or a longer `delay`. Above that the consumer still works, a poll "
                + "just takes longer than the delay and events come up to a poll later.%n%n",
                ADDED_LATENCY.toMillis(), slowPoll, tasks, ADDED_LATENCY.toMillis(), ADDED_LATENCY_CONCURRENCY,
                tasks * ADDED_LATENCY.toMillis() / ADDED_LATENCY_CONCURRENCY, pace, 10 * pace / 50, tasks,
                Math.ceil(tasks * 50 / pace)));

        md.append("### Completion to event\n\n");
        md.append("| pollConcurrency | tasks tracked | events | p50 ms | p99 ms | max ms | polls meanwhile, median ms "
                  + "| target: delay + 2 round trips, ms | p99 vs target |\n");
        md.append("|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (LatencyPhase phase : latency) {
            double target = phase.delay() + 2 * rtt;
            double p99 = percentile(phase.latencies(), 99);
            md.append(String.format(Locale.ROOT, "| %d | %,d | %,d%s | %,.0f | %,.0f | %,.0f | %,.0f | %,.0f | %s |%n",
                    phase.concurrency(), phase.tracked(), phase.latencies().length,
                    phase.missing() > 0 ? " (" + phase.missing() + " missing)" : "",
                    percentile(phase.latencies(), 50), p99, percentile(phase.latencies(), 100),
                    ProducerOverheadBenchmark.median(phase.polls().stream().mapToDouble(Poll::millis).toArray()),
                    target, p99 <= target ? "met" : "**missed**"));
        }
        md.append('\n');
        md.append("A job finishing at a random moment waits on average half a delay for its task's next GetTask, and at "
                  + "most a delay: p50 about 1 s and p99 just under 2 s is what the design allows; the polls meanwhile take "
                  + "the pace, not less.\n\n");

        md.append(Report.changes(SUITE));
        return md.toString();
    }

    private static void pollRow(StringBuilder md, String roundTrip, int concurrency, List<Poll> list, double pace) {
        double[] millis = list.stream().mapToDouble(Poll::millis).toArray();
        double p = ProducerOverheadBenchmark.median(millis);
        double calls = ProducerOverheadBenchmark.median(list.stream().mapToDouble(Poll::getTasks).toArray());
        double tracked = ProducerOverheadBenchmark.median(list.stream().mapToDouble(Poll::trackedBefore).toArray());
        md.append(String.format(Locale.ROOT, "| %s | %d | %,.0f | %d | %,.0f | %,.0f | %,.0f–%,.0f | %,.0f | %.2f |%n",
                roundTrip, concurrency, tracked, list.size(), calls, p, percentile(millis, 0), percentile(millis, 100),
                calls / (p / 1000), p / pace));
    }
}
