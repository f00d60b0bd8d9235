package io.github.camelkoophone.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;

import io.github.camelkoophone.component.cloud.auth.SdkHmacSha256Signer;

/**
 * Issue item 1, producer overhead: the same GetTask and AsyncCommand calls against the loopback stub at 1 and 8
 * threads, through the component (ProducerTemplate, and a direct: route) and through the clients one would use by
 * hand: Apache HttpClient 5 classic on its minimal client (the fastest by-hand call here, the baseline of every
 * ratio and the client inside the Camel floor) and on its full client, Apache HttpClient 5 async, the JDK client,
 * and Huawei's official SDK as shipped and tuned. With a static IAM token and with AK/SK signing.
 */
final class ProducerOverheadBenchmark {

    static final String SUITE = "producer";

    /** The band the producer stays in: at least this share of the by-hand minimal client, and this multiple of the SDK. */
    static final double TARGET_VS_APACHE = 0.85;
    static final double TARGET_VS_SDK = 1.15;

    private static final String BASELINE = "apache-minimal";
    private static final String BASELINE_AKSK = "apache-minimal-aksk";
    private static final String FULL = "apache-classic";
    private static final String FULL_AKSK = "apache-classic-aksk";
    private static final String SDK = "huawei-sdk";
    private static final String SDK_TUNED = "huawei-sdk-tuned";

    private final Settings settings;

    ProducerOverheadBenchmark(Settings settings) {
        this.settings = settings;
    }

    /** A scenario: one operation at one thread count. */
    record Scenario(Target.Op op, int threads) {
        String label() {
            return op.label + ", " + threads + (threads == 1 ? " thread" : " threads");
        }
    }

    /** A variant in the results: its target, its auth mode (so its baseline), and whether it is a by-hand call. */
    record Variant(Target target, boolean signed, boolean byHand) {
        String id() {
            return target.id;
        }
    }

    /** Every measured sample, by scenario and variant, and each sample's place in its round's shuffled order. */
    private static final class Results {
        final Map<Scenario, Map<String, List<Harness.Sample>>> samples = new LinkedHashMap<>();
        final Map<String, Integer> positions = new HashMap<>();

        Map<String, List<Harness.Sample>> of(Scenario s) {
            return samples.get(s);
        }

        int position(Scenario s, String id, int round) {
            return positions.getOrDefault(s.label() + "|" + id + "|" + round, 0);
        }
    }

