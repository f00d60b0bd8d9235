package io.github.camelkoophone.simulator;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.github.camelkoophone.simulator.faults.RandomFaults;
import io.github.camelkoophone.simulator.iam.AccessKey;
import io.github.camelkoophone.simulator.iam.SimUser;
import io.github.camelkoophone.simulator.json.SimJson;
import io.github.camelkoophone.simulator.state.RateLimits;
import io.github.camelkoophone.simulator.state.SimInstance;

/**
 * Standalone entry point: {@code java -jar camel-koophone-simulator-<version>-standalone.jar --port 8089 --instances 20}.
 * The process serves until killed or until {@code POST /_sim/shutdown}.
 */
public final class Main {

    private static final String USAGE = """
            Usage: java -jar camel-koophone-simulator-standalone.jar [options]
              --port N                  TCP port on 127.0.0.1 (default 8089; 0 = any free port)
              --instances N             generated instances (default 5)
              --instances-file FILE     JSON array of instances to add (admin API field names)
              --seed N                  seed for ids, job outcomes, task durations and random faults (default 42)
              --region R                region of instances and SKUs (default cn-north-7)
              --project NAME:ID         project of the default user and instances
              --task-duration D         time until jobs finish, e.g. 500ms, 2s (default 1s)
              --task-duration-max D     spread task durations from --task-duration up to D (default: no spread)
              --prepare-duration D      time until a prepare is ready (default: task duration)
              --failure-rate X          share of jobs that fail, 0..1 (default 0)
              --token-lifetime D        IAM token lifetime, e.g. 24h, 10m (default 24h)
              --quirks                  answer with the reference examples' quirky shapes
              --no-busy-check           allow overlapping reset/backup/unassign on one instance
              --user NAME:PASSWORD:DOMAIN      add an IAM user (in the simulator's project)
              --ak AK:SK[:SECURITY_TOKEN]      add an AK/SK pair
              --token TOKEN             add a static always-valid token
              --no-default-credentials  drop the built-in user, AK/SK and static token
              --random-faults SPEC      e.g. 503=0.1,429=0.05,drop=0.02 (seeded by --seed)
              --rate-limit R[:BURST]    throttle each project to R requests/s, bursts of BURST (default ceil(R))
              --operation-rate-limit OP=R[:BURST]  also throttle one operation, e.g. getTask=5 (repeatable)
              --keystore FILE           serve HTTPS with this PKCS12 keystore
              --keystore-password PW    its password
              --help                    this text
            """;

    private Main() {
    }

    public static void main(String[] args) {
        try {
            KooPhoneSimulator sim = start(args, System.out);
            if (sim == null) {
                return;
            }
            Runtime.getRuntime().addShutdownHook(new Thread(sim::stop, "koophone-sim-stop"));
            // The HTTP server's dispatcher thread keeps the JVM alive after main returns.
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
        }
    }

