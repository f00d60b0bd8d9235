package io.github.camelkoophone.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;

/**
 * Issue 22 item 9, what users meet against the real service: TLS to a self-signed loopback gateway, 50-200 ms of
 * jittered latency per response, an IAM password login whose token lives 6 s (so it is refreshed during every
 * window) and is revoked once in the middle of each window (so the refresh after a 401 runs too), a share of the
 * answers chunked and a share of the envelopes with extra top-level fields, and every asyncCommand's task followed to
 * its end. The gateway and simulator run in a child process ({@link RemoteGateway}); this process runs the clients
 * only, so its process CPU time, less what it burns idle, is the clients' cost.
 * <p>
 * Each cell keeps a fixed number of asyncCommand calls in flight (one per worker thread, closed loop) with one client
 * for a window, then finishes every running job on the simulator and waits until the client has seen every job end,
 * then resets the simulator.
 */
final class RemoteBenchmark {

    static final String SUITE = "remote";

    private static final String PASSWORD = "changeit";
    private static final long LATENCY_MIN_MS = 50;
    private static final long LATENCY_MAX_MS = 200;
    private static final long TOKEN_LIFETIME_S = 6;
    private static final double CHUNKED_SHARE = 0.5;
    private static final double EXTENDED_SHARE = 0.5;
    private static final int INSTANCES = 200;
    private static final String BY_HAND = "apache-minimal";

    private final Settings settings;
    private final HttpClient admin = HttpClient.newHttpClient();
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private String adminUrl;

    RemoteBenchmark(Settings settings) {
        this.settings = settings;
    }

    /** One measured cell. */
    record Cell(String client, int concurrency, int round, long calls, double seconds, double callsPerSecond,
                double p50Millis, double p99Millis, double cpuMicrosPerCall, double cpuMicrosPerRequest,
                double processCpuMicrosPerCall, double allocKbPerCall,
                double requestsPerCall, long logins, long refused401, long handshakes, double jobsPerSecond, long errors,
                String error, boolean drained) {
    }