    void run() throws Exception {
        long started = System.nanoTime();
        double loadBefore = Machine.loadAverage();
        Instant date = Instant.now();
        int maxThreads = Arrays.stream(settings.threads()).max().orElse(1);
        int maxConnections = Math.max(16, maxThreads * 2);
        List<Scenario> scenarios = new ArrayList<>();
        for (Target.Op op : Target.Op.values()) {
            for (int threads : settings.threads()) {
                scenarios.add(new Scenario(op, threads));
            }
        }

        try (StubServer stub = new StubServer()) {
            String base = stub.baseUrl();
            System.out.println("== producer overhead: stub at " + base + ", " + settings.rounds() + " rounds, cells of "
                               + settings.measureMillis() + "-" + settings.maxMeasureMillis() + " ms after "
                               + settings.warmupRounds() + " warm-up round(s), order shuffled with seed " + settings.seed());
            Machine.describe().forEach(line -> System.out.println("   " + line));

            List<AutoCloseable> closeables = new ArrayList<>();
            List<Variant> variants = new ArrayList<>();
            try {
                ComponentTarget.Camel tokenCamel = new ComponentTarget.Camel(base, maxConnections, false);
                closeables.add(tokenCamel);
                ComponentTarget.Camel akskCamel = new ComponentTarget.Camel(base, maxConnections, true);
                closeables.add(akskCamel);
                add(variants, closeables, false, true, new ApacheClassicTarget(BASELINE,
                        "Apache HttpClient 5 classic, minimal client (no execution chain), pooled (by hand)", base,
                        maxConnections, false, true));
                add(variants, closeables, false, true, new ApacheClassicTarget(FULL,
                        "Apache HttpClient 5 classic, full client, pooled (by hand)", base, maxConnections, false, false));
                add(variants, closeables, false, true, new ApacheAsyncTarget("apache-async",
                        "Apache HttpClient 5 async, callbacks (by hand)", base, maxConnections, false));
                add(variants, closeables, false, true, new JdkHttpTarget("jdk-http",
                        "JDK java.net.http, HTTP/1.1 (by hand)", base, false));
                addCamel(variants, closeables, false, tokenCamel);
                add(variants, closeables, true, true, new ApacheClassicTarget(BASELINE_AKSK,
                        "Apache HttpClient 5 classic, minimal client + the component's signer, X-Sdk-Date formatted once a second (by hand)",
                        base, maxConnections, true, true));
                add(variants, closeables, true, true, new ApacheClassicTarget(FULL_AKSK,
                        "Apache HttpClient 5 classic, full client + the component's signer, X-Sdk-Date formatted once a second (by hand)",
                        base, maxConnections, true, false));
                add(variants, closeables, true, false, new HuaweiSdkTarget(SDK,
                        "Huawei SDK KooPhoneClient 3.1.143 (OkHttp), as shipped", base, maxConnections, false));
                add(variants, closeables, true, false, new HuaweiSdkTarget(SDK_TUNED,
                        "Huawei SDK KooPhoneClient 3.1.143 (OkHttp), tuned: `withHttpListeners(null)`, no body copies",
                        base, maxConnections, true));
                addCamel(variants, closeables, true, akskCamel);

                // every variant must get the right answer, every signature verified, before anything is timed
                stub.auth().verifyEvery(1);
                for (Variant v : variants) {
                    try {
                        for (int i = 0; i < 20; i++) {
                            for (Target.Op op : Target.Op.values()) {
                                v.target().call(op);
                            }
                        }
                    } finally {
                        requireNothingRefused(stub, 0, v, "the checks before timing");
                    }
                }
                stub.auth().verifyEvery(settings.verifyEvery());
                long stubRequestsBefore = stub.requests();

                Harness harness = new Harness(stub, maxThreads);
                Results results = new Results();
                for (Scenario s : scenarios) {
                    Map<String, List<Harness.Sample>> byVariant = new LinkedHashMap<>();
                    variants.forEach(v -> byVariant.put(v.id(), new ArrayList<>()));
                    results.samples.put(s, byVariant);
                }
                Map<String, String> failures = new TreeMap<>();
                Map<String, String> errors = new TreeMap<>();

                Random shuffle = new Random(settings.seed());
                int totalRounds = settings.warmupRounds() + settings.rounds();
                for (int round = 0; round < totalRounds; round++) {
                    boolean warmup = round < settings.warmupRounds();
                    Harness.Window window = warmup
                            ? new Harness.Window(settings.warmupMillis(), settings.warmupMillis(), 0)
                            : new Harness.Window(settings.measureMillis(), settings.maxMeasureMillis(), settings.steadyCv());
                    System.out.printf(Locale.ROOT, "-- round %d/%d%s%n", round + 1, totalRounds, warmup ? " (warm-up)" : "");
                    for (Scenario s : scenarios) {
                        List<Variant> order = new ArrayList<>(variants);
                        Collections.shuffle(order, shuffle);
                        StringBuilder line = new StringBuilder("   " + pad(s.label(), 24));
                        int position = 0;
                        for (Variant v : order) {
                            position++;
                            if (failures.containsKey(v.id())) {
                                continue;
                            }
                            long refusedBefore = stub.auth().refused();
                            Harness.Sample sample = harness.run(round, v.target(), s.op(), s.threads(), settings.rampMillis(), window);
                            requireNothingRefused(stub, refusedBefore, v, s.label() + ", round " + (round + 1));
                            if (sample.errors() > 0) {
                                errors.merge(v.id(), s.label() + " round " + (round + 1) + ": " + sample.errors()
                                        + " failed calls (" + sample.error() + ")", (x, y) -> x + "; " + y);
                                System.out.println("   !! " + v.id() + ": " + sample.errors() + " failed calls: " + sample.error());
                            }
                            if (sample.failed()) {
                                failures.put(v.id(), s.label() + ": " + sample.error());
                                continue;
                            }
                            if (!warmup) {
                                results.of(s).get(v.id()).add(sample);
                                results.positions.put(s.label() + "|" + v.id() + "|" + round, position);
                            }
                            line.append(String.format(Locale.ROOT, " %s=%.0f%s", v.id(), sample.callsPerSecond(),
                                    warmup || sample.settled() ? "" : "~"));
                        }
                        System.out.println(line);
                    }
                }
                if (stub.unexpected() > 0) {
                    throw new IllegalStateException("the stub answered " + stub.unexpected() + " unexpected requests");
                }
                long stubRequests = stub.requests() - stubRequestsBefore;

                StubCeiling ceiling = stubCeiling(stub, settings.threads());
                SigningCost signing = signingCost(base);

                double loadAfter = Machine.loadAverage();
                double minutes = (System.nanoTime() - started) / 60e9;
                String markdown = markdown(date, scenarios, variants, results, failures, errors, ceiling, signing, loadBefore,
                        loadAfter, minutes, stubRequests, stub);
                System.out.println();
                System.out.println(markdown);
                Report.writeSection(settings.out(), SUITE, markdown);
            } finally {
                Collections.reverse(closeables);
                for (AutoCloseable c : closeables) {
                    try {
                        c.close();
                    } catch (Exception e) {
                        System.err.println("closing " + c + ": " + e);
                    }
                }
            }
        }
    }

    /** Stops the run when the stub refused a request since {@code refusedBefore}: that variant skipped work. */
    private static void requireNothingRefused(StubServer stub, long refusedBefore, Variant v, String when) {
        long refused = stub.auth().refused() - refusedBefore;
        if (refused > 0) {
            throw new IllegalStateException("the stub refused " + refused + " request(s) of `" + v.id() + "` during " + when
                                            + ": " + stub.auth().firstRefusal() + ". A variant that does not authenticate "
                                            + "every request as the API requires is not measured; the run stops here.");
        }
    }

    private void add(List<Variant> variants, List<AutoCloseable> closeables, boolean signed, boolean byHand, Target target) {
        closeables.add(target);
        if (settings.only().isEmpty() || settings.only().contains(target.id) || target.id.equals(BASELINE)
            || (signed && target.id.equals(BASELINE_AKSK))) {
            variants.add(new Variant(target, signed, byHand));
        }
    }

