package io.github.camelkoophone.benchmarks;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What the numbers were measured on. */
final class Machine {

    private Machine() {
    }

    static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // not Linux
        }
        return System.getProperty("os.arch");
    }

    /**
     * Context switches (voluntary + involuntary) of every live thread of this process but the one named
     * {@code excluded}, from /proc/self/task; -1 where there is no /proc.
     */
    static long contextSwitches(String excluded) {
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return -1;
        }
        long total = 0;
        try (var dirs = Files.newDirectoryStream(tasks)) {
            for (Path task : dirs) {
                try {
                    if (excluded != null && excluded.equals(Files.readString(task.resolve("comm")).trim())) {
                        continue;
                    }
                    for (String line : Files.readAllLines(task.resolve("status"))) {
                        if (line.startsWith("voluntary_ctxt_switches:") || line.startsWith("nonvoluntary_ctxt_switches:")) {
                            total += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                        }
                    }
                } catch (IOException | RuntimeException threadGone) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return total;
    }

    /** The git commit of the working tree and whether the component's sources differ from it. */
    static String codeVersion() {
        String head = git("rev-parse", "--short", "HEAD");
        if (head == null) {
            return "unknown (no git)";
        }
        String dirty = git("status", "--porcelain", "--", "camel-koophone/src/main");
        return "commit " + head + (dirty == null || dirty.isEmpty()
                ? ""
                : " plus uncommitted changes to the component (" + dirty.lines().count() + " files)");
    }

    private static String git(String... args) {
        try {
            List<String> command = new ArrayList<>();
            command.add("git");
            command.addAll(List.of(args));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes()).trim();
            return process.waitFor() == 0 ? out : null;
        } catch (IOException | InterruptedException e) {
            return null;
        }
    }

    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** Markdown bullet lines describing the machine and JVM. */
    static List<String> describe() {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Runtime rt = Runtime.getRuntime();
        List<String> gcs = new ArrayList<>();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcs.add(gc.getName());
        }
        List<String> lines = new ArrayList<>();
        lines.add("CPU: " + rt.availableProcessors() + " cores available to the JVM (" + cpuModel() + ")");
        lines.add(String.format(Locale.ROOT, "Memory: %.1f GiB physical, JVM max heap %.1f GiB",
                os.getTotalMemorySize() / (double) (1L << 30), rt.maxMemory() / (double) (1L << 30)));
        lines.add("OS: " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " ("
                  + System.getProperty("os.arch") + ")");
        lines.add("JVM: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " ("
                  + System.getProperty("java.vm.vendor") + "), GC: " + String.join(" + ", gcs)
                  + ", flags: " + (ManagementFactory.getRuntimeMXBean().getInputArguments().isEmpty()
                                   ? "none" : String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments())));
        return lines;
    }
}
