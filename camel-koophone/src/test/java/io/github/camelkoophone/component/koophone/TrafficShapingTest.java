package io.github.camelkoophone.component.koophone;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.github.camelkoophone.simulator.faults.Fault;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rate limiter and the retry budget against the simulator's gateway: routes sending as fast as they can into a
 * rate limit, and an outage. Counts, not times: how many calls failed, how many requests were throttled or sent.
 */
class TrafficShapingTest extends SimulatorTestSupport {

    private static final int THREADS = 4;
    private static final int CALLS_PER_THREAD = 40;
    private boolean unshaped;

    @Override
    protected void configure(KooPhoneComponent component) {
        // Retry-After (1 s) honoured, as at the defaults; the support's 50 ms cap is for fast fault tests
        component.getConfiguration().setMaxRetryDelay(2_000);
        if (unshaped) {
            component.getConfiguration().setRateLimitMode("none");
            // only its 429s are counted: waiting out each Retry-After in full took 30 s here
            component.getConfiguration().setMaxRetryDelay(200);
        }
    }

    /** Every thread calls as fast as it can; returns the exchanges that failed. */
    private List<Exception> flood(String uri) throws Exception {
        List<String> ids = sim.inventory().ids().subList(0, 2);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<List<Exception>>> threads = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                threads.add(pool.submit(() -> {
                    List<Exception> failed = new ArrayList<>();
                    for (int i = 0; i < CALLS_PER_THREAD; i++) {
                        Exchange out = call(uri, null, Map.of(KooPhoneConstants.INSTANCE_IDS, ids));
                        if (out.getException() != null) {
                            failed.add(out.getException());
                        }
                    }
                    return failed;
                }));
            }
            List<Exception> failed = new ArrayList<>();
            for (Future<List<Exception>> thread : threads) {
                failed.addAll(thread.get());
            }
            return failed;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void routesFloodingARateLimitAllSucceedWithTheAdaptiveLimiterAndFewAreThrottled() throws Exception {
        sim.settings().rateLimit(50, 5);
        List<Exception> adaptive = flood("koophone:batchQueryStatus");
        long adaptiveThrottled = sim.journal().throttledCount();
        long adaptiveRequests = apiRequests();

        assertThat(adaptive).as("failed exchanges").isEmpty();
        assertThat(adaptiveThrottled).as("429s of %d requests", adaptiveRequests).isLessThan(adaptiveRequests / 5);

        // the same flood unshaped (the limiter is the component's: a new one): the gateway throttles much more
        unshaped = true;
        restartCamel(camel -> { });
        sim.settings().rateLimit(50, 5);
        sim.journal().clear();
        List<Exception> unshaped = flood("koophone:batchQueryStatus");
        assertThat(sim.journal().throttledCount()).isGreaterThan(2 * adaptiveThrottled);
        assertThat(unshaped.size()).as("failed unshaped").isGreaterThanOrEqualTo(adaptive.size());
    }

    @Test
    void anOutageCostsOneRequestPerCallOnceTheRetryBudgetIsSpent() throws Exception {
        sim.faults().add(Fault.on("batchQueryStatus").httpStatus(503));
        List<String> ids = sim.inventory().ids().subList(0, 2);
        for (int i = 0; i < 100; i++) { // 500 / 5: the budget pays for 100 retries
            call("koophone:batchQueryStatus", null, Map.of(KooPhoneConstants.INSTANCE_IDS, ids));
        }
        long before = apiRequests();
        for (int i = 0; i < 100; i++) {
            Exchange out = call("koophone:batchQueryStatus", null, Map.of(KooPhoneConstants.INSTANCE_IDS, ids));
            assertThat(out.getException()).isNotNull();
        }
        assertThat(apiRequests() - before).as("requests for 100 calls once the budget is spent").isEqualTo(100);
    }
}
