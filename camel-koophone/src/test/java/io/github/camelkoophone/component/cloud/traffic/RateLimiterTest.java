package io.github.camelkoophone.component.cloud.traffic;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The limiter on a clock the test moves: waits, the time budget, the adaptive rate, and who goes first. */
class RateLimiterTest {

    private static final long BUDGET = TimeUnit.SECONDS.toNanos(30);
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    private static long waitMs(RateLimiter limiter) throws InterruptedException {
        return limiter.acquire(false, BUDGET) / MS;
    }

    @Test
    void aFixedRateSpacesCallsAfterTheBurst() throws Exception {
        FakeTicker ticker = new FakeTicker(true);
        RateLimiter limiter = new RateLimiter(RateLimiter.Mode.FIXED, 10, 3, ticker);
        // three at once, then one every 100 ms
        assertThat(List.of(waitMs(limiter), waitMs(limiter), waitMs(limiter))).containsOnly(0L);
        assertThat(List.of(waitMs(limiter), waitMs(limiter), waitMs(limiter), waitMs(limiter))).containsOnly(100L);
        assertThat(ticker.nanos() / MS).isEqualTo(400);
        // a quiet second fills the bucket again
        ticker.advance(1_000);
        assertThat(List.of(waitMs(limiter), waitMs(limiter), waitMs(limiter), waitMs(limiter))).containsExactly(0L, 0L, 0L, 100L);
    }

    @Test
    void aWaitBeyondTheBudgetFailsAtOnceAndTakesNoTurn() throws Exception {
        FakeTicker ticker = new FakeTicker(true);
        RateLimiter limiter = new RateLimiter(RateLimiter.Mode.FIXED, 1, 1, ticker);
        limiter.acquire(false, BUDGET);
        assertThatThrownBy(() -> limiter.acquire(false, 500 * MS)).isInstanceOf(RateLimitedException.class)
                .hasMessageContaining("rate limited on the client").hasMessageContaining("1000 ms");
        assertThat(ticker.nanos()).as("it did not wait").isZero();
        assertThat(waitMs(limiter)).as("the refused call took no turn").isEqualTo(1000);
    }

    @Test
    void noneNeverWaits() throws Exception {
        RateLimiter limiter = new RateLimiter(RateLimiter.Mode.NONE, 1, 1, new FakeTicker(true));
        for (int i = 0; i < 100; i++) {
            assertThat(limiter.acquire(false, 0)).isZero();
        }
    }

    @Test
    void adaptiveIsUnlimitedUntilA429ThenDropsToSevenTenthsOfTheSendRateAndGrowsBackAlongTheCubic() throws Exception {
        FakeTicker ticker = new FakeTicker(true);
        RateLimiter limiter = new RateLimiter(RateLimiter.Mode.ADAPTIVE, 0, 0, ticker);
        for (int i = 0; i < 200; i++) { // 100 requests per second for two seconds: never held
            assertThat(limiter.acquire(false, BUDGET)).isZero();
            ticker.advance(10);
        }
        assertThat(limiter.rate()).isInfinite();

        long sent = ticker.nanos();
        limiter.onResponse(true, sent);
        assertThat(limiter.rate()).isCloseTo(70, org.assertj.core.data.Offset.offset(3.0));
        double dropped = limiter.rate();
        limiter.onResponse(true, sent - 1);
        assertThat(limiter.rate()).as("a 429 to a request that asked for its turn before the drop").isEqualTo(dropped);

        // K = cbrt(100 * 0.3 / 0.4) = 4.2 s: back at the rate of the 429 then, beyond it after
        ticker.advance(2_000);
        limiter.onResponse(false, ticker.nanos());
        double half = limiter.rate();
        assertThat(half).isBetween(dropped, 100.0);
        ticker.advance(2_220);
        limiter.onResponse(false, ticker.nanos());
        assertThat(limiter.rate()).isCloseTo(100, org.assertj.core.data.Offset.offset(1.5));
        ticker.advance(3_000);
        limiter.onResponse(false, ticker.nanos());
        assertThat(limiter.rate()).isGreaterThan(105);
    }

    @Test
    void adaptiveNeverGoesAboveItsCeiling() throws Exception {
        FakeTicker ticker = new FakeTicker(true);
        RateLimiter limiter = new RateLimiter(RateLimiter.Mode.ADAPTIVE, 50, 0, ticker);
        assertThat(limiter.rate()).isEqualTo(50);
        for (int i = 0; i < 100; i++) {
            limiter.acquire(false, BUDGET);
        }
        limiter.onResponse(true, ticker.nanos());
        assertThat(limiter.rate()).isLessThanOrEqualTo(35.0 + 0.01);
        ticker.advance(60_000);
        limiter.onResponse(false, ticker.nanos());
        assertThat(limiter.rate()).isEqualTo(50);
    }

    @Test
    void aRoutesCallGoesBeforeAPollThatWasWaitingFirst() throws Exception {
        FakeTicker ticker = new FakeTicker(false);
        RateLimiter limiter = new RateLimiter(RateLimiter.Mode.FIXED, 10, 1, ticker);
        limiter.acquire(false, BUDGET); // the bucket is empty until 100 ms
        List<String> order = new CopyOnWriteArrayList<>();
        Thread poll = new Thread(() -> go(limiter, true, "poll", order));
        poll.start();
        ticker.awaitSleepers(1);
        ticker.advance(10);
        Thread route = new Thread(() -> go(limiter, false, "route", order));
        route.start();
        ticker.awaitSleepers(2);
        for (int i = 0; i < 20 && order.size() < 2; i++) {
            ticker.advance(20);
            Thread.sleep(20); // lets the woken thread run (no time is asserted)
        }
        poll.join(10_000);
        route.join(10_000);
        assertThat(order).containsExactly("route", "poll");
    }

    private static void go(RateLimiter limiter, boolean background, String name, List<String> order) {
        try {
            limiter.acquire(background, BUDGET);
            order.add(name);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
