package io.github.camelkoophone.component.cloud.call;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FanoutTest {

    @Test
    void neverMoreThanConcurrencyInFlightAndResultsInInputOrder() {
        List<Integer> inputs = IntStream.range(0, 10).boxed().toList();
        List<CompletableFuture<String>> pending = new ArrayList<>();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        CompletableFuture<List<String>> all = Fanout.run(inputs, 3, Runnable::run, i -> {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            CompletableFuture<String> f = new CompletableFuture<>();
            synchronized (pending) {
                pending.add(f);
            }
            return f;
        });
        // complete in reverse order of start, one by one, as a slow server would
        for (int completed = 0; completed < 10; completed++) {
            CompletableFuture<String> next;
            synchronized (pending) {
                next = pending.stream().filter(f -> !f.isDone()).reduce((a, b) -> b).orElseThrow();
            }
            inFlight.decrementAndGet();
            next.complete("r" + pending.indexOf(next));
        }
        assertThat(maxInFlight.get()).isEqualTo(3);
        assertThat(all.join()).hasSize(10);
        assertThat(all.join()).allMatch(r -> r.startsWith("r"));
    }

    @Test
    void keepsInputOrder() {
        List<String> out = Fanout.run(List.of(1, 2, 3, 4, 5), 2, Runnable::run, i -> CompletableFuture.completedFuture("v" + i)).join();
        assertThat(out).containsExactly("v1", "v2", "v3", "v4", "v5");
    }

    @Test
    void firstFailureFailsTheWholeAndStopsStartingCalls() {
        AtomicInteger started = new AtomicInteger();
        CompletableFuture<List<String>> all = Fanout.run(List.of(1, 2, 3, 4, 5), 1, Runnable::run, i -> {
            started.incrementAndGet();
            return i == 2 ? CompletableFuture.failedFuture(new IllegalStateException("boom")) : CompletableFuture.completedFuture("ok");
        });
        assertThatThrownBy(all::join).isInstanceOf(CompletionException.class).hasRootCauseMessage("boom");
        assertThat(started.get()).isEqualTo(2);
    }
}
