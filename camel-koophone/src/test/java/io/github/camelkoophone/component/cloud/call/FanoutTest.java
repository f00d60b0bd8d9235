package io.github.camelkoophone.component.cloud.call;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FanoutTest {

    @Test
    void neverMoreThanConcurrencyInFlightAndResultsInInputOrderWhenLaterCallsFinishFirst() {
        List<Integer> inputs = IntStream.range(0, 10).boxed().toList();
        Map<CompletableFuture<String>, Integer> pending = new LinkedHashMap<>();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        CompletableFuture<List<String>> all = Fanout.run(inputs, 3, Runnable::run, i -> {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            CompletableFuture<String> f = new CompletableFuture<>();
            synchronized (pending) {
                pending.put(f, i);
            }
            return f;
        });
        // the call started last answers first, one by one, as a slow server would for the earlier ones
        List<Integer> finished = new ArrayList<>();
        for (int completed = 0; completed < 10; completed++) {
            Map.Entry<CompletableFuture<String>, Integer> next;
            synchronized (pending) {
                next = pending.entrySet().stream().filter(e -> !e.getKey().isDone()).reduce((a, b) -> b).orElseThrow();
            }
            inFlight.decrementAndGet();
            finished.add(next.getValue());
            next.getKey().complete("r" + next.getValue());
        }

        assertThat(maxInFlight.get()).isEqualTo(3);
        assertThat(finished).as("the order the calls finished in").startsWith(2, 3, 4).isNotEqualTo(inputs);
        assertThat(all.join()).containsExactlyElementsOf(inputs.stream().map(i -> "r" + i).toList());
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
