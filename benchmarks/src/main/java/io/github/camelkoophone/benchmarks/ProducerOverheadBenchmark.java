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
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelkoophone.component.cloud.auth.SdkHmacSha256Signer;

/**
 * Issue item 1, producer overhead: the same GetTask and AsyncCommand calls against the loopback stub at 1 and 8
 * threads, through the component (ProducerTemplate, and a direct: route) and through the clients one would use by
 * hand: Apache HttpClient 5 classic (the practical limit, the baseline of every ratio), Apache HttpClient 5 async,
 * the JDK client, and Huawei's official SDK. With a static IAM token and with AK/SK signing.
 */
final class ProducerOverheadBenchmark {

    static final String SUITE = "producer";

    /** The band the producer stays in: at least this share of raw Apache classic, and this multiple of the SDK. */
    static final double TARGET_VS_APACHE = 0.85;
    static final double TARGET_VS_SDK = 1.15;

    private static final String BASELINE = "apache-classic";
    private static final String BASELINE_AKSK = "apache-classic-aksk";
    private static final String SDK = "huawei-sdk";

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

    /** A variant in the results: its target, and which auth mode (so which baseline) it belongs to. */
    record Variant(Target target, boolean signed) {
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
            System.out.println("== producer overhead: stub at " + base + ", " + settings.rounds() + " rounds of "
                               + settings.measureMillis() + " ms per cell after " + settings.warmupRounds() + " warm-up round(s)");
            Machine.describe().forEach(line -> System.out.println("   " + line));