    void run() throws Exception {
        long started = System.nanoTime();
        double loadBefore = Machine.loadAverage();
        Instant date = Instant.now();
        int rounds = settings.rounds(settings.quick() ? 1 : 2);
        long ramp = settings.quick() ? 1000 : 2000;
        long window = settings.quick() ? 3000 : 8000;
        int[] concurrency = settings.concurrency();
        int maxConcurrency = Arrays.stream(concurrency).max().orElse(16);
        // the consumer's default of 10 polls in flight follows at most ~80 GetTasks a second against 125 ms round
        // trips, fewer than the tasks 64 callers start: the consumer and the by-hand followers get twice the callers
        int followers = 2 * maxConcurrency;
        int maxConnections = maxConcurrency + followers + 16;

        Path dir = Files.createTempDirectory("koophone-remote");
        Path keystore = dir.resolve("gateway.p12");
        Path truststore = dir.resolve("trust.p12");
        certificate(keystore, truststore);

        Process gateway = startGateway(keystore);
        List<RemoteClients.Client> clients = new ArrayList<>();
        try {
            String[] ready = new BufferedReader(new InputStreamReader(gateway.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine().split(" ");
            if (!"READY".equals(ready[0])) {
                throw new IllegalStateException("the gateway did not start: " + String.join(" ", ready));
            }
            String url = "https://127.0.0.1:" + ready[1];
            adminUrl = "http://127.0.0.1:" + ready[2];
            List<String> instances = List.of(admin("/instances").split(","));
            System.out.println("== remote: gateway at " + url + " (child process " + gateway.pid() + "), " + rounds
                               + " round(s), " + window + " ms windows, order shuffled with seed " + settings.seed());

            RemoteClients.Trust trust = RemoteClients.Trust.of(truststore, PASSWORD);
            clients.add(new RemoteClients.Component(url, trust, maxConnections, followers));
            clients.add(new RemoteClients.ByHandMinimal(url, trust, maxConnections, followers));
            clients.add(new RemoteClients.Sdk("huawei-sdk", url, trust, maxConnections, followers, false));
            clients.add(new RemoteClients.Sdk("huawei-sdk-tuned", url, trust, maxConnections, followers, true));
            clients.removeIf(c -> !settings.only().isEmpty() && !settings.only().contains(c.id) && !c.id.equals(BY_HAND)
                                  && !c.id.equals("component"));

            // warm-up without latency, so the JIT has compiled the clients' paths before CPU is counted (at 50-200 ms a
            // client makes a few hundred calls a second, and compiling them would be charged to the first windows),
            // at the most calls in flight, so the pools hold their TLS connections before any window opens
            admin("/latency?0,0");
            Map<String, Cell> warmups = new LinkedHashMap<>();
            for (RemoteClients.Client client : clients) {
                Cell warm = measure(client, maxConcurrency, -1, instances, 1000, 1000, warmupCalls(), null);
                warmups.put(client.id, warm);
                System.out.printf(Locale.ROOT, "   warm-up %s: %,d calls in %.1f s%n", client.id, warm.calls(), warm.seconds());
            }
            admin("/latency?" + LATENCY_MIN_MS + "," + LATENCY_MAX_MS);
            Usage idle = idle(settings.quick() ? 1000 : 3000);
            System.out.printf(Locale.ROOT, "   idle, per second: %.1f ms CPU in Java threads, %.1f ms in the process%n",
                    idle.threadCpu() / 1e6, idle.processCpu() / 1e6);

            List<Cell> cells = new ArrayList<>();
            Random shuffle = new Random(settings.seed());
            for (int round = 0; round < rounds; round++) {
                List<Object[]> order = new ArrayList<>();
                for (RemoteClients.Client client : clients) {
                    for (int c : concurrency) {
                        order.add(new Object[] {client, c});
                    }
                }
                Collections.shuffle(order, shuffle);
                System.out.printf(Locale.ROOT, "-- round %d/%d%n", round + 1, rounds);
                for (Object[] cell : order) {
                    Cell result = measure((RemoteClients.Client) cell[0], (int) cell[1], round, instances, ramp, window, 0,
                            idle);
                    cells.add(result);
                    System.out.printf(Locale.ROOT, "   %-17s %3d in flight: %,.0f calls/s, p50 %.0f ms, CPU %.0f µs/call "
                                                   + "(%.0f µs/request), %d logins, %d 401s, %d handshakes, %d errors%s%n",
                            result.client(), result.concurrency(), result.callsPerSecond(), result.p50Millis(),
                            result.cpuMicrosPerCall(), result.cpuMicrosPerRequest(), result.logins(), result.refused401(),
                            result.handshakes(), result.errors(), result.drained() ? "" : ", NOT DRAINED");
                }
            }
            Map<String, Long> totals = counters();

            double loadAfter = Machine.loadAverage();
            double minutes = (System.nanoTime() - started) / 60e9;
            String markdown = markdown(date, clients, concurrency, cells, warmups, totals, idle, rounds, ramp,
                    window, followers, maxConnections, loadBefore, loadAfter, minutes);
            System.out.println();
            System.out.println(markdown);
            Report.writeSection(settings.out(), SUITE, markdown);
        } finally {
            for (RemoteClients.Client client : clients) {
                try {
                    client.close();
                } catch (Exception e) {
                    System.err.println("closing " + client.id + ": " + e);
                }
            }
            gateway.getOutputStream().close();
            if (!gateway.waitFor(10, TimeUnit.SECONDS)) {
                gateway.destroyForcibly();
            }
        }
    }

    /**
     * Calls each client makes in its warm-up: enough for the JIT's second tier to compile the paths a call takes
     * (a few thousand calls leave much of it in the profiling tier, which is slower and would be counted).
     */
    private int warmupCalls() {
        return settings.quick() ? 300 : 8000;
    }

    /**
     * A self-signed EC key and certificate for 127.0.0.1, made by the JDK's keytool (the JDK has no public API for
     * issuing one), and a trust store holding only the certificate.
     */
    private static void certificate(Path keystore, Path truststore) throws Exception {
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "gateway", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
                "-ext", "san=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", PASSWORD, "-keypass", PASSWORD).redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
            throw new IllegalStateException("keytool -genkeypair failed: " + output);
        }
        java.security.KeyStore keys = java.security.KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(keystore)) {
            keys.load(in, PASSWORD.toCharArray());
        }
        java.security.KeyStore trusted = java.security.KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("gateway", keys.getCertificate("gateway"));
        try (var out = Files.newOutputStream(truststore)) {
            trusted.store(out, PASSWORD.toCharArray());
        }
    }

    private Process startGateway(Path keystore) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // the JDK server closes keep-alive connections beyond 200 idle ones, or idle for 30 s, under the clients'
                // feet: these keep every pooled connection open, as a gateway holding them for minutes would
                "-Xmx512m", "-Dlog4j2.configurationFile=log4j2.xml", "-Dsun.net.httpserver.maxIdleConnections=4096",
                "-Dsun.net.httpserver.idleInterval=3600", "-cp", System.getProperty("java.class.path"),
                RemoteGateway.class.getName(), keystore.toString(), PASSWORD, String.valueOf(settings.seed()),
                String.valueOf(INSTANCES), String.valueOf(TOKEN_LIFETIME_S), String.valueOf(LATENCY_MIN_MS),
                String.valueOf(LATENCY_MAX_MS), String.valueOf(CHUNKED_SHARE), String.valueOf(EXTENDED_SHARE)));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private String admin(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(adminUrl + path)).build();
        HttpResponse<String> response = admin.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("gateway admin " + path + ": HTTP " + response.statusCode());
        }
        return response.body();
    }

    private Map<String, Long> counters() throws Exception {
        Map<String, Long> counters = new HashMap<>();
        for (String line : admin("/counters").split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                counters.put(line.substring(0, eq), Long.parseLong(line.substring(eq + 1).trim()));
            }
        }
        return counters;
    }

    private static long delta(Map<String, Long> before, Map<String, Long> after, String name) {
        return after.getOrDefault(name, 0L) - before.getOrDefault(name, 0L);
    }

    /**
     * What this process used between two readings: CPU time of its Java threads (every client's threads and the
     * workers, not the JIT's or GC's, which are not Java threads), the process's CPU time, and bytes allocated by its
     * Java threads. Threads are compared one by one: one born in between counts in full, one that ended in between
     * (a pool thread retiring after idling) is left out rather than taking its earlier CPU off the sum. The measuring
     * thread and the JDK HttpClient's (the admin calls') are not counted.
     */
    private record Usage(long nanos, long threadCpu, long processCpu, long allocated) {
        /** This usage as a rate per second of {@code nanos}. */
        Usage perSecond() {
            double seconds = nanos / 1e9;
            return new Usage(1_000_000_000L, (long) (threadCpu / seconds), (long) (processCpu / seconds),
                    (long) (allocated / seconds));
        }
    }

    /** A reading: per thread id, {CPU ns, bytes allocated}; the process's CPU; when. */
    private record Reading(long nanos, long processCpu, Map<Long, long[]> byThread) {
        Usage since(Reading earlier) {
            long cpu = 0;
            long allocated = 0;
            for (Map.Entry<Long, long[]> thread : byThread.entrySet()) {
                long[] before = earlier.byThread().getOrDefault(thread.getKey(), new long[2]);
                cpu += Math.max(0, thread.getValue()[0] - before[0]);
                allocated += Math.max(0, thread.getValue()[1] - before[1]);
            }
            return new Usage(nanos - earlier.nanos(), cpu, processCpu - earlier.processCpu(), allocated);
        }
    }

    private Reading reading() {
        long self = Thread.currentThread().getId();
        long[] ids = threads.getAllThreadIds();
        java.lang.management.ThreadInfo[] infos = threads.getThreadInfo(ids);
        long[] cpu = threads.getThreadCpuTime(ids);
        long[] bytes = threads.getThreadAllocatedBytes(ids);
        Map<Long, long[]> byThread = new HashMap<>(ids.length * 2);
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] != self && infos[i] != null && !infos[i].getThreadName().startsWith("HttpClient-")) {
                byThread.put(ids[i], new long[] {Math.max(0, cpu[i]), Math.max(0, bytes[i])});
            }
        }
        return new Reading(System.nanoTime(), os.getProcessCpuTime(), byThread);
    }

    /** Usage per second with every client built and nothing to do. */
    private Usage idle(long millis) throws InterruptedException {
        threads.setThreadCpuTimeEnabled(true);
        threads.setThreadAllocatedMemoryEnabled(true);
        System.gc();
        TimeUnit.MILLISECONDS.sleep(2000);
        Reading before = reading();
        TimeUnit.MILLISECONDS.sleep(millis);
        return reading().since(before).perSecond();
    }

    private static final class Worker extends Thread {
        private final RemoteClients.Client client;
        private final List<String> instances;
        private final AtomicLong next;
        final long[] latency = new long[1 << 16];
        volatile long calls;
        volatile long errors;
        volatile String error;
        volatile boolean stop;

        Worker(RemoteClients.Client client, List<String> instances, AtomicLong next, int index) {
            super("remote-worker-" + index);
            setDaemon(true);
            this.client = client;
            this.instances = instances;
            this.next = next;
        }

        @Override
        public void run() {
            long n = 0;
            while (!stop) {
                int at = (int) (next.getAndAdd(2) % (instances.size() - 1));
                long start = System.nanoTime();
                try {
                    client.call(List.of(instances.get(at), instances.get(at + 1)));
                } catch (Exception e) {
                    errors++;
                    Throwable cause = e;
                    while (cause.getCause() != null && cause.getCause() != cause) {
                        cause = cause.getCause();
                    }
                    error = cause.getClass().getName() + ": " + cause.getMessage();
                    continue;
                }
                long elapsed = System.nanoTime() - start;
                latency[(int) (n % latency.length)] = elapsed;
                calls = ++n;
            }
        }
    }

    /**
     * One cell: {@code concurrency} workers calling in a closed loop, a ramp, a window with every IAM token revoked at
     * its middle (lengthened until {@code minCalls} calls were made, up to 15 times its length), then every job
     * finished and the client's following drained, and the simulator reset.
     */
    private Cell measure(RemoteClients.Client client, int concurrency, int round, List<String> instances, long ramp,
                         long window, long minCalls, Usage idle) throws Exception {
        System.gc();
        AtomicLong next = new AtomicLong();
        Worker[] workers = new Worker[concurrency];
        for (int i = 0; i < concurrency; i++) {
            workers[i] = new Worker(client, instances, next, i);
            workers[i].start();
        }
        TimeUnit.MILLISECONDS.sleep(ramp);
        long[] startCalls = new long[concurrency];
        Map<String, Long> counters0 = counters();
        long jobs0 = client.jobsEnded.get();
        Reading reading0 = reading();
        long t0 = reading0.nanos();
        for (int i = 0; i < concurrency; i++) {
            startCalls[i] = workers[i].calls;
        }
        TimeUnit.MILLISECONDS.sleep(window / 2);
        admin("/revoke");
        TimeUnit.MILLISECONDS.sleep(window - window / 2);
        long until = t0 + TimeUnit.MILLISECONDS.toNanos(15 * window);
        while (callsSince(workers, startCalls) < minCalls && System.nanoTime() < until) {
            TimeUnit.MILLISECONDS.sleep(250);
        }
        long[] endCalls = new long[concurrency];
        for (int i = 0; i < concurrency; i++) {
            endCalls[i] = workers[i].calls;
        }
        Usage used = reading().since(reading0);
        long t1 = t0 + used.nanos();
        long jobs1 = client.jobsEnded.get();
        Map<String, Long> counters1 = counters();
        for (Worker worker : workers) {
            worker.stop = true;
        }
        long errors = 0;
        String error = null;
        for (Worker worker : workers) {
            worker.join(30_000);
            errors += worker.errors;
            error = worker.error != null ? worker.error : error;
        }

        admin("/complete");
        long drainUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (client.following() > 0 && System.nanoTime() < drainUntil) {
            TimeUnit.MILLISECONDS.sleep(100);
        }
        boolean drained = client.following() <= 0;
        admin("/reset");

        long calls = 0;
        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            calls += endCalls[i] - startCalls[i];
            for (long n = startCalls[i]; n < endCalls[i] && n - startCalls[i] < workers[i].latency.length; n++) {
                latencies.add(workers[i].latency[(int) (n % workers[i].latency.length)]);
            }
        }
        Collections.sort(latencies);
        double seconds = (t1 - t0) / 1e9;
        double cpu = used.threadCpu() - (idle == null ? 0 : idle.threadCpu() * seconds);
        double processCpu = used.processCpu() - (idle == null ? 0 : idle.processCpu() * seconds);
        double allocated = used.allocated() - (idle == null ? 0 : idle.allocated() * seconds);
        long requests = delta(counters0, counters1, "requests");
        return new Cell(client.id, concurrency, round, calls, seconds, calls / seconds,
                percentile(latencies, 0.50) / 1e6, percentile(latencies, 0.99) / 1e6,
                calls == 0 ? Double.NaN : cpu / 1e3 / calls, requests == 0 ? Double.NaN : cpu / 1e3 / requests,
                calls == 0 ? Double.NaN : processCpu / 1e3 / calls, calls == 0 ? Double.NaN : allocated / 1024 / calls,
                calls == 0 ? Double.NaN : (double) requests / calls, delta(counters0, counters1, "iam-logins"),
                delta(counters0, counters1, "status-401"), delta(counters0, counters1, "tls-connections"),
                (jobs1 - jobs0) / seconds, errors, error, drained);
    }

    private static long callsSince(Worker[] workers, long[] startCalls) {
        long calls = 0;
        for (int i = 0; i < workers.length; i++) {
            calls += workers[i].calls - startCalls[i];
        }
        return calls;
    }

    private static double percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1)));
    }

    // ------------------------------------------------------------------ report

    private String markdown(Instant date, List<RemoteClients.Client> clients, int[] concurrency, List<Cell> cells,
                            Map<String, Cell> warmups, Map<String, Long> totals, Usage idle, int rounds, long ramp, long window,
                            int followers, int maxConnections, double loadBefore, double loadAfter, double minutes) {
        int maxConcurrency = Arrays.stream(concurrency).max().orElse(16);
        StringBuilder md = new StringBuilder();
        Report.opening(md, "Against a remote service", SUITE, date, minutes,
                settings.quick() ? "a smoke run of 1 round of 3 s windows" : null);

        md.append("### How to read it\n\n");
        md.append(String.format(Locale.ROOT, "What a client meets against the real service, on loopback: TLS (a self-signed "
                + "certificate the clients trust through their own TLS settings, the component through `sslContextParameters`), "
                + "%d-%d ms of latency drawn per response, an IAM token that lives %d s (refreshed a tenth of its life "
                + "before it expires, so several times a window) and is revoked halfway through every window (the next "
                + "call gets a 401 and logs in again), %.0f%% of the answers chunked and %.0f%% of the envelopes with two "
                + "extra top-level fields, and every asyncCommand's task followed until its jobs end. Throughput at a "
                + "fixed number of calls in flight is set by the round trips and is nearly the same for every client; "
                + "the **CPU per call** is what is left to compare. It is the CPU time of this process's Java threads "
                + "(`ThreadMXBean.getThreadCpuTime` summed over every thread: the callers, the clients' own threads, the "
                + "consumer's and the followers'; not the measuring thread) over the window, less what they use idle with "
                + "every client built (%.1f ms a second, measured before the rounds), divided by the calls. The JIT's and "
                + "GC's threads are not Java threads and are not in it: the process's CPU time, which has them, is given "
                + "too (idle: %.1f ms a second), and moves more from run to run. The gateway and simulator run in a child "
                + "process and are in neither. Both cover the call, its share of the logins and the following of its task, "
                + "so the requests each way sends per call are shown beside them. Allocation is that of the same threads, "
                + "less idle.%n%n",
                LATENCY_MIN_MS, LATENCY_MAX_MS, TOKEN_LIFETIME_S, CHUNKED_SHARE * 100, EXTENDED_SHARE * 100,
                idle.threadCpu() / 1e6, idle.processCpu() / 1e6));

        Report.machine(md, loadBefore, loadAfter);
        md.append(String.format(Locale.ROOT,
                "- Rounds: %d, after a warm-up of every client with the latency off and %d calls in flight, until it made "
                + "%,d calls or 15 s passed, so the JIT's compiling is not charged to the measured calls and the pools "
                + "hold their connections (%s); each round measures every client at every concurrency, in an order "
                + "shuffled by `java.util.Random` seeded with **%d** (`--seed=%d` repeats it); a cell is a %d ms ramp "
                + "and a %d ms window%n", rounds, maxConcurrency, warmupCalls(),
                String.join(", ", warmups.entrySet().stream().map(e -> String.format(Locale.ROOT, "`%s` %,d calls in %.1f s",
                        e.getKey(), e.getValue().calls(), e.getValue().seconds())).toList()),
                settings.seed(), settings.seed(), ramp, window));
        md.append(String.format(Locale.ROOT,
                "- Gateway (child process): the simulator behind a TLS server on 127.0.0.1; tasks take 0.5-1.5 s of "
                + "simulated time; %d instances, two per asyncCommand. Over the whole run it answered %,d requests: "
                + "%,d IAM logins, %,d asyncCommands, %,d GetTasks; %,d bodies chunked, %,d envelopes extended, %,d 401s, "
                + "%,d gateway errors, over %,d TLS connections%n", INSTANCES, totals.getOrDefault("requests", 0L),
                totals.getOrDefault("iam-logins", 0L), totals.getOrDefault("async-commands", 0L),
                totals.getOrDefault("get-tasks", 0L), totals.getOrDefault("chunked", 0L), totals.getOrDefault("extended", 0L),
                totals.getOrDefault("status-401", 0L), totals.getOrDefault("gateway-errors", 0L),
                totals.getOrDefault("tls-connections", 0L)));
        md.append(String.format(Locale.ROOT,
                "- Following: the component's `koophone:tasks` consumer with its default delay (2 s) and "
                + "`pollConcurrency=%d`; the others poll GetTask for each task every 2 s on %d threads (the default of "
                + "10 polls in flight would follow at most ~80 GetTasks a second against these round trips, fewer than "
                + "64 callers start tasks). Pools of %d connections; every other option at its default%n%n",
                followers, followers, maxConnections));

        md.append("### Clients\n\n| id | what |\n|---|---|\n");
        clients.forEach(c -> md.append("| `").append(c.id).append("` | ").append(c.label).append(" |\n"));
        md.append('\n');

        md.append("### Results\n\n");
        md.append("Medians over the rounds. CPU × by hand: the client's CPU per call over `" + BY_HAND + "`'s in the same "
                  + "round, median (lowest–highest). requests/call: HTTP requests the gateway answered per call in the "
                  + "window (the call, GetTasks and logins). logins and 401s: in the window, summed over rounds.\n\n");
        for (int c : concurrency) {
            md.append("#### ").append(c).append(" calls in flight\n\n");
            md.append("| client | calls/s | p50 ms | p99 ms | CPU µs/call | CPU × by hand | CPU µs/request | process CPU µs/call "
                      + "| alloc KB/call | requests/call | job ends/s | logins | 401s | errors |\n");
            md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            for (RemoteClients.Client client : clients) {
                List<Cell> list = cells.stream().filter(cell -> cell.client().equals(client.id) && cell.concurrency() == c).toList();
                double[] cpuRatios = sameRound(cells, client.id, c);
                md.append(String.format(Locale.ROOT, "| `%s` | %,.0f | %.0f | %.0f | %.0f | %s | %.0f | %.0f | %.1f | %.2f | %,.0f | %d | %d | %d |%n",
                        client.id, median(list, Cell::callsPerSecond), median(list, Cell::p50Millis),
                        median(list, Cell::p99Millis), median(list, Cell::cpuMicrosPerCall),
                        client.id.equals(BY_HAND) ? "1" : cpuRatios.length == 0 ? "" : String.format(Locale.ROOT,
                                "%.2f (%.2f–%.2f)", Stats.median(cpuRatios), Stats.min(cpuRatios), Stats.max(cpuRatios)),
                        median(list, Cell::cpuMicrosPerRequest), median(list, Cell::processCpuMicrosPerCall),
                        median(list, Cell::allocKbPerCall), median(list, Cell::requestsPerCall),
                        median(list, Cell::jobsPerSecond), list.stream().mapToLong(Cell::logins).sum(),
                        list.stream().mapToLong(Cell::refused401).sum(), list.stream().mapToLong(Cell::errors).sum()));
            }
            md.append('\n');
        }

        md.append("### Every cell\n\n<details><summary>Every measured cell, in the order run</summary>\n\n");
        md.append("| round | client | in flight | calls | s | calls/s | p50 ms | p99 ms | CPU µs/call | CPU µs/request "
                  + "| process CPU µs/call | alloc KB/call | requests/call | logins | 401s | TLS handshakes | job ends/s | errors "
                  + "| drained |\n");
        md.append("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (Cell cell : cells) {
            md.append(String.format(Locale.ROOT, "| %d | `%s` | %d | %,d | %.1f | %,.0f | %.0f | %.0f | %.0f | %.0f | %.0f | %.1f | %.2f | %d | %d | %d | %,.0f | %d%s | %s |%n",
                    cell.round() + 1, cell.client(), cell.concurrency(), cell.calls(), cell.seconds(), cell.callsPerSecond(),
                    cell.p50Millis(), cell.p99Millis(), cell.cpuMicrosPerCall(), cell.cpuMicrosPerRequest(),
                    cell.processCpuMicrosPerCall(), cell.allocKbPerCall(),
                    cell.requestsPerCall(), cell.logins(), cell.refused401(), cell.handshakes(), cell.jobsPerSecond(), cell.errors(),
                    cell.error() == null ? "" : " (" + cell.error().replace("|", "/") + ")", cell.drained() ? "yes" : "**no**"));
        }
        md.append("\n</details>\n\n");
        md.append(Report.changes(SUITE));
        return md.toString();
    }

    /** The client's CPU per call over the by-hand client's at the same concurrency, one ratio per round. */
    private static double[] sameRound(List<Cell> cells, String client, int concurrency) {
        Map<Integer, Cell> byHand = new LinkedHashMap<>();
        cells.stream().filter(c -> c.client().equals(BY_HAND) && c.concurrency() == concurrency).forEach(c -> byHand.put(c.round(), c));
        return cells.stream().filter(c -> c.client().equals(client) && c.concurrency() == concurrency && byHand.containsKey(c.round()))
                .mapToDouble(c -> c.cpuMicrosPerCall() / byHand.get(c.round()).cpuMicrosPerCall()).toArray();
    }

    private static double median(List<Cell> list, ToDoubleFunction<Cell> metric) {
        return Stats.median(list.stream().mapToDouble(metric).toArray());
    }
}