    /**
     * The component and the Camel floor, each through the ProducerTemplate and through a route, on one context
     * (ids end in {@code -aksk} for the signed one).
     */
    private void addCamel(List<Variant> variants, List<AutoCloseable> closeables, boolean signed, ComponentTarget.Camel camel) {
        String suffix = signed ? "-aksk" : "";
        add(variants, closeables, signed, false, new ComponentTarget("component-template" + suffix,
                "component: ProducerTemplate → koophone:", camel, ComponentTarget.KOOPHONE, false));
        add(variants, closeables, signed, false, new ComponentTarget("component-route" + suffix,
                "component: ProducerTemplate → direct: route → koophone:", camel, ComponentTarget.KOOPHONE, true));
        add(variants, closeables, signed, false, new ComponentTarget("floor-template" + suffix,
                "Camel floor: ProducerTemplate → byhand: (the by-hand minimal-client call in a bare producer)", camel,
                ComponentTarget.BY_HAND, false));
        add(variants, closeables, signed, false, new ComponentTarget("floor-route" + suffix,
                "Camel floor: ProducerTemplate → direct: route → byhand:", camel, ComponentTarget.BY_HAND, true));
    }

    // ------------------------------------------------------------------ stub ceiling

    record StubCeiling(Map<Integer, double[]> byThreads) {
    }