            List<AutoCloseable> closeables = new ArrayList<>();
            List<Variant> variants = new ArrayList<>();
            try {
                ComponentTarget.Camel tokenCamel = new ComponentTarget.Camel(base, maxConnections, false);
                closeables.add(tokenCamel);
                ComponentTarget.Camel akskCamel = new ComponentTarget.Camel(base, maxConnections, true);
                closeables.add(akskCamel);
                add(variants, closeables, false, new ApacheClassicTarget(BASELINE,
                        "Apache HttpClient 5 classic, pooled (by hand)", base, maxConnections, false));
                add(variants, closeables, false, new ApacheClassicTarget("apache-minimal",
                        "Apache HttpClient 5 classic, minimal client (no execution chain), pooled (by hand)", base,
                        maxConnections, false, true));
                add(variants, closeables, false, new ApacheAsyncTarget("apache-async",
                        "Apache HttpClient 5 async, callbacks (by hand)", base, maxConnections, false));
                add(variants, closeables, false, new JdkHttpTarget("jdk-http",
                        "JDK java.net.http, HTTP/1.1 (by hand)", base, false));
                addCamel(variants, closeables, false, tokenCamel);
                add(variants, closeables, true, new ApacheClassicTarget(BASELINE_AKSK,
                        "Apache HttpClient 5 classic + the component's signer (by hand)", base, maxConnections, true));
                add(variants, closeables, true, new HuaweiSdkTarget(SDK,
                        "Huawei SDK KooPhoneClient 3.1.143 (OkHttp)", base, maxConnections));
                addCamel(variants, closeables, true, akskCamel);

                // every variant must get the right answer, every signature verified, before anything is timed
                stub.auth().verifyEvery(1);
                for (Variant v : variants) {
                    for (int i = 0; i < 20; i++) {
                        for (Target.Op op : Target.Op.values()) {
                            v.target().call(op);
                        }
                    }
                    requireNothingRefused(stub, 0, v, "the checks before timing");
                }
                stub.auth().verifyEvery(16);
                long stubRequestsBefore = stub.requests();

                Harness harness = new Harness(stub, maxThreads);
                Map<Scenario, Map<String, List<Harness.Sample>>> samples = new LinkedHashMap<>();
                for (Scenario s : scenarios) {
                    Map<String, List<Harness.Sample>> byVariant = new LinkedHashMap<>();
                    variants.forEach(v -> byVariant.put(v.target().id, new ArrayList<>()));
                    samples.put(s, byVariant);
                }
                Map<String, String> failures = new TreeMap<>();
                Map<String, String> errors = new TreeMap<>();

                int totalRounds = settings.warmupRounds() + settings.rounds();
                for (int round = 0; round < totalRounds; round++) {
                    boolean warmup = round < settings.warmupRounds();
                    long window = warmup ? settings.warmupMillis() : settings.measureMillis();
                    System.out.printf(Locale.ROOT, "-- round %d/%d%s%n", round + 1, totalRounds, warmup ? " (warm-up)" : "");
                    for (Scenario s : scenarios) {
                        List<Variant> order = new ArrayList<>(variants);
                        Collections.rotate(order, -round);
                        StringBuilder line = new StringBuilder("   " + pad(s.label(), 24));
                        for (Variant v : order) {
                            if (failures.containsKey(v.target().id)) {
                                continue;
                            }
                            long refusedBefore = stub.auth().refused();
                            Harness.Sample sample = harness.run(round, v.target(), s.op(), s.threads(), settings.rampMillis(), window);
                            requireNothingRefused(stub, refusedBefore, v, s.label() + ", round " + (round + 1));
                            if (sample.errors() > 0) {
                                errors.merge(v.target().id, s.label() + " round " + (round + 1) + ": " + sample.errors()
                                        + " failed calls (" + sample.error() + ")", (a, b) -> a + "; " + b);
                                System.out.println("   !! " + v.target().id + ": " + sample.errors() + " failed calls: " + sample.error());
                            }
                            if (sample.failed()) {
                                failures.put(v.target().id, s.label() + ": " + sample.error());
                                continue;
                            }
                            if (!warmup) {
                                samples.get(s).get(v.target().id).add(sample);
                            }
                            line.append(String.format(Locale.ROOT, " %s=%.0f", v.target().id, sample.callsPerSecond()));
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
                String markdown = markdown(date, scenarios, variants, samples, failures, errors, ceiling, signing, loadBefore,
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
            throw new IllegalStateException("the stub refused " + refused + " request(s) of `" + v.target().id + "` during " + when
                                            + ": " + stub.auth().firstRefusal() + ". A variant that does not authenticate "
                                            + "every request as the API requires is not measured; the run stops here.");
        }
    }

    private void add(List<Variant> variants, List<AutoCloseable> closeables, boolean signed, Target target) {
        closeables.add(target);
        if (settings.only().isEmpty() || settings.only().contains(target.id) || target.id.equals(BASELINE)
            || (signed && target.id.equals(BASELINE_AKSK))) {
            variants.add(new Variant(target, signed));
        }
    }

    /**
     * The component and the Camel floor, each through the ProducerTemplate and through a route, on one context
     * (ids end in {@code -aksk} for the signed one).
     */
    private void addCamel(List<Variant> variants, List<AutoCloseable> closeables, boolean signed, ComponentTarget.Camel camel) {
        String suffix = signed ? "-aksk" : "";
        add(variants, closeables, signed, new ComponentTarget("component-template" + suffix,
                "component: ProducerTemplate → koophone:", camel, ComponentTarget.KOOPHONE, false));
        add(variants, closeables, signed, new ComponentTarget("component-route" + suffix,
                "component: ProducerTemplate → direct: route → koophone:", camel, ComponentTarget.KOOPHONE, true));
        add(variants, closeables, signed, new ComponentTarget("floor-template" + suffix,
                "Camel floor: ProducerTemplate → byhand: (the by-hand Apache call in a bare producer)", camel,
                ComponentTarget.BY_HAND, false));
        add(variants, closeables, signed, new ComponentTarget("floor-route" + suffix,
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

    private String markdown(Instant date, List<Scenario> scenarios, List<Variant> variants,
                            Map<Scenario, Map<String, List<Harness.Sample>>> samples, Map<String, String> failures,
                            Map<String, String> errors, StubCeiling ceiling, SigningCost signing, double loadBefore, double loadAfter, double minutes,
                            long stubRequests, StubServer stub) throws IOException {
        StringBuilder md = new StringBuilder();
        Report.opening(md, "Producer overhead", SUITE, date, minutes, settings.quick() ? "a smoke run of 2 short rounds" : null);

        md.append("### How to read it\n\n");
        md.append("Every variant makes the same GetTask (`GET /v1/instances/tasks/{id}`) or AsyncCommand "
                  + "(`POST /v1/instances/async-command`) call against one in-JVM loopback stub and gets the same typed "
                  + "result, in a closed loop on 1 or 8 threads. Read the **ratios**, not the absolute calls/s: each is "
                  + "the median over rounds of variant ÷ baseline measured in the *same* round, so the noise of this shared "
                  + "machine hits both alike, and the baseline is raw Apache HttpClient 5 classic with the same "
                  + "authentication, the practical limit of calling the API by hand. CPU µs/call (process CPU, JIT and GC "
                  + "included, less the stub's thread) and alloc KB/call are the cost of a call on the client side and "
                  + "move least with machine load; on 2 cores they, more than latency, decide 8-thread throughput. "
                  + "The network is free here, so this bounds the client's overhead; against the real API a round trip "
                  + "of tens of milliseconds dwarfs a difference of 100 µs.\n\n");

        Report.machine(md, loadBefore, loadAfter);
        md.append(String.format(Locale.ROOT,
                "- Rounds: %d warm-up + %d measured; per cell %d ms ramp then a %d ms window; variants in rotated order each round; "
                + "values are medians over the measured rounds%n",
                settings.warmupRounds(), settings.rounds(), settings.rampMillis(), settings.measureMillis()));
        md.append("- Pools: every client pooled with keep-alive, at most 16 connections (≥ threads); component options "
                  + "at their defaults except `endpoint`, `maxConnections=16` and the credentials (on the component)\n");
        md.append(String.format(Locale.ROOT,
                "- Stub: single-threaded NIO HTTP/1.1 on 127.0.0.1, keep-alive, fixed JSON from the seeds (%d and %d bytes); "
                + "it answered %,d requests after the checks (%s). Its ceiling with a trivial socket client: %s%n",
                stub.getTaskBodyLength(), stub.asyncCommandBodyLength(), stubRequests, stub.connectionStats(),
                ceilingText(ceiling)));
        md.append('\n');

        md.append("### Variants\n\n");
        md.append("| id | what | auth |\n|---|---|---|\n");
        for (Variant v : variants) {
            md.append("| `").append(v.target().id).append("` | ").append(v.target().label).append(" | ")
                    .append(v.signed() ? "AK/SK" : "IAM token").append(" |\n");
        }
        md.append('\n');

        md.append("### Results\n\n");
        md.append("× Apache classic: throughput ratio to `" + BASELINE + "` (token rows) or `" + BASELINE_AKSK
                  + "` (AK/SK rows), same round; higher is better. × SDK: the same against `" + SDK + "`, AK/SK rows only. "
                  + "CPU × Apache: the same-round ratio of CPU per call (lower is better), the figure least moved by "
                  + "other processes on the machine. ctx sw/call: context switches of the client's threads per call "
                  + "(each hand-over between threads costs one or two).\n\n");
        for (Scenario s : scenarios) {
            md.append("#### ").append(s.label()).append("\n\n");
            md.append("| variant | auth | calls/s | × Apache classic | × SDK | p50 µs | p99 µs | CPU µs/call | CPU × Apache | alloc KB/call | ctx sw/call |\n");
            md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            Map<String, List<Harness.Sample>> byVariant = samples.get(s);
            for (Variant v : variants) {
                String id = v.target().id;
                List<Harness.Sample> list = byVariant.get(id);
                if (list.isEmpty()) {
                    md.append("| `").append(id).append("` | | failed: ").append(failures.getOrDefault(id, "no sample"))
                            .append(" | | | | | | | | |\n");
                    continue;
                }
                double ratio = ratio(byVariant, id, v.signed() ? BASELINE_AKSK : BASELINE);
                double sdkRatio = v.signed() ? ratio(byVariant, id, SDK) : Double.NaN;
                double cpuRatio = metricRatio(byVariant, id, v.signed() ? BASELINE_AKSK : BASELINE, Harness.Sample::cpuMicrosPerCall);
                md.append(String.format(Locale.ROOT, "| `%s` | %s | %,.0f | %s | %s | %.0f | %.0f | %.1f | %s | %.1f | %.1f |%n",
                        id, v.signed() ? "AK/SK" : "token",
                        median(list, Harness.Sample::callsPerSecond), fmt(ratio), fmt(sdkRatio),
                        median(list, Harness.Sample::p50Micros), median(list, Harness.Sample::p99Micros),
                        median(list, Harness.Sample::cpuMicrosPerCall), fmt(cpuRatio),
                        median(list, Harness.Sample::allocBytesPerCall) / 1024,
                        median(list, Harness.Sample::contextSwitchesPerCall)));
            }
            md.append('\n');
        }

        md.append("### Targets\n\n");
        md.append("Each cell: the median over rounds of the same-round ratio, then in brackets the middle half of the "
                  + "rounds' ratios (lower to upper quartile), which shows how far one run's figure can move on this machine.\n\n");
        md.append("| target | " + String.join(" | ", scenarios.stream().map(Scenario::label).toList()) + " |\n");
        md.append("|---|" + "---:|".repeat(scenarios.size()) + "\n");
        targetRow(md, scenarios, samples, "component-template", BASELINE, TARGET_VS_APACHE, "token: template");
        targetRow(md, scenarios, samples, "component-route", BASELINE, TARGET_VS_APACHE, "token: route");
        targetRow(md, scenarios, samples, "component-template-aksk", BASELINE_AKSK, TARGET_VS_APACHE, "AK/SK: template");
        targetRow(md, scenarios, samples, "component-route-aksk", BASELINE_AKSK, TARGET_VS_APACHE, "AK/SK: route");
        targetRow(md, scenarios, samples, "component-template-aksk", SDK, TARGET_VS_SDK, "AK/SK: template");
        targetRow(md, scenarios, samples, "component-route-aksk", SDK, TARGET_VS_SDK, "AK/SK: route");
        md.append('\n');

        md.append("### Camel's own share\n\n");
        md.append("The `floor-*` variants make the by-hand Apache classic call inside a bare Camel producer "
                  + "(`ByHandComponent`: reads the same input headers, sets the typed result as the body, nothing else), "
                  + "called exactly as the component is. Their ratio to the raw client is what Camel's exchange, "
                  + "ProducerTemplate and `direct:` route cost before any component does anything: the most a Camel "
                  + "component can reach here. The component ÷ floor rows are what the component itself adds. Same-round "
                  + "ratios, median (quartiles).\n\n");
        md.append("| ratio | " + String.join(" | ", scenarios.stream().map(Scenario::label).toList()) + " |\n");
        md.append("|---|" + "---:|".repeat(scenarios.size()) + "\n");
        ratioRow(md, scenarios, samples, "floor-template", BASELINE, "token: floor, template × `" + BASELINE + "`", Double.NaN);
        ratioRow(md, scenarios, samples, "floor-route", BASELINE, "token: floor, route × `" + BASELINE + "`", Double.NaN);
        ratioRow(md, scenarios, samples, "component-template", "floor-template", "token: component ÷ floor, template", Double.NaN);
        ratioRow(md, scenarios, samples, "component-route", "floor-route", "token: component ÷ floor, route", Double.NaN);
        ratioRow(md, scenarios, samples, "floor-template-aksk", BASELINE_AKSK, "AK/SK: floor, template × `" + BASELINE_AKSK + "`", Double.NaN);
        ratioRow(md, scenarios, samples, "floor-route-aksk", BASELINE_AKSK, "AK/SK: floor, route × `" + BASELINE_AKSK + "`", Double.NaN);
        ratioRow(md, scenarios, samples, "component-template-aksk", "floor-template-aksk", "AK/SK: component ÷ floor, template", Double.NaN);
        ratioRow(md, scenarios, samples, "component-route-aksk", "floor-route-aksk", "AK/SK: component ÷ floor, route", Double.NaN);
        md.append('\n');

        md.append("### Async or classic Apache client\n\n");
        md.append("Raw `apache-async` (callbacks, the caller waiting on a CompletableFuture) against raw `apache-classic`, "
                  + "same settings, JSON and parsing: ");
        List<String> parts = new ArrayList<>();
        for (Scenario s : scenarios) {
            Map<String, List<Harness.Sample>> byVariant = samples.get(s);
            double ratio = ratio(byVariant, "apache-async", BASELINE);
            double cpu = metricRatio(byVariant, "apache-async", BASELINE, Harness.Sample::cpuMicrosPerCall);
            parts.add(String.format(Locale.ROOT, "%s %s× throughput, %s× CPU per call", s.label(), fmt(ratio), fmt(cpu)));
        }
        md.append(String.join("; ", parts)).append(".\n\n");

        if (samples.get(scenarios.get(0)).containsKey("apache-minimal")) {
            md.append("### The full or the minimal Apache client\n\n");
            md.append("`apache-minimal` is the by-hand call of `apache-classic` on `HttpClients.createMinimal`: the same "
                      + "pool, no execution chain (HTTP authentication schemes, redirects, cookies, retries, proxies). The "
                      + "component's transport uses it unless `proxyHost` is set; the baselines and the floor keep the full "
                      + "client, configured as the component configured it before. ");
            List<String> minimal = new ArrayList<>();
            for (Scenario s : scenarios) {
                Map<String, List<Harness.Sample>> byVariant = samples.get(s);
                minimal.add(String.format(Locale.ROOT, "%s %s× throughput, %s× CPU and %s× allocation per call", s.label(),
                        fmt(ratio(byVariant, "apache-minimal", BASELINE)),
                        fmt(metricRatio(byVariant, "apache-minimal", BASELINE, Harness.Sample::cpuMicrosPerCall)),
                        fmt(metricRatio(byVariant, "apache-minimal", BASELINE, Harness.Sample::allocBytesPerCall))));
            }
            md.append("Against `apache-classic`: ").append(String.join("; ", minimal)).append(". The component against it, "
                      + "same-round throughput ratios, median (quartiles):\n\n");
            md.append("| ratio | " + String.join(" | ", scenarios.stream().map(Scenario::label).toList()) + " |\n");
            md.append("|---|" + "---:|".repeat(scenarios.size()) + "\n");
            ratioRow(md, scenarios, samples, "component-template", "apache-minimal", "token: template × `apache-minimal`", Double.NaN);
            ratioRow(md, scenarios, samples, "component-route", "apache-minimal", "token: route × `apache-minimal`", Double.NaN);
            md.append('\n');
        }

        md.append("### AK/SK signing cost\n\n");
        md.append(String.format(Locale.ROOT,
                "`SdkHmacSha256Signer.authorization` alone, in a micro loop (thread CPU time, median of %d repetitions): "
                + "GetTask-shaped GET %.1f µs CPU and %.1f KB allocated per call; AsyncCommand-shaped POST (body hashed) "
                + "%.1f µs and %.1f KB. All AK/SK work of a by-hand call (X-Sdk-Date, header map, signature): %.1f µs and "
                + "%.1f KB. That is the floor of the difference between the AK/SK rows and the token rows above.%n%n",
                settings.quick() ? 3 : 7, signing.getNanos() / 1e3, signing.getBytes() / 1024, signing.postNanos() / 1e3,
                signing.postBytes() / 1024, signing.headersNanos() / 1e3, signing.headersBytes() / 1024));

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

    private static String ceilingText(StubCeiling ceiling) {
        List<String> parts = new ArrayList<>();
        ceiling.byThreads().forEach((threads, v) -> parts.add(String.format(Locale.ROOT,
                "%,.0f calls/s at %d thread%s (stub CPU %.1f µs/request)", v[0], threads, threads == 1 ? "" : "s", v[1])));
        return String.join(", ", parts);
    }

    private void targetRow(StringBuilder md, List<Scenario> scenarios, Map<Scenario, Map<String, List<Harness.Sample>>> samples,
                           String id, String baseline, double target, String label) {
        ratioRow(md, scenarios, samples, id, baseline, label + String.format(Locale.ROOT, " ≥ %.2f× `%s`", target, baseline), target);
    }

    /** One row of same-round throughput ratios, median (quartiles), judged against {@code target} unless NaN. */
    private static void ratioRow(StringBuilder md, List<Scenario> scenarios, Map<Scenario, Map<String, List<Harness.Sample>>> samples,
                                 String id, String baseline, String label, double target) {
        if (!samples.get(scenarios.get(0)).containsKey(id) || !samples.get(scenarios.get(0)).containsKey(baseline)) {
            return;
        }
        md.append("| ").append(label).append(" |");
        for (Scenario s : scenarios) {
            double[] ratios = roundRatios(samples.get(s), id, baseline, Harness.Sample::callsPerSecond);
            double ratio = median(ratios);
            String verdict = Double.isNaN(target) ? "" : ratio >= target ? " met" : " **missed**";
            md.append(Double.isNaN(ratio) ? " n/a |" : String.format(Locale.ROOT, " %.2f (%.2f–%.2f)%s |", ratio,
                    quantile(ratios, 0.25), quantile(ratios, 0.75), verdict));
        }
        md.append('\n');
    }

    /** Median over rounds of the same-round throughput ratio. */
    private static double ratio(Map<String, List<Harness.Sample>> byVariant, String id, String baseline) {
        return metricRatio(byVariant, id, baseline, Harness.Sample::callsPerSecond);
    }

    private static double metricRatio(Map<String, List<Harness.Sample>> byVariant, String id, String baseline,
                                      java.util.function.ToDoubleFunction<Harness.Sample> metric) {
        return median(roundRatios(byVariant, id, baseline, metric));
    }

    /** The variant's metric over the baseline's, one ratio per round both were measured in. */
    private static double[] roundRatios(Map<String, List<Harness.Sample>> byVariant, String id, String baseline,
                                        java.util.function.ToDoubleFunction<Harness.Sample> metric) {
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

    /** The q-quantile, interpolated between the two nearest of the sorted values. */
    static double quantile(double[] values, double q) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    private static double median(List<Harness.Sample> list, java.util.function.ToDoubleFunction<Harness.Sample> metric) {
        return median(list.stream().mapToDouble(metric).toArray());
    }

    static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static String fmt(double ratio) {
        return Double.isNaN(ratio) ? "" : String.format(Locale.ROOT, "%.2f", ratio);
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }
}
