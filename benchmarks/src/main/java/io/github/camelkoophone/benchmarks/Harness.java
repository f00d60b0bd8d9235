package io.github.camelkoophone.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Measures one cell: a target doing one operation in a closed loop on N fresh worker threads until its throughput
 * is steady. The workers run a short ramp first (connections, thread-locals), then the window is measured: calls,
 * latency of every call (kept in preallocated arrays, so recording allocates nothing), process CPU time less the
 * stub thread's, and bytes allocated by every thread but the stub's and the caller's. The window is read in slices
 * of {@link #SLICE_MILLIS}; it lasts at least {@link Window#minMillis} and then ends as soon as the throughput of its
 * last {@link #STEADY_SLICES} slices varies by at most {@link Window#steadyCv} (coefficient of variation), or at
 * {@link Window#maxMillis}, the cell then marked unsettled.
 */
final class Harness {

    static final long SLICE_MILLIS = 250;
    static final int STEADY_SLICES = 4;

    /** How long a cell's window lasts: see the class comment. */
    record Window(long minMillis, long maxMillis, double steadyCv) {
    }

    /** Latency slots per worker; calls beyond them are counted but not timed. */
    private static final int LATENCY_SLOTS = 1 << 20;

    private final StubServer stub;
    private final long[][] latencies;
    private final long[] merged;
    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    Harness(StubServer stub, int maxThreads) {
        this.stub = stub;
        this.latencies = new long[maxThreads][LATENCY_SLOTS];
        this.merged = new long[maxThreads * LATENCY_SLOTS];
        threads.setThreadAllocatedMemoryEnabled(true);
        threads.setThreadCpuTimeEnabled(true);
    }

    /** The outcome of one measured window. */
    record Sample(int round, long calls, double seconds, double callsPerSecond, double p50Micros, double p99Micros,
                  double cpuMicrosPerCall, double stubCpuMicrosPerCall, double allocBytesPerCall,
                  double contextSwitchesPerCall, long errors, String error, double sliceCv, boolean settled) {

        /** More than 1% of the calls failed (or none succeeded): the sample does not count. */
        boolean failed() {
            return calls == 0 || errors * 100 > calls;
        }

        static Sample failure(int round, long errors, String error) {
            return new Sample(round, 0, 0, 0, 0, 0, 0, 0, 0, 0, errors, error, Double.NaN, false);
        }
    }

    private final class Worker extends Thread {
        private final Target target;
        private final Target.Op op;
        private final long[] latency;
        volatile long calls;
        volatile long errors;
        volatile boolean stop;
        volatile Throwable error;

        Worker(Target target, Target.Op op, int index) {
            super("bench-worker-" + index);
            setDaemon(true);
            this.target = target;
            this.op = op;
            this.latency = latencies[index];
        }

        @Override
        public void run() {
            long n = 0;
            while (!stop) {
                long start = System.nanoTime();
                try {
                    target.call(op);
                } catch (Throwable t) {
                    // counted, not timed; the caller decides whether the cell still counts
                    error = t;
                    errors++;
                    continue;
                }
                long elapsed = System.nanoTime() - start;
                if (n < LATENCY_SLOTS) {
                    latency[(int) n] = elapsed;
                }
                calls = ++n;
            }
        }
    }

    Sample run(int round, Target target, Target.Op op, int threadCount, long rampMillis, Window window)
            throws InterruptedException {
        System.gc();
        Worker[] workers = new Worker[threadCount];
        for (int i = 0; i < threadCount; i++) {
            workers[i] = new Worker(target, op, i);
        }
        for (Worker worker : workers) {
            worker.start();
        }
        TimeUnit.MILLISECONDS.sleep(rampMillis);

        long[] startCalls = new long[threadCount];
        long switchesStart = Machine.contextSwitches(StubServer.THREAD_NAME);
        Map<Long, Long> allocStart = allocated();
        long cpuStart = os.getProcessCpuTime();
        long stubCpuStart = stub.cpuNanos();
        long t0 = System.nanoTime();
        for (int i = 0; i < threadCount; i++) {
            startCalls[i] = workers[i].calls;
        }

        long[] endCalls = new long[threadCount];
        double[] rates = new double[(int) (window.maxMillis() / SLICE_MILLIS) + 1];
        int slices = 0;
        long previousCalls = sum(startCalls);
        long previousAt = t0;
        double cv;
        long t1;
        while (true) {
            TimeUnit.MILLISECONDS.sleep(SLICE_MILLIS);
            for (int i = 0; i < threadCount; i++) {
                endCalls[i] = workers[i].calls;
            }
            t1 = System.nanoTime();
            long total = sum(endCalls);
            rates[slices++] = (total - previousCalls) / ((t1 - previousAt) / 1e9);
            previousCalls = total;
            previousAt = t1;
            cv = slices >= STEADY_SLICES ? cv(rates, slices - STEADY_SLICES, slices) : Double.NaN;
            long elapsed = TimeUnit.NANOSECONDS.toMillis(t1 - t0);
            if (elapsed >= window.minMillis() && cv <= window.steadyCv() || elapsed >= window.maxMillis() || slices == rates.length) {
                break;
            }
        }
        boolean settled = cv <= window.steadyCv();
        long stubCpuEnd = stub.cpuNanos();
        long cpuEnd = os.getProcessCpuTime();
        Map<Long, Long> allocEnd = allocated();
        long switchesEnd = Machine.contextSwitches(StubServer.THREAD_NAME);

        for (Worker worker : workers) {
            worker.stop = true;
        }
        for (Worker worker : workers) {
            worker.join(30_000);
        }
        long errors = 0;
        String error = null;
        for (Worker worker : workers) {
            errors += worker.errors;
            if (worker.error != null) {
                error = worker.error.getClass().getName() + ": " + worker.error.getMessage();
            }
        }

        long calls = 0;
        int timed = 0;
        for (int i = 0; i < threadCount; i++) {
            calls += endCalls[i] - startCalls[i];
            int from = (int) Math.min(startCalls[i], LATENCY_SLOTS);
            int to = (int) Math.min(endCalls[i], LATENCY_SLOTS);
            System.arraycopy(latencies[i], from, merged, timed, to - from);
            timed += to - from;
        }
        if (calls == 0) {
            return Sample.failure(round, errors, error != null ? error : "no call completed in the window");
        }
        Arrays.sort(merged, 0, timed);
        double seconds = (t1 - t0) / 1e9;
        long stubCpu = stubCpuEnd - stubCpuStart;
        long clientCpu = (cpuEnd - cpuStart) - stubCpu;
        long alloc = 0;
        long self = Thread.currentThread().getId();
        for (Map.Entry<Long, Long> end : allocEnd.entrySet()) {
            long id = end.getKey();
            if (id == self || id == stub.threadId() || end.getValue() < 0) {
                continue;
            }
            alloc += end.getValue() - allocStart.getOrDefault(id, 0L);
        }
        return new Sample(round, calls, seconds, calls / seconds, percentile(timed, 0.50) / 1e3, percentile(timed, 0.99) / 1e3,
                clientCpu / 1e3 / calls, stubCpu / 1e3 / calls, (double) alloc / calls,
                switchesStart < 0 ? Double.NaN : (double) (switchesEnd - switchesStart) / calls, errors, error, cv, settled);
    }

    private static long sum(long[] values) {
        long total = 0;
        for (long v : values) {
            total += v;
        }
        return total;
    }

    /** Coefficient of variation (standard deviation over mean) of {@code values[from, to)}. */
    private static double cv(double[] values, int from, int to) {
        double mean = 0;
        for (int i = from; i < to; i++) {
            mean += values[i];
        }
        mean /= to - from;
        double squares = 0;
        for (int i = from; i < to; i++) {
            squares += (values[i] - mean) * (values[i] - mean);
        }
        return mean == 0 ? Double.POSITIVE_INFINITY : Math.sqrt(squares / (to - from)) / mean;
    }

    private double percentile(int count, double p) {
        if (count == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p * count) - 1;
        return merged[Math.max(0, Math.min(count - 1, index))];
    }

    private Map<Long, Long> allocated() {
        long[] ids = threads.getAllThreadIds();
        long[] bytes = threads.getThreadAllocatedBytes(ids);
        Map<Long, Long> byId = new HashMap<>(ids.length * 2);
        for (int i = 0; i < ids.length; i++) {
            byId.put(ids[i], bytes[i]);
        }
        return byId;
    }
}
