package io.github.camelkoophone.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Measures one cell: a target doing one operation in a closed loop on N fresh worker threads for a fixed time.
 * The workers run a short ramp first (connections, thread-locals), then the window is measured: calls, latency of
 * every call (kept in preallocated arrays, so recording allocates nothing), process CPU time less the stub
 * thread's, and bytes allocated by every thread but the stub's and the caller's.
 */
final class Harness {

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
                  double contextSwitchesPerCall, long errors, String error) {

        /** More than 1% of the calls failed (or none succeeded): the sample does not count. */
        boolean failed() {
            return calls == 0 || errors * 100 > calls;
        }

        static Sample failure(int round, long errors, String error) {
            return new Sample(round, 0, 0, 0, 0, 0, 0, 0, 0, 0, errors, error);
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

    Sample run(int round, Target target, Target.Op op, int threadCount, long rampMillis, long measureMillis)
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

        TimeUnit.MILLISECONDS.sleep(measureMillis);

        long[] endCalls = new long[threadCount];
        for (int i = 0; i < threadCount; i++) {
            endCalls[i] = workers[i].calls;
        }
        long t1 = System.nanoTime();
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
                switchesStart < 0 ? Double.NaN : (double) (switchesEnd - switchesStart) / calls, errors, error);
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