    /**
     * The stub's ceiling: a trivial client (blocking sockets, a prebuilt request, no parsing) hammering GetTask;
     * calls/s and the stub's CPU per request, on the same CPUs the real clients share with the stub.
     */
    private StubCeiling stubCeiling(StubServer stub, int[] threadCounts) throws Exception {
        Map<Integer, double[]> result = new TreeMap<>();
        byte[] request = ("GET " + StubServer.GET_TASK_PATH + Target.TASK_ID + " HTTP/1.1\r\nHost: 127.0.0.1:" + stub.port()
                          + "\r\nX-Auth-Token: " + Target.TOKEN + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        int responseLength = responseLength(stub, request);
        for (int threads : threadCounts) {
            AtomicLong calls = new AtomicLong();
            List<Thread> workers = new ArrayList<>();
            java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
            for (int i = 0; i < threads; i++) {
                Thread t = new Thread(() -> {
                    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), stub.port())) {
                        socket.setTcpNoDelay(true);
                        OutputStream out = socket.getOutputStream();
                        InputStream in = socket.getInputStream();
                        byte[] buffer = new byte[responseLength];
                        while (!stop.get()) {
                            out.write(request);
                            int read = 0;
                            while (read < responseLength) {
                                int n = in.read(buffer, read, responseLength - read);
                                if (n < 0) {
                                    throw new IllegalStateException("stub closed the connection");
                                }
                                read += n;
                            }
                            calls.incrementAndGet();
                        }
                    } catch (Exception e) {
                        System.err.println("stub ceiling: " + e);
                    }
                }, "stub-ceiling-" + i);
                t.setDaemon(true);
                workers.add(t);
                t.start();
            }
            TimeUnit.MILLISECONDS.sleep(300);
            long c0 = calls.get();
            long cpu0 = stub.cpuNanos();
            long t0 = System.nanoTime();
            TimeUnit.MILLISECONDS.sleep(settings.quick() ? 500 : 1500);
            long c1 = calls.get();
            long cpu1 = stub.cpuNanos();
            long t1 = System.nanoTime();
            stop.set(true);
            for (Thread t : workers) {
                t.join(5000);
            }
            double perSecond = (c1 - c0) / ((t1 - t0) / 1e9);
            result.put(threads, new double[] {perSecond, (cpu1 - cpu0) / 1e3 / Math.max(1, c1 - c0)});
        }
        return new StubCeiling(result);
    }

    private static int responseLength(StubServer stub, byte[] request) throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), stub.port())) {
            socket.getOutputStream().write(request);
            InputStream in = socket.getInputStream();
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                head.append((char) in.read());
            }
            int contentLength = 0;
            for (String line : head.toString().split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    contentLength = Integer.parseInt(line.substring(15).trim());
                }
            }
            return head.length() + contentLength;
        }
    }

    // ------------------------------------------------------------------ signing cost

    /** ns and bytes per call: the signer alone (GET, POST), and all AK/SK header work of a by-hand call. */
    record SigningCost(double getNanos, double getBytes, double postNanos, double postBytes, double headersNanos,
                       double headersBytes) {
    }

    private SigningCost signingCost(String baseUrl) throws Exception {
        SdkHmacSha256Signer signer = new SdkHmacSha256Signer(Target.ACCESS_KEY, Target.SECRET_KEY);
        String authority = java.net.URI.create(baseUrl).getRawAuthority();
        String date = SdkHmacSha256Signer.formatDate(Instant.now());
        Map<String, String> headers = new HashMap<>();
        headers.put("host", authority);
        headers.put("x-request-id", ByHand.requestId());
        headers.put(SdkHmacSha256Signer.DATE_HEADER, date);
        headers.put("X-Project-Id", Target.PROJECT_ID);
        String getPath = ByHand.getTaskPath(Target.TASK_ID);
        byte[] body = ByHand.commandBody(Target.COMMAND, Target.INSTANCE_IDS);
        ByHand byHand = new ByHand(baseUrl, true);
        int iterations = settings.quick() ? 20_000 : 100_000;
        int reps = settings.quick() ? 3 : 7;
        double[] get = micro(() -> signer.authorization("GET", getPath, List.of(), headers, null).length(), iterations, reps);
        double[] post = micro(() -> signer.authorization("POST", StubServer.ASYNC_COMMAND_PATH, List.of(), headers, body).length(),
                iterations, reps);
        double[] all = micro(() -> byHand.auth("POST", StubServer.ASYNC_COMMAND_PATH, ByHand.requestId(), body).length,
                iterations, reps);
        return new SigningCost(get[0], get[1], post[0], post[1], all[0], all[1]);
    }

    private interface IntWork {
        int run();
    }

    /**
     * Median over reps of {CPU ns per call, bytes allocated per call}, after a warm-up twice the size. Thread CPU
     * time rather than wall time, so other processes on the machine do not inflate it.
     */
    private static double[] micro(IntWork work, int iterations, int reps) {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long self = Thread.currentThread().getId();
        long sink = 0;
        for (int i = 0; i < iterations * 2; i++) {
            sink += work.run();
        }
        double[] nanos = new double[reps];
        double[] bytes = new double[reps];
        for (int r = 0; r < reps; r++) {
            long a0 = mx.getThreadAllocatedBytes(self);
            long t0 = mx.getCurrentThreadCpuTime();
            for (int i = 0; i < iterations; i++) {
                sink += work.run();
            }
            long t1 = mx.getCurrentThreadCpuTime();
            long a1 = mx.getThreadAllocatedBytes(self);
            nanos[r] = (t1 - t0) / (double) iterations;
            bytes[r] = (a1 - a0) / (double) iterations;
        }
        if (sink == 42) {
            System.out.print("");
        }
        return new double[] {median(nanos), median(bytes)};
    }

    // ------------------------------------------------------------------ report

    private String markdown(Instant date, List<Scenario> scenarios, List<Variant> variants, Results results,
                            Map<String, String> failures, Map<String, String> errors, StubCeiling ceiling, SigningCost signing,
                            double loadBefore, double loadAfter, double minutes, long stubRequests, StubServer stub) throws IOException {
        StringBuilder md = new StringBuilder();
        Report.opening(md, "Producer overhead", SUITE, date, minutes, settings.quick() ? "a smoke run of 2 short rounds" : null);

        md.append("### How to read it\n\n");
        md.append("Every variant makes the same GetTask (`GET /v1/instances/tasks/{id}`) or AsyncCommand "
                  + "(`POST /v1/instances/async-command`) call against one in-JVM loopback stub and gets the same typed "
                  + "result, in a closed loop on 1 or 8 threads. Read the **ratios**, not the absolute calls/s: each is "
                  + "variant ÷ baseline measured in the *same* round, so the noise of this shared machine hits both alike. "
                  + "The baseline is the fastest way to call the API by hand that was measured: Apache HttpClient 5 classic "
                  + "on its minimal client (`" + BASELINE + "`, `" + BASELINE_AKSK + "` with AK/SK), the client the component's "
                  + "own transport uses and the one inside the Camel floor, with the same authentication as the variant. "
                  + "The full Apache client, the async client, the JDK client and Huawei's SDK are rows against it. "
                  + "Every figure is the median of the measured rounds, and ratios carry the spread of the single rounds "
                  + "beside it: (lower–upper quartile; lowest–highest). A target is **met** only when the lower quartile "
                  + "clears it; otherwise the report says by how much it fell short. CPU µs/call (process CPU, JIT and GC "
                  + "included, less the stub's thread) and alloc KB/call are the cost of a call on the client side and "
                  + "move least with machine load; on 2 cores they, more than latency, decide 8-thread throughput. "
                  + "The network is free here, so this bounds the client's overhead; the `remote` suite measures calls "
                  + "against TLS and tens of milliseconds of latency.\n\n");

        Report.machine(md, loadBefore, loadAfter);
        long unsettled = results.samples.values().stream().flatMap(m -> m.values().stream()).flatMap(List::stream)
                .filter(sample -> !sample.settled()).count();
        long cells = results.samples.values().stream().flatMap(m -> m.values().stream()).mapToLong(List::size).sum();
        md.append(String.format(Locale.ROOT,
                "- Rounds: %d warm-up + %d measured. Each round runs every variant once per scenario, in an order shuffled "
                + "anew for every scenario of every round by `java.util.Random` seeded with **%d** (`--seed=%d` repeats it)%n"
                + "- Cells: %d ms ramp, then a window of at least %d ms, read in %d ms slices, that ends once the throughput of "
                + "its last %d slices varies by at most %.0f%% (coefficient of variation), or at %d ms; %d of %d measured "
                + "cells reached that limit unsettled (marked ~ under *Every round*)%n",
                settings.warmupRounds(), settings.rounds(), settings.seed(), settings.seed(), settings.rampMillis(),
                settings.measureMillis(), Harness.SLICE_MILLIS, Harness.STEADY_SLICES, settings.steadyCv() * 100,
                settings.maxMeasureMillis(), unsettled, cells));
        md.append("- Pools: every client pooled with keep-alive, at most 16 connections (≥ threads); component options "
                  + "at their defaults except `endpoint`, `maxConnections=16` and the credentials (on the component)\n");
        md.append(String.format(Locale.ROOT,
                "- Stub: single-threaded NIO HTTP/1.1 on 127.0.0.1, keep-alive, fixed JSON from the seeds (%d and %d bytes); "
                + "it answered %,d requests after the checks (%s). Its ceiling with a trivial socket client: %s%n",
                stub.getTaskBodyLength(), stub.asyncCommandBodyLength(), stubRequests, stub.connectionStats(),
                ceilingText(ceiling)));
        StubAuth auth = stub.auth();
        md.append(String.format(Locale.ROOT,
                "- Credentials checked by the stub on every request: %,d tokens compared with the benchmark's, %,d "
                + "SDK-HMAC-SHA256 headers checked for the access key and an X-Sdk-Date, and %,d signatures recomputed "
                + "with the component's signer (every signed request of the checks before timing, then a random one in %d), "
                + "covering host, x-sdk-date, x-project-id and x-request-id; %d refused (one refusal stops the run). The "
                + "stub's CPU per request, median of the cells: %.1f µs with a token, %.1f µs with AK/SK%n%n",
                auth.tokens(), auth.signatures(), auth.verified(), settings.verifyEvery(), auth.refused(),
                stubCpu(variants, results, false), stubCpu(variants, results, true)));

        md.append("### Variants\n\n");
        md.append("| id | what | auth |\n|---|---|---|\n");
        for (Variant v : variants) {
            md.append("| `").append(v.id()).append("` | ").append(v.target().label).append(" | ")
                    .append(v.signed() ? "AK/SK" : "IAM token").append(" |\n");
        }
        md.append('\n');

        md.append("### Results\n\n");
        md.append("calls/s: median and (lowest–highest) of the rounds. × minimal: the same-round throughput ratio to `"
                  + BASELINE + "` (token rows) or `" + BASELINE_AKSK + "` (AK/SK rows), median (lower–upper quartile); "
                  + "higher is better. × SDK: the same against `" + SDK + "` as shipped, AK/SK rows only. CPU × minimal: "
                  + "the same-round ratio of CPU per call (lower is better), the figure least moved by other processes on "
                  + "the machine. ctx sw/call: context switches of the client's threads per call (each hand-over between "
                  + "threads costs one or two).\n\n");
        for (Scenario s : scenarios) {
            md.append("#### ").append(s.label()).append("\n\n");
            md.append("| variant | auth | calls/s | × minimal | × SDK | p50 µs | p99 µs | CPU µs/call | CPU × minimal | alloc KB/call | ctx sw/call |\n");
            md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            Map<String, List<Harness.Sample>> byVariant = results.of(s);
            for (Variant v : variants) {
                String id = v.id();
                List<Harness.Sample> list = byVariant.get(id);
                if (list.isEmpty()) {
                    md.append("| `").append(id).append("` | | failed: ").append(failures.getOrDefault(id, "no sample"))
                            .append(" | | | | | | | | |\n");
                    continue;
                }
                String baseline = baseline(v);
                double[] throughput = values(list, Harness.Sample::callsPerSecond);
                double[] ratios = roundRatios(byVariant, id, baseline, Harness.Sample::callsPerSecond);
                md.append(String.format(Locale.ROOT, "| `%s` | %s | %,.0f (%,.0f–%,.0f) | %s | %s | %.0f | %.0f | %.1f | %s | %.1f | %.1f |%n",
                        id, v.signed() ? "AK/SK" : "token", Stats.median(throughput), Stats.min(throughput), Stats.max(throughput),
                        id.equals(baseline) ? "1" : quartiles(ratios),
                        v.signed() ? fmt(ratio(byVariant, id, SDK)) : "",
                        median(list, Harness.Sample::p50Micros), median(list, Harness.Sample::p99Micros),
                        median(list, Harness.Sample::cpuMicrosPerCall),
                        fmt(metricRatio(byVariant, id, baseline, Harness.Sample::cpuMicrosPerCall)),
                        median(list, Harness.Sample::allocBytesPerCall) / 1024,
                        median(list, Harness.Sample::contextSwitchesPerCall)));
            }
            md.append('\n');
        }

        md.append("### Targets\n\n");
        md.append("Each cell: the median over rounds of the same-round throughput ratio, (lower–upper quartile; lowest–highest) "
                  + "of the rounds' ratios, then the verdict on the lower quartile.\n\n");
        scenarioHeader(md, "target", scenarios);
        targetRow(md, scenarios, results, "component-template", BASELINE, TARGET_VS_APACHE, "token: template");
        targetRow(md, scenarios, results, "component-route", BASELINE, TARGET_VS_APACHE, "token: route");
        targetRow(md, scenarios, results, "component-template-aksk", BASELINE_AKSK, TARGET_VS_APACHE, "AK/SK: template");
        targetRow(md, scenarios, results, "component-route-aksk", BASELINE_AKSK, TARGET_VS_APACHE, "AK/SK: route");
        targetRow(md, scenarios, results, "component-template-aksk", SDK, TARGET_VS_SDK, "AK/SK: template");
        targetRow(md, scenarios, results, "component-route-aksk", SDK, TARGET_VS_SDK, "AK/SK: route");
        targetRow(md, scenarios, results, "component-template-aksk", SDK_TUNED, TARGET_VS_SDK, "AK/SK: template");
        targetRow(md, scenarios, results, "component-route-aksk", SDK_TUNED, TARGET_VS_SDK, "AK/SK: route");
        md.append('\n');
        fastestByHand(md, scenarios, variants, results);

        md.append("### Camel's own share\n\n");
        md.append("The `floor-*` variants make the by-hand minimal-client call of `" + BASELINE + "` inside a bare Camel "
                  + "producer (`ByHandComponent`: reads the same input headers, sets the typed result as the body, nothing "
                  + "else), called exactly as the component is. Their ratio to the raw call is what Camel's exchange, "
                  + "ProducerTemplate and `direct:` route cost before any component does anything: the most a Camel "
                  + "component can reach here. The component ÷ floor rows are what the component itself adds. Same-round "
                  + "ratios, median (lower–upper quartile; lowest–highest).\n\n");
        scenarioHeader(md, "ratio", scenarios);
        ratioRow(md, scenarios, results, "floor-template", BASELINE, "token: floor, template × `" + BASELINE + "`", Double.NaN);
        ratioRow(md, scenarios, results, "floor-route", BASELINE, "token: floor, route × `" + BASELINE + "`", Double.NaN);
        ratioRow(md, scenarios, results, "component-template", "floor-template", "token: component ÷ floor, template", Double.NaN);
        ratioRow(md, scenarios, results, "component-route", "floor-route", "token: component ÷ floor, route", Double.NaN);
        ratioRow(md, scenarios, results, "floor-template-aksk", BASELINE_AKSK, "AK/SK: floor, template × `" + BASELINE_AKSK + "`", Double.NaN);
        ratioRow(md, scenarios, results, "floor-route-aksk", BASELINE_AKSK, "AK/SK: floor, route × `" + BASELINE_AKSK + "`", Double.NaN);
        ratioRow(md, scenarios, results, "component-template-aksk", "floor-template-aksk", "AK/SK: component ÷ floor, template", Double.NaN);
        ratioRow(md, scenarios, results, "component-route-aksk", "floor-route-aksk", "AK/SK: component ÷ floor, route", Double.NaN);
        md.append('\n');

        md.append("### Other ways of calling by hand\n\n");
        md.append("`" + FULL + "` is the by-hand call of `" + BASELINE + "` on Apache's full client (its execution chain: "
                  + "HTTP authentication schemes, redirects, cookies, retries, proxies, with redirects, cookies, retries and "
                  + "connection state disabled), configured as a by-hand caller would; `apache-async` is the async client "
                  + "with those settings. Same-round ratios to the minimal client with the same authentication, median "
                  + "(lower–upper quartile; lowest–highest): throughput, then CPU per call, then allocation per call.\n\n");
        scenarioHeader(md, "ratio", scenarios);
        for (String[] row : new String[][] {{FULL, BASELINE}, {FULL_AKSK, BASELINE_AKSK}, {"apache-async", BASELINE},
                {"jdk-http", BASELINE}, {"component-template", FULL}, {"component-template-aksk", FULL_AKSK}}) {
            ratioRow(md, scenarios, results, row[0], row[1], "`" + row[0] + "` × `" + row[1] + "`", Double.NaN);
        }
        for (String[] row : new String[][] {{FULL, BASELINE}, {FULL_AKSK, BASELINE_AKSK}}) {
            metricRow(md, scenarios, results, row[0], row[1], "CPU per call, `" + row[0] + "` × `" + row[1] + "`",
                    Harness.Sample::cpuMicrosPerCall);
            metricRow(md, scenarios, results, row[0], row[1], "allocation per call, `" + row[0] + "` × `" + row[1] + "`",
                    Harness.Sample::allocBytesPerCall);
        }
        md.append('\n');

        md.append("### Huawei's SDK as shipped and tuned\n\n");
        md.append("`" + SDK_TUNED + "` is the SDK with `HttpConfig.withHttpListeners(null)`. In huaweicloud-sdk-core 3.1.143 "
                  + "the OkHttp interceptor `DefaultHttpListener` copies the request body into a string and reads the "
                  + "response body into a string and a new body whenever the listener list is not null, and it is an empty "
                  + "list by default; null skips both, and nothing else changes. Tuned × shipped, same-round ratios:\n\n");
        scenarioHeader(md, "ratio", scenarios);
        ratioRow(md, scenarios, results, SDK_TUNED, SDK, "throughput", Double.NaN);
        metricRow(md, scenarios, results, SDK_TUNED, SDK, "CPU per call", Harness.Sample::cpuMicrosPerCall);
        metricRow(md, scenarios, results, SDK_TUNED, SDK, "allocation per call", Harness.Sample::allocBytesPerCall);
        ratioRow(md, scenarios, results, SDK_TUNED, BASELINE_AKSK, "throughput, tuned × `" + BASELINE_AKSK + "`", Double.NaN);
        md.append('\n');

        md.append("### AK/SK signing cost\n\n");
        md.append(String.format(Locale.ROOT,
                "`SdkHmacSha256Signer.authorization` alone, in a micro loop (thread CPU time, median of %d repetitions): "
                + "GetTask-shaped GET %.1f µs CPU and %.1f KB allocated per call; AsyncCommand-shaped POST (body hashed) "
                + "%.1f µs and %.1f KB. All AK/SK work of a by-hand call (X-Sdk-Date from its once-a-second cache, header "
                + "map, signature): %.1f µs and %.1f KB. That is the floor of the difference between the AK/SK rows and the "
                + "token rows above.%n%n",
                settings.quick() ? 3 : 7, signing.getNanos() / 1e3, signing.getBytes() / 1024, signing.postNanos() / 1e3,
                signing.postBytes() / 1024, signing.headersNanos() / 1e3, signing.headersBytes() / 1024));

        everyRound(md, scenarios, variants, results);

        md.append(Report.changes(SUITE));

        if (!failures.isEmpty() || !errors.isEmpty()) {
            md.append("### Failed calls\n\n");
            md.append("A cell with more than 1% failed calls is dropped, and its variant is not run again; "
                      + "fewer are reported here and left out of the figures.\n\n");
            failures.forEach((id, error) -> md.append("- `").append(id).append("` dropped after ").append(error).append('\n'));
            errors.forEach((id, error) -> md.append("- `").append(id).append("`: ").append(error).append('\n'));
            md.append('\n');
        }
        return md.toString();
    }

    /** The head of a table with a column per scenario. */
    private static void scenarioHeader(StringBuilder md, String first, List<Scenario> scenarios) {
        md.append("| ").append(first).append(" | ").append(String.join(" | ", scenarios.stream().map(Scenario::label).toList()))
                .append(" |\n|---|").append("---:|".repeat(scenarios.size())).append('\n');
    }

    /** The stub's CPU per request over every measured cell of one authentication, median. */
    private static double stubCpu(List<Variant> variants, Results results, boolean signed) {
        return Stats.median(results.samples.values().stream().flatMap(byVariant -> variants.stream()
                        .filter(v -> v.signed() == signed).flatMap(v -> byVariant.get(v.id()).stream()))
                .mapToDouble(Harness.Sample::stubCpuMicrosPerCall).toArray());
    }

    private static String baseline(Variant v) {
        return v.signed() ? BASELINE_AKSK : BASELINE;
    }

    /**
     * Names the fastest by-hand call of each authentication in each scenario (by median throughput) and, where it is
     * not the baseline, gives the component's ratios against it too.
     */
    private static void fastestByHand(StringBuilder md, List<Scenario> scenarios, List<Variant> variants, Results results) {
        List<String> notBaseline = new ArrayList<>();
        StringBuilder rows = new StringBuilder();
        for (boolean signed : new boolean[] {false, true}) {
            for (Scenario s : scenarios) {
                Map<String, List<Harness.Sample>> byVariant = results.of(s);
                String fastest = null;
                double best = -1;
                for (Variant v : variants) {
                    double throughput = median(byVariant.get(v.id()), Harness.Sample::callsPerSecond);
                    if (v.byHand() && v.signed() == signed && throughput > best) {
                        best = throughput;
                        fastest = v.id();
                    }
                }
                String baseline = signed ? BASELINE_AKSK : BASELINE;
                if (fastest == null || fastest.equals(baseline)) {
                    continue;
                }
                notBaseline.add(String.format(Locale.ROOT, "`%s` in %s", fastest, s.label()));
                for (String component : signed ? List.of("component-template-aksk", "component-route-aksk")
                        : List.of("component-template", "component-route")) {
                    double[] ratios = roundRatios(byVariant, component, fastest, Harness.Sample::callsPerSecond);
                    rows.append(String.format(Locale.ROOT, "| `%s` × `%s`, %s | %s %s |%n", component, fastest, s.label(),
                            Stats.spread(ratios, "%.2f"), Stats.verdict(ratios, TARGET_VS_APACHE)));
                }
            }
        }
        if (notBaseline.isEmpty()) {
            md.append("The minimal client was the fastest by-hand call of its authentication in every scenario (by median "
                      + "calls/s), so the first four rows are the component against the fastest by-hand call.\n\n");
        } else {
            md.append("The fastest by-hand call (by median calls/s) was not the minimal client in these cells: ")
                    .append(String.join(", ", notBaseline)).append(". The component against it there:\n\n")
                    .append("| ratio | median (quartiles; range) and verdict |\n|---|---|\n").append(rows).append('\n');
        }
    }

    /** Every round's calls/s of every variant, with its place in the round's shuffled order, and the target ratios. */
    private void everyRound(StringBuilder md, List<Scenario> scenarios, List<Variant> variants, Results results) {
        md.append("### Every round\n\n");
        md.append("<details><summary>The figures of every measured round, not only the medians above</summary>\n\n");
        md.append("calls/s of each cell, then #its place in that scenario's shuffled order of the round; ~ marks a cell whose "
                  + "window ended at its limit before its throughput settled.\n\n");
        for (Scenario s : scenarios) {
            md.append("#### ").append(s.label()).append("\n\n");
            md.append("| variant |");
            for (int r = 1; r <= settings.rounds(); r++) {
                md.append(" round ").append(r).append(" |");
            }
            md.append("\n|---|").append("---:|".repeat(settings.rounds())).append('\n');
            for (Variant v : variants) {
                md.append("| `").append(v.id()).append("` |");
                Map<Integer, Harness.Sample> byRound = new HashMap<>();
                results.of(s).get(v.id()).forEach(sample -> byRound.put(sample.round(), sample));
                for (int r = settings.warmupRounds(); r < settings.warmupRounds() + settings.rounds(); r++) {
                    Harness.Sample sample = byRound.get(r);
                    md.append(sample == null ? " – |" : String.format(Locale.ROOT, " %,.0f #%d%s |", sample.callsPerSecond(),
                            results.position(s, v.id(), r), sample.settled() ? "" : " ~"));
                }
                md.append('\n');
            }
            md.append('\n');
        }
        md.append("Same-round ratios of the target rows, round by round:\n\n");
        scenarioHeader(md, "ratio", scenarios);
        for (String[] row : new String[][] {{"component-template", BASELINE}, {"component-route", BASELINE},
                {"component-template-aksk", BASELINE_AKSK}, {"component-route-aksk", BASELINE_AKSK},
                {"component-template-aksk", SDK}, {"component-route-aksk", SDK},
                {"component-template-aksk", SDK_TUNED}, {"component-route-aksk", SDK_TUNED}}) {
            if (!results.of(scenarios.get(0)).containsKey(row[0]) || !results.of(scenarios.get(0)).containsKey(row[1])) {
                continue;
            }
            md.append("| `").append(row[0]).append("` × `").append(row[1]).append("` |");
            for (Scenario s : scenarios) {
                double[] ratios = roundRatios(results.of(s), row[0], row[1], Harness.Sample::callsPerSecond);
                md.append(' ').append(String.join(" ", Arrays.stream(ratios).mapToObj(r -> String.format(Locale.ROOT, "%.2f", r)).toList()))
                        .append(" |");
            }
            md.append('\n');
        }
        md.append("\n</details>\n\n");
    }

    private static String ceilingText(StubCeiling ceiling) {
        List<String> parts = new ArrayList<>();
        ceiling.byThreads().forEach((threads, v) -> parts.add(String.format(Locale.ROOT,
                "%,.0f calls/s at %d thread%s (stub CPU %.1f µs/request)", v[0], threads, threads == 1 ? "" : "s", v[1])));
        return String.join(", ", parts);
    }

    private static void targetRow(StringBuilder md, List<Scenario> scenarios, Results results, String id, String baseline,
                                  double target, String label) {
        ratioRow(md, scenarios, results, id, baseline, label + String.format(Locale.ROOT, " ≥ %.2f× `%s`", target, baseline), target);
    }

    /** One row of same-round throughput ratios, median (quartiles; range), judged against {@code target} unless NaN. */
    private static void ratioRow(StringBuilder md, List<Scenario> scenarios, Results results, String id, String baseline,
                                 String label, double target) {
        metricRow(md, scenarios, results, id, baseline, label, Harness.Sample::callsPerSecond, target);
    }

    private static void metricRow(StringBuilder md, List<Scenario> scenarios, Results results, String id, String baseline,
                                  String label, ToDoubleFunction<Harness.Sample> metric) {
        metricRow(md, scenarios, results, id, baseline, label, metric, Double.NaN);
    }

    private static void metricRow(StringBuilder md, List<Scenario> scenarios, Results results, String id, String baseline,
                                  String label, ToDoubleFunction<Harness.Sample> metric, double target) {
        if (!results.of(scenarios.get(0)).containsKey(id) || !results.of(scenarios.get(0)).containsKey(baseline)) {
            return;
        }
        md.append("| ").append(label).append(" |");
        for (Scenario s : scenarios) {
            double[] ratios = roundRatios(results.of(s), id, baseline, metric);
            md.append(' ').append(Stats.spread(ratios, "%.2f"));
            if (!Double.isNaN(target) && ratios.length > 0) {
                md.append(' ').append(Stats.verdict(ratios, target));
            }
            md.append(" |");
        }
        md.append('\n');
    }

    private static String quartiles(double[] ratios) {
        return ratios.length == 0 ? "" : String.format(Locale.ROOT, "%.2f (%.2f–%.2f)", Stats.median(ratios),
                Stats.quantile(ratios, 0.25), Stats.quantile(ratios, 0.75));
    }

    /** Median over rounds of the same-round throughput ratio. */
    private static double ratio(Map<String, List<Harness.Sample>> byVariant, String id, String baseline) {
        return metricRatio(byVariant, id, baseline, Harness.Sample::callsPerSecond);
    }

    private static double metricRatio(Map<String, List<Harness.Sample>> byVariant, String id, String baseline,
                                      ToDoubleFunction<Harness.Sample> metric) {
        return Stats.median(roundRatios(byVariant, id, baseline, metric));
    }

    /** The variant's metric over the baseline's, one ratio per round both were measured in. */
    private static double[] roundRatios(Map<String, List<Harness.Sample>> byVariant, String id, String baseline,
                                        ToDoubleFunction<Harness.Sample> metric) {
        List<Harness.Sample> a = byVariant.get(id);
        List<Harness.Sample> b = byVariant.get(baseline);
        if (a == null || b == null) {
            return new double[0];
        }
        Map<Integer, Harness.Sample> baselineByRound = new HashMap<>();
        b.forEach(sample -> baselineByRound.put(sample.round(), sample));
        return a.stream().filter(sample -> baselineByRound.containsKey(sample.round()))
                .mapToDouble(sample -> metric.applyAsDouble(sample) / metric.applyAsDouble(baselineByRound.get(sample.round())))
                .toArray();
    }

    private static double[] values(List<Harness.Sample> list, ToDoubleFunction<Harness.Sample> metric) {
        return list.stream().mapToDouble(metric).toArray();
    }

    private static double median(List<Harness.Sample> list, ToDoubleFunction<Harness.Sample> metric) {
        return list == null ? Double.NaN : Stats.median(values(list, metric));
    }

    /** The median, for the suites that summarise plain values. */
    static double median(double[] values) {
        return Stats.median(values);
    }

    private static String fmt(double ratio) {
        return Double.isNaN(ratio) ? "" : String.format(Locale.ROOT, "%.2f", ratio);
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }
}
