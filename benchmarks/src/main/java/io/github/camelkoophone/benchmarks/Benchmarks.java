package io.github.camelkoophone.benchmarks;

/**
 * Entry point: {@code java -jar camel-koophone-benchmarks.jar [suite...] [quick] [--option=value...]}. Each suite
 * measures one question (against a loopback stub, the simulator, or a TLS gateway in a child process) and writes its
 * section of docs/performance.md.
 * <ul>
 * <li>{@code producer}: producer overhead, {@link ProducerOverheadBenchmark}.</li>
 * <li>{@code fanout}: a 1,000-id call split and fanned out against 50 ms of latency, {@link FanoutBenchmark}.</li>
 * <li>{@code consumer}: one koophone:tasks consumer following 10,000 tasks on the simulator, {@link ConsumerScaleBenchmark}.</li>
 * <li>{@code startup}: the quickstart from JVM launch to its first task event, {@link StartupBenchmark}.</li>
 * <li>{@code traffic}: the rate limit, retry budget and adaptive polling against today's behaviour, {@link TrafficBenchmark}.</li>
 * <li>{@code cluster}: the Kafka task log's rebuild, failover and GetTask share per node, {@link ClusterBenchmark}.</li>
 * <li>{@code remote}: calls over TLS with latency, logins and task following, and their CPU, {@link RemoteBenchmark}.</li>
 * </ul>
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        // kafka-test-common-runtime (the cluster suite's broker) carries a log4j2.yaml, which Log4j 2 prefers to an
        // XML file: without this the benchmark would log at INFO, and Huawei's SDK writes an access line per request
        if (System.getProperty("log4j2.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", "log4j2.xml");
        }
        Settings settings = Settings.parse(args);
        for (String suite : settings.suites()) {
            switch (suite) {
                case "producer" -> new ProducerOverheadBenchmark(settings).run();
                case "fanout" -> new FanoutBenchmark(settings).run();
                case "consumer" -> new ConsumerScaleBenchmark(settings).run();
                case "startup" -> new StartupBenchmark(settings).run();
                case "cluster" -> new ClusterBenchmark(settings).run();
                case "traffic" -> new TrafficBenchmark(settings).run();
                case "remote" -> new RemoteBenchmark(settings).run();
                default -> throw new IllegalArgumentException("unknown suite " + suite);
            }
        }
        System.out.println("wrote " + settings.out());
        // Camel, OkHttp and the JDK client leave non-daemon threads behind on some paths
        System.exit(0);
    }
}
