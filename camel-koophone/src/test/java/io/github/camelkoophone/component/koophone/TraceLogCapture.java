package io.github.camelkoophone.component.koophone;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For one test, turns the component's and Camel's loggers to TRACE, captures what they log (instead of printing
 * it), and checks every line, and whatever else a test hands to {@link #scan(Object)}, for secrets. After the test
 * it fails if any secret was seen:
 *
 * <pre>{@code
 * @RegisterExtension
 * final TraceLogCapture logs = new TraceLogCapture().forbid(PASSWORD, "MIIsim");
 * ...
 * logs.scan(exchange);            // exception message, headers, body
 * logs.scan(context);             // every endpoint and route as Camel prints it
 * }</pre>
 *
 * Lines at WARN and above are all kept; of the rest only the latest {@value #KEPT} are, so a soak of ten thousand
 * calls at TRACE costs little memory (each line is still checked).
 */
public final class TraceLogCapture implements BeforeEachCallback, AfterEachCallback {

    /** Always forbidden: an AK/SK signature never belongs in a log, message or header. */
    public static final String SIGNATURE = "Signature=";
    /** The prefix of the component's own loggers. */
    public static final String COMPONENT_LOGGERS = "io.github.camelkoophone";
    static final int KEPT = 2000;
    private static final String[] LOGGERS = { COMPONENT_LOGGERS, "org.apache.camel" };

    /** One captured log line. */
    public record Line(Level level, String logger, String text) {
        @Override
        public String toString() {
            return level + " " + logger + " - " + text;
        }
    }

    private final List<String> forbidden = new CopyOnWriteArrayList<>(List.of(SIGNATURE));
    private final Queue<Line> recent = new ConcurrentLinkedQueue<>();
    private final Queue<Line> warnings = new ConcurrentLinkedQueue<>();
    private final Queue<String> leaks = new ConcurrentLinkedQueue<>();
    private final AtomicLong total = new AtomicLong();
    private final AtomicLong traceLines = new AtomicLong();
    private final AtomicLong componentTraceLines = new AtomicLong();
    private final AtomicLong scanned = new AtomicLong();
    private volatile Predicate<Line> tolerated = line -> false;
    private final Map<String, LoggerConfig> replaced = new HashMap<>();
    private AbstractAppender appender;
    private boolean everyLogger;
    private final Map<LoggerConfig, Level> levelsBefore = new HashMap<>();
    private final Map<String, org.apache.logging.log4j.core.Appender> rootAppendersBefore = new HashMap<>();
    private java.util.logging.Level julRootLevelBefore;
    private final List<java.util.logging.Handler> julRootHandlersBefore = new ArrayList<>();
    private final Map<String, Boolean> awaited = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<Expected> expected = new CopyOnWriteArrayList<>();

    /** Lines the capture must have seen by the end of the test: of loggers under a prefix, at a level or finer. */
    private record Expected(String loggerPrefix, Level level, AtomicLong seen) {
        boolean matches(LogEvent event) {
            return event.getLoggerName().startsWith(loggerPrefix) && event.getLevel().isLessSpecificThan(level);
        }
    }

    /**
     * Captures every logger at TRACE, not only the component's and Camel's: the HTTP library's wire and header
     * loggers, the JDK's, and java.util.logging bridged in (the JDK's HTTP server, the simulator). Nothing is
     * printed meanwhile.
     */
    public TraceLogCapture everyLogger() {
        everyLogger = true;
        return this;
    }

    /**
     * After the test, fails unless the component's own loggers logged at TRACE during it: a secret check over lines
     * that were never captured checks nothing.
     */
    public TraceLogCapture expectComponentTrace() {
        return expectLines(COMPONENT_LOGGERS, Level.TRACE);
    }

    /**
     * After the test, fails unless a logger under {@code loggerPrefix} logged at {@code level} or finer during it;
     * for a test whose subject logs nothing at TRACE ({@code DEBUG} for a call that failed before any body, say).
     */
    public TraceLogCapture expectLines(String loggerPrefix, Level level) {
        expected.add(new Expected(loggerPrefix, level, new AtomicLong()));
        return this;
    }

    /**
     * Adds strings that must appear nowhere: passwords, keys, tokens or a token prefix. Lines already kept are
     * checked for them too.
     */
    public TraceLogCapture forbid(String... secrets) {
        for (String secret : secrets) {
            if (secret != null && !secret.isEmpty()) {
                forbidden.add(secret);
                recent.forEach(line -> check(line, secret));
            }
        }
        return this;
    }

    @Override
    public void beforeEach(ExtensionContext extension) {
        LoggerContext logs = (LoggerContext) LogManager.getContext(false);
        Configuration config = logs.getConfiguration();
        appender = new AbstractAppender("trace-capture", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                capture(event);
            }
        };
        appender.start();
        if (everyLogger) {
            captureEveryLogger(config);
            logs.updateLoggers();
            return;
        }
        for (String name : LOGGERS) {
            // addLogger keeps an existing config of that name (log4j2-test.xml has one): set it aside first
            LoggerConfig configured = config.getLoggers().get(name);
            if (configured != null) {
                replaced.put(name, configured);
                config.removeLogger(name);
            }
            LoggerConfig logger = new LoggerConfig(name, Level.TRACE, false);
            logger.addAppender(appender, Level.TRACE, null);
            config.addLogger(name, logger);
        }
        logs.updateLoggers();
    }

    private void captureEveryLogger(Configuration config) {
        LoggerConfig root = config.getRootLogger();
        rootAppendersBefore.putAll(root.getAppenders());
        rootAppendersBefore.keySet().forEach(root::removeAppender);
        root.addAppender(appender, Level.TRACE, null);
        levelsBefore.put(root, root.getLevel());
        root.setLevel(Level.TRACE);
        for (LoggerConfig logger : config.getLoggers().values()) {
            if (logger != root) {
                levelsBefore.put(logger, logger.getLevel());
                logger.setLevel(Level.TRACE);
            }
        }
        java.util.logging.Logger julRoot = java.util.logging.Logger.getLogger("");
        julRootLevelBefore = julRoot.getLevel();
        julRootHandlersBefore.addAll(List.of(julRoot.getHandlers()));
        org.apache.logging.log4j.jul.Log4jBridgeHandler.install(true, null, false);
        julRoot.setLevel(java.util.logging.Level.ALL);
    }

    private void restoreEveryLogger(Configuration config) {
        java.util.logging.Logger julRoot = java.util.logging.Logger.getLogger("");
        for (java.util.logging.Handler handler : julRoot.getHandlers()) {
            if (handler instanceof org.apache.logging.log4j.jul.Log4jBridgeHandler) {
                julRoot.removeHandler(handler);
            }
        }
        julRootHandlersBefore.forEach(julRoot::addHandler);
        julRoot.setLevel(julRootLevelBefore);
        levelsBefore.forEach(LoggerConfig::setLevel);
        LoggerConfig root = config.getRootLogger();
        root.removeAppender(appender.getName());
        rootAppendersBefore.values().forEach(a -> root.addAppender(a, null, null));
    }

    @Override
    public void afterEach(ExtensionContext extension) {
        LoggerContext logs = (LoggerContext) LogManager.getContext(false);
        Configuration config = logs.getConfiguration();
        if (everyLogger) {
            restoreEveryLogger(config);
            logs.updateLoggers();
            appender.stop();
            assertNoSecrets();
            assertSawExpectedLines();
            return;
        }
        for (String name : LOGGERS) {
            config.removeLogger(name);
            LoggerConfig configured = replaced.remove(name);
            if (configured != null) {
                config.addLogger(name, configured);
            }
        }
        logs.updateLoggers();
        appender.stop();
        assertNoSecrets();
        assertSawExpectedLines();
    }

    private void capture(LogEvent event) {
        String text = event.getMessage().getFormattedMessage() + (event.getThrown() == null ? "" : " " + describe(event.getThrown()));
        Line line = new Line(event.getLevel(), event.getLoggerName(), text);
        total.incrementAndGet();
        if (event.getLevel() == Level.TRACE) {
            traceLines.incrementAndGet();
            if (event.getLoggerName().startsWith(COMPONENT_LOGGERS)) {
                componentTraceLines.incrementAndGet();
            }
        }
        forbidden.forEach(secret -> check(line, secret));
        expected.forEach(lines -> {
            if (lines.matches(event)) {
                lines.seen().incrementAndGet();
            }
        });
        awaited.replaceAll((watched, seen) -> seen || line.text().contains(watched));
        if (event.getLevel().isMoreSpecificThan(Level.WARN)) {
            warnings.add(line);
        }
        recent.add(line);
        if (recent.size() > KEPT) {
            recent.poll();
        }
    }

    /** A throwable with its whole cause chain, as a stack trace would print it. */
    private static String describe(Throwable thrown) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            out.append(t).append(t.getCause() == null ? "" : " <- ");
        }
        return out.toString();
    }

    private void check(String text) {
        for (String secret : forbidden) {
            check(text, secret);
        }
    }

    private void check(String text, String secret) {
        if (text.contains(secret)) {
            leaks.add("'" + secret + "' in: " + text);
        }
    }

    private void check(Line line, String secret) {
        if (!tolerated.test(line)) {
            check(line.toString(), secret);
        }
    }

    /**
     * Log lines that may show a secret without failing the test, for what is outside the component's control
     * (Camel core's own TRACE lines about URIs a test deliberately wrote secrets into). Applies to lines logged
     * from now on.
     */
    public TraceLogCapture tolerate(Predicate<Line> lines) {
        tolerated = lines;
        return this;
    }

    /**
     * Checks something a route author could see: an exchange (its exception chain, headers and body), a
     * CamelContext (every endpoint and route as Camel prints them: sanitised; {@code getEndpointUri()} is the raw
     * configuration a route author wrote, not something Camel prints), a collection of those, or any object's text.
     */
    public TraceLogCapture scan(Object seen) {
        scanned.incrementAndGet();
        if (seen instanceof Exchange exchange) {
            check(String.valueOf(exchange.getMessage().getHeaders()));
            check(String.valueOf(exchange.getMessage().getBody()));
            check(String.valueOf(exchange.getProperties()));
            if (exchange.getException() != null) {
                check(describe(exchange.getException()));
            }
        } else if (seen instanceof CamelContext camel) {
            for (Endpoint endpoint : camel.getEndpoints()) {
                check(endpoint + " " + endpoint.getEndpointBaseUri());
            }
            for (Route route : camel.getRoutes()) {
                check(route + " " + route.getEndpoint() + " " + route.getConsumer());
            }
        } else if (seen instanceof Throwable t) {
            check(describe(t));
        } else if (seen instanceof Map<?, ?> map) {
            map.values().forEach(this::scan);
        } else if (seen instanceof Collection<?> many) {
            many.forEach(this::scan);
        } else {
            check(String.valueOf(seen));
        }
        return this;
    }

    /** Fails naming the first leaks (also run after every test). */
    public void assertNoSecrets() {
        assertThat(leaks).as("secrets seen in %d log lines and %d scanned objects", total.get(), scanned.get()).isEmpty();
    }

    /** Fails naming the lines asked for with {@link #expectLines} that were not seen (also run after every test). */
    public void assertSawExpectedLines() {
        for (Expected lines : expected) {
            assertThat(lines.seen().get())
                    .as("lines of %s* at %s or finer that the capture saw (of %d lines in all): with none, its secret check "
                        + "checked nothing", lines.loggerPrefix(), lines.level(), total.get())
                    .isPositive();
        }
    }

    /** Lines at WARN or above, all of them. */
    public List<Line> warnings() {
        return new ArrayList<>(warnings);
    }

    /** The latest lines of any level. */
    public List<Line> recent() {
        return new ArrayList<>(recent);
    }

    /** How many lines were logged, and how many of them at TRACE. */
    public long total() {
        return total.get();
    }

    public long traceLines() {
        return traceLines.get();
    }

    /** Texts to look for in every line from now on, whatever is kept: see {@link #saw(String)}. */
    public TraceLogCapture watchFor(String... texts) {
        for (String text : texts) {
            awaited.put(text, false);
        }
        return this;
    }

    /** Whether a line contained the text given to {@link #watchFor}. */
    public boolean saw(String text) {
        return awaited.getOrDefault(text, false);
    }

    /** Lines kept, by logger name prefix. */
    public long linesOf(String loggerPrefix) {
        return recent.stream().filter(line -> line.logger().startsWith(loggerPrefix)).count();
    }

    /** TRACE lines of the component's own loggers: proof the capture saw them. */
    public long componentTraceLines() {
        return componentTraceLines.get();
    }
}