    /** Parses the command line and starts a simulator; returns null after printing help. */
    static KooPhoneSimulator start(String[] args, PrintStream out) {
        KooPhoneSimulator.Builder b = KooPhoneSimulator.builder().port(8089);
        RandomFaults randomFaults = null;
        String randomSpec = null;
        long seed = 42;
        String keystore = null;
        String keystorePassword = "";
        String projectName = KooPhoneSimulator.DEFAULT_PROJECT_NAME;
        String projectId = KooPhoneSimulator.DEFAULT_PROJECT_ID;
        List<String[]> users = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--help", "-h" -> {
                    out.print(USAGE);
                    return null;
                }
                case "--port" -> b.port(Integer.parseInt(value(args, ++i, arg)));
                case "--instances" -> b.instances(Integer.parseInt(value(args, ++i, arg)));
                case "--instances-file" -> b.instances(readInstances(Path.of(value(args, ++i, arg))));
                case "--seed" -> {
                    seed = Long.parseLong(value(args, ++i, arg));
                    b.seed(seed);
                }
                case "--region" -> b.region(value(args, ++i, arg));
                case "--project" -> {
                    String[] p = value(args, ++i, arg).split(":", 2);
                    if (p.length != 2) {
                        throw new IllegalArgumentException("--project takes NAME:ID");
                    }
                    projectName = p[0];
                    projectId = p[1];
                    b.project(projectName, projectId);
                }
                case "--task-duration" -> b.taskDuration(duration(value(args, ++i, arg)));
                case "--task-duration-max" -> b.taskDurationMax(duration(value(args, ++i, arg)));
                case "--prepare-duration" -> b.prepareDuration(duration(value(args, ++i, arg)));
                case "--failure-rate" -> b.taskFailureRate(Double.parseDouble(value(args, ++i, arg)));
                case "--token-lifetime" -> b.tokenLifetime(duration(value(args, ++i, arg)));
                case "--quirks" -> b.quirkMode(true);
                case "--no-busy-check" -> b.busyCheck(false);
                case "--user" -> {
                    String[] u = value(args, ++i, arg).split(":", 3);
                    if (u.length != 3) {
                        throw new IllegalArgumentException("--user takes NAME:PASSWORD:DOMAIN");
                    }
                    users.add(u);
                }
                case "--ak" -> {
                    String[] k = value(args, ++i, arg).split(":", 3);
                    if (k.length < 2) {
                        throw new IllegalArgumentException("--ak takes AK:SK[:SECURITY_TOKEN]");
                    }
                    b.accessKey(new AccessKey(k[0], k[1], k.length == 3 ? k[2] : null));
                }
                case "--token" -> b.staticToken(value(args, ++i, arg));
                case "--no-default-credentials" -> b.withoutDefaultCredentials();
                case "--random-faults" -> randomSpec = value(args, ++i, arg);
                case "--rate-limit" -> {
                    RateLimits.Limit l = rateLimit(value(args, ++i, arg), arg);
                    b.rateLimit(l.perSecond(), l.burst());
                }
                case "--operation-rate-limit" -> {
                    String[] kv = value(args, ++i, arg).split("=", 2);
                    if (kv.length != 2 || kv[0].isBlank()) {
                        throw new IllegalArgumentException("--operation-rate-limit takes OP=R[:BURST]");
                    }
                    RateLimits.Limit l = rateLimit(kv[1], arg);
                    b.operationRateLimit(kv[0].trim(), l.perSecond(), l.burst());
                }
                case "--keystore" -> keystore = value(args, ++i, arg);
                case "--keystore-password" -> keystorePassword = value(args, ++i, arg);
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        // Users join the project only once every option is read, whatever the order on the command line.
        for (String[] u : users) {
            b.user(new SimUser(u[0], u[1], u[2], projectName, projectId));
        }
        if (keystore != null) {
            b.https(sslContext(Path.of(keystore), keystorePassword.toCharArray()));
        }
        if (randomSpec != null) {
            randomFaults = randomFaults(randomSpec, seed);
        }
        KooPhoneSimulator sim = b.start();
        if (randomFaults != null) {
            sim.faults().random(randomFaults);
        }
        out.println("KooPhone simulator listening on " + sim.url() + " with " + sim.inventory().size() + " instances");
        out.println("  IAM endpoint: " + sim.url() + "/v3/auth/tokens; admin API: " + sim.url() + "/_sim/");
        out.println("  users: " + sim.users().stream().map(SimUser::name).toList()
                + ", access keys: " + sim.accessKeys().stream().map(AccessKey::accessKey).toList()
                + ", static tokens: " + sim.staticTokens().size());
        return sim;
    }

    /** {@code 500ms}, {@code 2s}, {@code 5m}, {@code 24h}, or ISO-8601 ({@code PT2S}); a bare number is milliseconds. */
    static Duration duration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("p")) {
                return Duration.parse(text.trim().toUpperCase(Locale.ROOT));
            }
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            if (t.endsWith("s")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 1000));
            }
            if (t.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
            }
            if (t.endsWith("h")) {
                return Duration.ofHours(Long.parseLong(t.substring(0, t.length() - 1)));
            }
            return Duration.ofMillis(Long.parseLong(t));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a duration: " + text);
        }
    }

    static RandomFaults randomFaults(String spec, long seed) {
        RandomFaults f = RandomFaults.seed(seed);
        for (String part : spec.split(",")) {
            String[] kv = part.trim().split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("--random-faults takes e.g. 503=0.1,429=0.05,drop=0.02");
            }
            double rate = Double.parseDouble(kv[1]);
            if (kv[0].equalsIgnoreCase("drop")) {
                f.drop(rate);
            } else {
                f.status(Integer.parseInt(kv[0]), rate);
            }
        }
        return f;
    }

    /** {@code R} or {@code R:BURST}; the burst defaults to one second's worth, at least 1. */
    static RateLimits.Limit rateLimit(String text, String option) {
        String[] p = text.split(":", 2);
        try {
            double perSecond = Double.parseDouble(p[0].trim());
            return p.length == 2 ? new RateLimits.Limit(perSecond, Integer.parseInt(p[1].trim()))
                    : RateLimits.Limit.of(perSecond);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes R[:BURST], e.g. 10 or 2.5:5, not " + text);
        }
    }

    private static List<SimInstance> readInstances(Path file) {
        try {
            return List.of(SimJson.MAPPER.readValue(file.toFile(), SimInstance[].class));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("cannot read instances from " + file + ": " + e.getMessage());
        }
    }

    private static SSLContext sslContext(Path keystore, char[] password) {
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, password);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
            return ctx;
        } catch (Exception e) {
            throw new IllegalArgumentException("cannot use keystore " + keystore + ": " + e.getMessage());
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }
}
