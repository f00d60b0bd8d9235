package io.github.camelkoophone.simulator;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.github.camelkoophone.simulator.cph.CphOperations;
import io.github.camelkoophone.simulator.cph.CphState;
import io.github.camelkoophone.simulator.faults.FaultInjector;
import io.github.camelkoophone.simulator.http.AdminHandler;
import io.github.camelkoophone.simulator.http.ApiHandler;
import io.github.camelkoophone.simulator.http.Operation;
import io.github.camelkoophone.simulator.http.OperationTable;
import io.github.camelkoophone.simulator.iam.AccessKey;
import io.github.camelkoophone.simulator.iam.GatewayAuthenticator;
import io.github.camelkoophone.simulator.iam.IamService;
import io.github.camelkoophone.simulator.iam.SimUser;
import io.github.camelkoophone.simulator.journal.Journal;
import io.github.camelkoophone.simulator.koophone.AppOperations;
import io.github.camelkoophone.simulator.koophone.CommandOperations;
import io.github.camelkoophone.simulator.koophone.InstanceOperations;
import io.github.camelkoophone.simulator.koophone.PurchaseOperations;
import io.github.camelkoophone.simulator.koophone.SkuCatalog;
import io.github.camelkoophone.simulator.koophone.UsageOperations;
import io.github.camelkoophone.simulator.state.Inventory;
import io.github.camelkoophone.simulator.state.RateLimits;
import io.github.camelkoophone.simulator.state.SimClock;
import io.github.camelkoophone.simulator.state.SimInstance;
import io.github.camelkoophone.simulator.state.SimulatorSettings;
import io.github.camelkoophone.simulator.state.SimulatorState;
import io.github.camelkoophone.simulator.state.TaskEngine;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stateful local twin of the KooPhone API (and of IAM's token endpoint), for tests and demos.
 *
 * <pre>{@code
 * try (KooPhoneSimulator sim = KooPhoneSimulator.builder().instances(5).taskDuration(Duration.ofMillis(200)).start()) {
 *     String endpoint = sim.url();                     // http://127.0.0.1:<port>, also the IAM endpoint
 *     String token = sim.staticToken();                // always-valid X-Auth-Token
 *     sim.faults().add(Fault.on("batchReset").httpStatus(503).times(1));
 *     ...
 *     assertThat(sim.journal().count("batchReset")).isEqualTo(2);
 * }
 * }</pre>
 *
 * The server binds to 127.0.0.1 only. Admin endpoints live under {@code /_sim/}.
 */
public final class KooPhoneSimulator implements AutoCloseable {

    public static final String DEFAULT_USER = "koophone-user";
    public static final String DEFAULT_PASSWORD = "koophone-password";
    public static final String DEFAULT_DOMAIN = "koophone-domain";
    public static final String DEFAULT_REGION = "cn-north-7";
    public static final String DEFAULT_PROJECT_NAME = "cn-north-7";
    public static final String DEFAULT_PROJECT_ID = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
    public static final String DEFAULT_ACCESS_KEY = "SIMULATORACCESSKEY01";
    public static final String DEFAULT_SECRET_KEY = "simulator-secret-key-0123456789abcdefghij";
    public static final String DEFAULT_STATIC_TOKEN = "koophone-sim-static-token";
    /** Instances generated when the builder names neither a count nor explicit instances. */
    public static final int DEFAULT_INSTANCE_COUNT = 5;

    static {
        // The JDK server writes headers and body separately; with Nagle on, each keep-alive response then
        // waits ~40 ms for the client's delayed ACK. The property is read once, when the server classes load.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final int configuredPort;
    private final SSLContext sslContext;
    private final String region;
    private final String projectId;
    private final SimulatorState state;
    private final CphState cph;
    private final IamService iam;
    private final GatewayAuthenticator authenticator;
    private final FaultInjector faults;
    private final Journal journal;
    private final OperationTable table = new OperationTable();
    private final List<SimUser> users;
    private final List<AccessKey> accessKeys;
    private final List<String> staticTokens;
    private HttpServer server;
    private ExecutorService executor;

    private KooPhoneSimulator(Builder b) {
        this.configuredPort = b.port;
        this.sslContext = b.sslContext;
        this.region = b.region;
        this.projectId = b.projectId;
        // A fresh clock per simulator unless the caller supplied one, so simulators built from one builder stay independent.
        SimClock clock = b.clock == null ? new SimClock() : b.clock;
        this.users = new ArrayList<>(b.users);
        this.accessKeys = new ArrayList<>(b.accessKeys);
        this.staticTokens = new ArrayList<>(b.staticTokens);
        if (b.defaultCredentials) {
            users.add(0, new SimUser(DEFAULT_USER, DEFAULT_PASSWORD, DEFAULT_DOMAIN, b.projectName, b.projectId));
            accessKeys.add(0, new AccessKey(DEFAULT_ACCESS_KEY, DEFAULT_SECRET_KEY));
            staticTokens.add(0, DEFAULT_STATIC_TOKEN);
        }
        SimulatorSettings settings = new SimulatorSettings(b.quirkMode, b.taskDuration, b.taskDurationMax,
                b.taskFailureRate, b.prepareDuration == null ? b.taskDuration : b.prepareDuration, b.tokenLifetime,
                b.busyCheck, b.rateLimits);
        int generated = b.instanceCount != null ? b.instanceCount : (b.instances.isEmpty() ? DEFAULT_INSTANCE_COUNT : 0);
        this.state = new SimulatorState(clock, settings, b.seed, generated, b.instances, b.region, b.projectId,
                b.projectName);
        this.iam = new IamService(clock, settings, users, staticTokens);
        this.authenticator = new GatewayAuthenticator(iam, clock, accessKeys);
        this.faults = new FaultInjector(b.seed);
        this.journal = new Journal(b.journalCapacity);

        iam.register(table);
        new CommandOperations().register(table);
        new InstanceOperations().register(table);
        new PurchaseOperations(new SkuCatalog(b.region)).register(table);
        new UsageOperations().register(table);
        new AppOperations().register(table);
        // CPH mode: Cloud Phone Host's project-scoped paths, on the same clock, lock and gateway
        this.cph = new CphState(state.lock(), clock, b.seed, b.cphPhones, b.taskDuration);
        new CphOperations(cph, b.projectId).register(table);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts serving; returns this. */
    public synchronized KooPhoneSimulator start() {
        if (server != null) {
            throw new IllegalStateException("already started on port " + port());
        }
        try {
            InetSocketAddress address = new InetSocketAddress(InetAddress.getByName("127.0.0.1"), configuredPort);
            HttpServer s;
            if (sslContext != null) {
                HttpsServer https = HttpsServer.create(address, 0);
                https.setHttpsConfigurator(new HttpsConfigurator(sslContext));
                s = https;
            } else {
                s = HttpServer.create(address, 0);
            }
            // A cached pool: latency faults sleep in handler threads, and must not hold up other clients.
            executor = Executors.newCachedThreadPool(daemonThreads());
            s.setExecutor(executor);
            s.createContext("/", new ApiHandler(table, state, authenticator, iam, faults, journal));
            s.createContext("/_sim/", new AdminHandler(this));
            s.start();
            server = s;
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the KooPhone simulator on port " + configuredPort, e);
        }
    }

    /** Stops serving at once; state is kept, so a later {@link #start()} continues where it left off. */
    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
            executor = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** The bound port (the real one when configured with port 0). */
    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("not started");
        }
        return server.getAddress().getPort();
    }

    /** Base URL of the API, e.g. {@code http://127.0.0.1:8089}; IAM's token endpoint is served here too. */
    public String url() {
        return (sslContext != null ? "https" : "http") + "://127.0.0.1:" + port();
    }

    public URI uri() {
        return URI.create(url());
    }

    /**
     * Back to the configured start: instances, tasks, journal, faults, settings, full rate-limit buckets and clock
     * offset. Issued tokens stay valid.
     */
    public void reset() {
        state.reset();
        cph.reset();
        faults.clear();
        journal.clear();
    }

    /** Revokes every IAM-issued token; returns how many were live. */
    public int revokeTokens() {
        return iam.revokeAll();
    }

    /** Shortcut for {@code settings().quirkMode(enabled)}. */
    public KooPhoneSimulator quirkMode(boolean enabled) {
        state.settings().quirkMode(enabled);
        return this;
    }

    public Journal journal() {
        return journal;
    }

    public FaultInjector faults() {
        return faults;
    }

    /** The Cloud Phone Host (CPH) state: phones and restart jobs served under {@code /v1/{project_id}/cloud-phone/}. */
    public CphState cph() {
        return cph;
    }

    public Inventory inventory() {
        return state.inventory();
    }

    public TaskEngine tasks() {
        return state.tasks();
    }

    public IamService iam() {
        return iam;
    }

    public SimulatorSettings settings() {
        return state.settings();
    }

    public SimClock clock() {
        return state.clock();
    }

    /** The first configured user (the default one unless {@link Builder#withoutDefaultCredentials()}). */
    public SimUser user() {
        return first(users, "user");
    }

    /** The first configured AK/SK pair. */
    public AccessKey accessKey() {
        return first(accessKeys, "access key");
    }

    /** The first configured static token. */
    public String staticToken() {
        return first(staticTokens, "static token");
    }

    private static <T> T first(List<T> list, String what) {
        if (list.isEmpty()) {
            throw new IllegalStateException("no " + what + " configured");
        }
        return list.get(0);
    }

    public List<SimUser> users() {
        return List.copyOf(users);
    }

    public List<AccessKey> accessKeys() {
        return List.copyOf(accessKeys);
    }

    public List<String> staticTokens() {
        return List.copyOf(staticTokens);
    }

    public String region() {
        return region;
    }

    public String projectId() {
        return projectId;
    }

    /** The names of the API operations served (the contract's names, {@code iamToken} and the CPH mode's four). */
    public List<String> operations() {
        return table.operations().stream().map(Operation::name).toList();
    }

    SimulatorState state() {
        return state;
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "koophone-sim-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Configuration; every setting has a default that suits tests. */
    public static final class Builder {
        private int port;
        private long seed = 42;
        private Integer instanceCount;
        private final List<SimInstance> instances = new ArrayList<>();
        private String region = DEFAULT_REGION;
        private String projectName = DEFAULT_PROJECT_NAME;
        private String projectId = DEFAULT_PROJECT_ID;
        private final List<SimUser> users = new ArrayList<>();
        private final List<AccessKey> accessKeys = new ArrayList<>();
        private final List<String> staticTokens = new ArrayList<>();
        private boolean defaultCredentials = true;
        private Duration tokenLifetime = Duration.ofHours(24);
        private Duration taskDuration = Duration.ofSeconds(1);
        private Duration taskDurationMax;
        private Duration prepareDuration;
        private double taskFailureRate;
        private boolean quirkMode;
        private boolean busyCheck = true;
        private SimClock clock;
        private SSLContext sslContext;
        private int journalCapacity = 10_000;
        private int cphPhones = DEFAULT_INSTANCE_COUNT;
        private RateLimits rateLimits = RateLimits.NONE;

        private Builder() {
        }

        /** TCP port on 127.0.0.1; 0 (default) picks a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Seed for ids, job outcomes, task durations and fault latencies (default 42). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Generates this many running, unassigned instances (default 5 when no explicit instances are given). */
        public Builder instances(int count) {
            if (count < 0) {
                throw new IllegalArgumentException("count must be >= 0");
            }
            this.instanceCount = count;
            return this;
        }

        /** Adds an explicit instance (after the generated ones). */
        public Builder instance(SimInstance instance) {
            this.instances.add(instance.copy());
            return this;
        }

        public Builder instances(Collection<SimInstance> list) {
            list.forEach(this::instance);
            return this;
        }

        /** Region of generated instances and of the SKU catalogue (default cn-north-7). */
        public Builder region(String region) {
            this.region = Objects.requireNonNull(region);
            return this;
        }

        /** The default user's project and the project stamped on instances. */
        public Builder project(String name, String id) {
            this.projectName = Objects.requireNonNull(name);
            this.projectId = Objects.requireNonNull(id);
            return this;
        }

        public Builder user(SimUser user) {
            this.users.add(user);
            return this;
        }

        /** Adds a user in the simulator's project. */
        public Builder user(String name, String password, String domain) {
            return user(new SimUser(name, password, domain, projectName, projectId));
        }

        public Builder accessKey(AccessKey key) {
            this.accessKeys.add(key);
            return this;
        }

        public Builder accessKey(String accessKey, String secretKey) {
            return accessKey(new AccessKey(accessKey, secretKey));
        }

        /** A token that is always valid and never revoked. */
        public Builder staticToken(String token) {
            this.staticTokens.add(Objects.requireNonNull(token));
            return this;
        }

        /** Drops the built-in user, AK/SK and static token; configure at least one credential yourself. */
        public Builder withoutDefaultCredentials() {
            this.defaultCredentials = false;
            return this;
        }

        /** Lifetime of IAM tokens (default 24 h). */
        public Builder tokenLifetime(Duration lifetime) {
            this.tokenLifetime = lifetime;
            return this;
        }

        /** Time until jobs (and reboots, creations) finish (default 1 s of simulated time). */
        public Builder taskDuration(Duration duration) {
            this.taskDuration = duration;
            return this;
        }

        /**
         * With this set, each task takes a seeded draw between taskDuration and this (default: unset, every task
         * takes taskDuration). Must not be shorter than taskDuration.
         */
        public Builder taskDurationMax(Duration duration) {
            this.taskDurationMax = duration;
            return this;
        }

        /** Time until a prepare is ready (default: the task duration). */
        public Builder prepareDuration(Duration duration) {
            this.prepareDuration = duration;
            return this;
        }

        /** Share of jobs that fail, 0..1 (default 0). */
        public Builder taskFailureRate(double rate) {
            this.taskFailureRate = rate;
            return this;
        }

        /** Answer with the reference examples' odd shapes (default off). */
        public Builder quirkMode(boolean enabled) {
            this.quirkMode = enabled;
            return this;
        }

        /** Refuse reset/backup/unassign with KOOPHONE.API.4001 while a previous one runs (default on). */
        public Builder busyCheck(boolean enabled) {
            this.busyCheck = enabled;
            return this;
        }

        /**
         * The base clock under the simulated one (default the system UTC clock). Passing a {@link SimClock}
         * uses it as is, so a test can keep a handle on it.
         */
        public Builder clock(Clock base) {
            this.clock = base instanceof SimClock sc ? sc : new SimClock(base);
            return this;
        }

        /**
         * The gateway's per-project rate limit: a token bucket of {@code burst} tokens, refilled at {@code perSecond}
         * per second of simulated time, full at start. Authenticated KooPhone and CPH requests take a token; with none
         * left they are answered 429 {@code APIGW.0308} with Retry-After and not executed. Default: no limit.
         */
        public Builder rateLimit(double perSecond, int burst) {
            this.rateLimits = rateLimits.withProject(new RateLimits.Limit(perSecond, burst));
            return this;
        }

        /**
         * A limit for one operation (the journal's name, e.g. {@code getTask}) per project, on top of
         * {@link #rateLimit}: a request needs a token from both. Default: none.
         */
        public Builder operationRateLimit(String operation, double perSecond, int burst) {
            this.rateLimits = rateLimits.withOperation(operation, new RateLimits.Limit(perSecond, burst));
            return this;
        }

        /** Serve HTTPS with this context instead of plain HTTP. */
        public Builder https(SSLContext context) {
            this.sslContext = context;
            return this;
        }

        /** CPH mode: how many cloud phones (on servers of ten) the CPH paths serve. Default 5; restarts take taskDuration. */
        public Builder cphPhones(int count) {
            this.cphPhones = count;
            return this;
        }

        /** Journal entries kept (oldest dropped first; counters keep counting). Default 10,000. */
        public Builder journalCapacity(int capacity) {
            this.journalCapacity = capacity;
            return this;
        }

        public KooPhoneSimulator build() {
            if (!defaultCredentials && users.isEmpty() && accessKeys.isEmpty() && staticTokens.isEmpty()) {
                throw new IllegalStateException("no credentials: add a user, an access key or a static token");
            }
            return new KooPhoneSimulator(this);
        }

        /** Builds and starts. */
        public KooPhoneSimulator start() {
            return build().start();
        }
    }
}
