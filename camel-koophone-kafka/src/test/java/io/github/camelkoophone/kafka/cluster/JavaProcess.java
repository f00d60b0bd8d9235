package io.github.camelkoophone.kafka.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A JVM of its own, as a node or a broker of a real deployment is: its output kept line by line with the time each
 * arrived (and copied to {@code target/cluster-logs}), its input a line protocol, and killable with SIGKILL or
 * frozen with SIGSTOP.
 */
public final class JavaProcess implements AutoCloseable {

    /** One line of output and when the test read it (System.nanoTime). */
    public record Line(long at, String text) {
    }

    private final String name;
    private final Process process;
    private final PrintWriter input;
    private final List<Line> lines = new CopyOnWriteArrayList<>();

    private JavaProcess(String name, Process process, Path logFile) throws IOException {
        this.name = name;
        this.process = process;
        this.input = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        Writer log = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8);
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                 log) {
                String line;
                while ((line = out.readLine()) != null) {
                    lines.add(new Line(System.nanoTime(), line));
                    log.write(line);
                    log.write('\n');
                    log.flush();
                }
            } catch (IOException e) {
                // the process ended
            }
        }, name + "-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code mainClass} on this JVM's class path. */
    static JavaProcess start(String name, String mainClass, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(args);
        return start(name, command);
    }

    /** Starts {@code java -jar jar args}. */
    static JavaProcess startJar(String name, String jar, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx256m", "-XX:+UseSerialGC", "-jar", jar));
        command.addAll(args);
        return start(name, command);
    }

    private static JavaProcess start(String name, List<String> command) throws IOException {
        Path logs = Path.of("target", "cluster-logs");
        Files.createDirectories(logs);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        return new JavaProcess(name, process, logs.resolve(name + "-" + process.pid() + ".log"));
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public String name() {
        return name;
    }

    public List<Line> lines() {
        return lines;
    }

    /** Waits for the first line that matches; fails naming the process and its last output when none comes. */
    public Line await(Predicate<String> wanted, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int seen = 0;
        while (System.nanoTime() < deadline) {
            for (; seen < lines.size(); seen++) {
                if (wanted.test(lines.get(seen).text())) {
                    return lines.get(seen);
                }
            }
            if (!process.isAlive() && seen == lines.size()) {
                break;
            }
            sleep(20);
        }
        throw new AssertionError(name + ": the expected line did not come within " + timeout + "; last output:\n"
                                 + String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()).stream()
                .map(Line::text).toList()));
    }

    public void send(String line) {
        input.println(line);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** kill -9: no shutdown hook, no leaving the group, nothing flushed. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** kill -STOP / -CONT: the process stops answering and resumes, its connections open. */
    public void signal(String signal) throws IOException, InterruptedException {
        // the shell's kill builtin: a bare machine may have no kill binary
        Process kill = new ProcessBuilder("sh", "-c", "kill -" + signal + " " + process.pid()).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IOException("kill -" + signal + " " + process.pid() + " failed");
        }
    }

    /** Waits for the process to end by itself. */
    public boolean waitFor(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            input.close();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
