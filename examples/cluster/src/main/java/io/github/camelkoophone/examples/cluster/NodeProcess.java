package io.github.camelkoophone.examples.cluster;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * A {@link ClusterNode} in a JVM of its own, on the launcher's class path, configured by system properties. Its
 * output (stdout and stderr) is printed prefixed by the node's name, and each line is also handed to a listener.
 */
final class NodeProcess {

    private final String name;
    private final Process process;
    private final Thread reader;

    private NodeProcess(String name, Process process, BiConsumer<String, String> listener) {
        this.name = name;
        this.process = process;
        this.reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    System.out.println("[" + name + "] " + line);
                    listener.accept(name, line);
                }
            } catch (IOException e) {
                // the process ended
            }
        }, name + "-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts a node; {@code listener} gets (node name, line) for each line it prints. */
    static NodeProcess start(String name, Map<String, String> properties, BiConsumer<String, String> listener)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // small and quick to start: three of these share the machine with the broker and the simulator
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Dcluster.node=" + name));
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-cp", classPath(), ClusterNode.class.getName()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        return new NodeProcess(name, process, listener);
    }

    String name() {
        return name;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** kill -9: no shutdown, no leaving the consumer group; Kafka notices after session.timeout.ms. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
        reader.join(5_000);
    }

    /** Asks for a graceful stop (SIGTERM: Camel Main stops its routes, the consumer leaves the group). */
    void stop() {
        // through the handle: Process.destroy() would also close our end of its output, losing the shutdown's log
        process.toHandle().destroy();
    }

    /**
     * Waits for the process to end, killing it when it does not within {@code seconds}, and for its last output to
     * be printed; returns its exit code.
     */
    int awaitExit(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        reader.join(5_000);
        return process.exitValue();
    }

    /**
     * The class path the launcher runs on: java.class.path, unless the launcher runs in a class loader of its own
     * (exec:java runs it in Maven's JVM, whose java.class.path is Maven's).
     */
    static String classPath() {
        if (ClusterNode.class.getClassLoader() instanceof URLClassLoader loader && loader.getURLs().length > 0) {
            List<String> entries = new ArrayList<>();
            for (URL url : loader.getURLs()) {
                try {
                    entries.add(Path.of(url.toURI()).toString());
                } catch (URISyntaxException | IllegalArgumentException e) {
                    throw new IllegalStateException("not a file on the class path: " + url, e);
                }
            }
            return String.join(File.pathSeparator, entries);
        }
        return System.getProperty("java.class.path");
    }
}
