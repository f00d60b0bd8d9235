package io.github.camelkoophone.component.koophone;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import io.github.camelkoophone.simulator.KooPhoneSimulator;
import io.github.camelkoophone.simulator.journal.JournalEntry;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import static org.awaitility.Awaitility.await;

/**
 * A simulator of the KooPhone API and a CamelContext whose koophone component points at it. Jobs finish when the
 * simulator's clock passes their end, so tests move time with {@code sim.clock().advance(...)} instead of waiting.
 */
public abstract class SimulatorTestSupport {

    protected KooPhoneSimulator sim;
    protected CamelContext context;
    protected ProducerTemplate template;

    @BeforeEach
    void startSimulatorAndCamel() throws Exception {
        sim = simulator(KooPhoneSimulator.builder().port(0).instances(10).seed(42)
                .taskDuration(Duration.ofMinutes(1))).start();
        context = newContext();
        context.start();
        template = context.createProducerTemplate();
    }

    @AfterEach
    void stopCamelAndSimulator() {
        if (context != null) {
            context.stop();
        }
        if (sim != null) {
            sim.stop();
        }
    }

    /** A fresh CamelContext with the component pointed at the simulator and this test's routes. */
    protected CamelContext newContext() throws Exception {
        CamelContext camel = new DefaultCamelContext();
        KooPhoneComponent component = new KooPhoneComponent();
        KooPhoneConfiguration c = component.getConfiguration();
        c.setEndpoint(sim.url());
        c.setIamEndpoint(sim.url());
        c.setAuthToken(sim.staticToken());
        c.setRetryDelay(5);
        c.setMaxRetryDelay(50);
        configure(component);
        camel.addComponent("koophone", component);
        addRoutes(camel);
        return camel;
    }

    /**
     * Stops the CamelContext and starts a fresh one on the same simulator, as a restarted application would; the
     * callback binds beans (a task store) before it starts.
     */
    protected void restartCamel(java.util.function.Consumer<CamelContext> beforeStart) throws Exception {
        context.stop();
        context = newContext();
        beforeStart.accept(context);
        context.start();
        template = context.createProducerTemplate();
    }

    protected KooPhoneSimulator.Builder simulator(KooPhoneSimulator.Builder builder) {
        return builder;
    }

    protected void configure(KooPhoneComponent component) {
    }

    protected void addRoutes(CamelContext camel) throws Exception {
    }

    /** IAM password login as the simulator's default user, with this password, instead of the static token. */
    protected void usePasswordLogin(KooPhoneConfiguration c, String password) {
        c.setAuthToken(null);
        c.setUsername(KooPhoneSimulator.DEFAULT_USER);
        c.setPassword(password);
        c.setDomainName(KooPhoneSimulator.DEFAULT_DOMAIN);
        c.setProjectName(KooPhoneSimulator.DEFAULT_PROJECT_NAME);
    }

    /** Sends to the URI and returns the exchange, failed or not. */
    protected Exchange call(String uri, Object body, Map<String, Object> headers) {
        return template.send(uri, exchange -> {
            exchange.getMessage().setBody(body);
            exchange.getMessage().setHeaders(new HashMap<>(headers));
        });
    }

    /**
     * Waits until the simulator has received {@code count} more requests of the operation than it has now: a check
     * that nothing more arrives then rests on that many further polls having happened, not on a fixed sleep.
     */
    protected void awaitFurtherRequests(String operation, int count) {
        awaitFurther(sim, e -> operation.equals(e.operation()), count);
    }

    /**
     * Waits until the simulator has received {@code count} more requests matching {@code request} than it has now: a
     * consumer's further polls, counted where they arrive, after which a check that nothing more came covers them
     * however slowly the machine runs.
     */
    public static void awaitFurther(KooPhoneSimulator sim, Predicate<JournalEntry> request, int count) {
        long mark = sim.journal().last().map(JournalEntry::seq).orElse(0L);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> sim.journal().since(mark).stream().filter(request).count() >= count);
    }

    /** The GetTasks about one task: a koophone:tasks consumer asks about a task at most once per poll. */
    protected static Predicate<JournalEntry> getTaskOf(String taskId) {
        return e -> "getTask".equals(e.operation()) && e.path().endsWith("/" + taskId);
    }

    /** What reached the simulated API, IAM logins excluded. */
    protected long apiRequests() {
        return sim.journal().entries().stream().filter(e -> !"iamToken".equals(e.operation())).count();
    }

    /** The most journal entries whose [arrival, arrival + duration] intervals overlap at one moment. */
    protected static int peakConcurrency(List<JournalEntry> calls) {
        int max = 0;
        for (JournalEntry at : calls) {
            Instant t = at.time();
            int inFlight = 0;
            for (JournalEntry other : calls) {
                Instant end = other.time().plusMillis(other.durationMillis());
                if (other == at || !other.time().isAfter(t) && t.isBefore(end)) {
                    inFlight++;
                }
            }
            max = Math.max(max, inFlight);
        }
        return max;
    }
}
