package io.github.camelkoophone.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Run settings, from arguments ({@code quick}, {@code --rounds=5}, ...) or the same names as system properties
 * ({@code -Dquick}, {@code -Drounds=5}, ...). Defaults: the full run each suite describes; {@code quick} a smoke run.
 *
 * @param suites      which suites to run (default: all)
 * @param quick       the smoke-run defaults
 * @param rounds      measured rounds; each round measures every variant once per scenario, in a shuffled order
 * @param roundsGiven whether {@code rounds} was given (suites with a default of their own use it only then)
 * @param warmupRounds discarded rounds before them
 * @param warmupMillis measured window of a warm-up cell
 * @param rampMillis  time each cell runs before its window opens
 * @param measureMillis the shortest measured window of a cell
 * @param maxMeasureMillis the longest: a cell whose throughput has not settled by then ends unsettled
 * @param steadyCv    a window ends once its last slices' throughput varies by at most this (coefficient of variation)
 * @param threads     the thread counts (scenarios)
 * @param only        variant ids to run (empty: all)
 * @param seed        the seed of the order shuffles, printed in the report so a run's order can be repeated
 * @param verifyEvery the stub recomputes the signature of a random one in this many signed requests (1: all)
 * @param concurrency {@code remote}: the numbers of calls kept in flight (scenarios)
 * @param out         the report file
 */
record Settings(Set<String> suites, boolean quick, int rounds, boolean roundsGiven, int warmupRounds, long warmupMillis,
                long rampMillis, long measureMillis, long maxMeasureMillis, double steadyCv, int[] threads, Set<String> only,
                long seed, int verifyEvery, int[] concurrency, Path out) {

    static final List<String> ALL_SUITES = List.of("producer", "fanout", "consumer", "startup", "cluster", "traffic", "remote");
    private static final List<String> OPTIONS = List.of("rounds", "warmup-rounds", "warmup-ms", "ramp-ms", "measure-ms",
            "max-measure-ms", "steady-cv", "threads", "only", "seed", "verify-every", "concurrency", "out");

    static Settings parse(String[] args) {
        Set<String> suites = new LinkedHashSet<>();
        boolean quick = System.getProperty("quick") != null && !"false".equals(System.getProperty("quick"));
        List<String> options = new ArrayList<>();
        for (String arg : args) {
            if ("quick".equals(arg) || "--quick".equals(arg)) {
                quick = true;
            } else if ("--help".equals(arg)) {
                usage();
                System.exit(0);
            } else if (arg.startsWith("--")) {
                String option = arg.substring(2);
                if (!OPTIONS.contains(option.split("=", 2)[0]) || !option.contains("=")) {
                    // an unknown option must not start a run that rewrites docs/performance.md
                    System.err.println("unknown option: " + arg);
                    usage();
                    System.exit(2);
                }
                options.add(option);
            } else if (ALL_SUITES.contains(arg)) {
                suites.add(arg);
            } else if ("help".equals(arg) || "-h".equals(arg)) {
                usage();
                System.exit(0);
            } else {
                System.err.println("unknown argument: " + arg);
                usage();
                System.exit(2);
            }
        }
        if (suites.isEmpty()) {
            suites.addAll(ALL_SUITES);
        }
        boolean roundsGiven = text(options, "rounds", null) != null;
        int rounds = (int) option(options, "rounds", quick ? 2 : 5);
        int warmupRounds = (int) option(options, "warmup-rounds", 1);
        long warmup = option(options, "warmup-ms", quick ? 400 : 1000);
        long ramp = option(options, "ramp-ms", quick ? 100 : 200);
        long measure = option(options, "measure-ms", quick ? 400 : 1000);
        long maxMeasure = Math.max(measure, option(options, "max-measure-ms", quick ? 1000 : 4000));
        double steadyCv = Double.parseDouble(text(options, "steady-cv", "0.05"));
        int[] threads = numbers(text(options, "threads", "1,8"));
        String seedText = text(options, "seed", null);
        long seed = seedText != null ? Long.parseLong(seedText.trim()) : new java.util.Random().nextInt(1_000_000);
        int verifyEvery = (int) option(options, "verify-every", 16);
        int[] concurrency = numbers(text(options, "concurrency", "16,64"));
        Set<String> only = new LinkedHashSet<>();
        for (String id : text(options, "only", "").split(",")) {
            if (!id.isBlank()) {
                only.add(id.trim());
            }
        }
        String out = text(options, "out", null);
        return new Settings(suites, quick, rounds, roundsGiven, warmupRounds, warmup, ramp, measure, maxMeasure, steadyCv,
                threads, only, seed, verifyEvery, concurrency, out != null ? Path.of(out) : defaultOut());
    }

    /** {@code rounds} if given, else this suite's own default. */
    int rounds(int suiteDefault) {
        return roundsGiven ? rounds : suiteDefault;
    }

    private static int[] numbers(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
    }

    /** docs/performance.md of the project, whether run from its root or from benchmarks/. */
    private static Path defaultOut() {
        return Report.projectRoot().resolve("docs").resolve("performance.md");
    }

    private static long option(List<String> options, String name, long fallback) {
        String value = text(options, name, null);
        return value == null ? fallback : Long.parseLong(value.trim());
    }

    private static String text(List<String> options, String name, String fallback) {
        for (String option : options) {
            if (option.startsWith(name + "=")) {
                return option.substring(name.length() + 1);
            }
        }
        String property = System.getProperty(name);
        return property != null ? property : fallback;
    }

    private static void usage() {
        System.err.println("""
                usage: java -jar benchmarks/target/camel-koophone-benchmarks.jar [suite...] [quick] [--option=value...]
                  suites:  %s (default: all)
                  quick    ~1 minute smoke run (also -Dquick)
                  --rounds=5 --warmup-rounds=1 --warmup-ms=1000 --ramp-ms=200 --measure-ms=1000
                  --max-measure-ms=4000 --steady-cv=0.05 --seed=N --verify-every=16
                  --threads=1,8 --only=variant,ids --concurrency=16,64 --out=docs/performance.md
                  (each also as -Dname=value)""".formatted(String.join(", ", ALL_SUITES)));
    }
}
