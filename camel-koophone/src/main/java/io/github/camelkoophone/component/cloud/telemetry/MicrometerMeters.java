package io.github.camelkoophone.component.cloud.telemetry;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.IntSupplier;

import io.github.camelkoophone.component.cloud.http.ApiRequest;
import io.github.camelkoophone.component.cloud.http.ApiResponse;
import io.github.camelkoophone.component.cloud.http.Interceptor;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import org.apache.camel.CamelContext;

/**
 * {@link Meters} on a Micrometer registry. Every meter is tagged {@code component} ({@code koophone}, {@code cph}):
 * <ul>
 * <li>{@code koophone.requests} (timer): each HTTP request to the service, tagged {@code operation}, {@code status}
 * (the HTTP status, {@code none} when no response came) and {@code code} (the API's error code, the exception's
 * class when no response came, else {@code none});</li>
 * <li>{@code koophone.logins} (timer): each request to IAM for a token, tagged as the requests are;</li>
 * <li>{@code koophone.retries} (counter): failed attempts retried, tagged {@code operation};</li>
 * <li>{@code koophone.limiter.waits} (timer): calls the client-side rate limiter held back, tagged {@code outcome}
 * {@code waited} or {@code refused} (the wait would have outlasted the call's time budget);</li>
 * <li>{@code koophone.events} (counter): events a consumer emitted, tagged {@code consumer}, {@code route} and
 * {@code outcome} ({@code delivered}, {@code failed});</li>
 * <li>{@code koophone.tasks.pending} (gauge): tasks a task-following consumer follows, tagged {@code consumer} and
 * {@code route}.</li>
 * </ul>
 */
final class MicrometerMeters implements Meters {

    static final String RETRIES = "koophone.retries";
    static final String LIMITER_WAITS = "koophone.limiter.waits";
    static final String EVENTS = "koophone.events";
    static final String PENDING_TASKS = "koophone.tasks.pending";
    private static final String NONE_TAG = "none";

    private final MeterRegistry registry;
    private final Tags component;
    private final Timer waited;
    private final Timer refused;

    MicrometerMeters(MeterRegistry registry, String component) {
        this.registry = registry;
        this.component = Tags.of("component", component);
        this.waited = limiterTimer("waited");
        this.refused = limiterTimer("refused");
    }

    /**
     * The application's registry: the only one, or of several (Spring Boot with more than one backend) the composite
     * that feeds them all; {@link Meters#NONE} when there is none.
     */
    static Meters find(CamelContext context, String component) {
        Set<MeterRegistry> registries = context.getRegistry().findByType(MeterRegistry.class);
        MeterRegistry chosen = registries.size() == 1 ? registries.iterator().next()
                : registries.stream().filter(CompositeMeterRegistry.class::isInstance).findFirst().orElse(null);
        return chosen == null ? NONE : new MicrometerMeters(chosen, component);
    }

    private Timer limiterTimer(String outcome) {
        return Timer.builder(LIMITER_WAITS).description("Calls the client-side rate limiter held back")
                .tags(component).tag("outcome", outcome).register(registry);
    }

    @Override
    public Interceptor requests(String meter, Function<ApiResponse, String> errorCode) {
        return (request, chain) -> {
            long start = System.nanoTime();
            String status = NONE_TAG;
            String code = NONE_TAG;
            try {
                ApiResponse response = chain.proceed(request);
                status = Integer.toString(response.status());
                if (response.status() >= 400) {
                    String found = errorCode.apply(response);
                    code = found != null ? found : NONE_TAG;
                }
                return response;
            } catch (Exception | Error e) {
                code = e.getClass().getSimpleName();
                throw e;
            } finally {
                Timer.builder(meter).tags(component).tag("operation", request.name()).tag("status", status).tag("code", code)
                        .register(registry).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            }
        };
    }

    @Override
    public void retried(ApiRequest request) {
        Counter.builder(RETRIES).description("Failed attempts retried").tags(component).tag("operation", request.name())
                .register(registry).increment();
    }

    @Override
    public void limiterWaited(long nanos, boolean refusedTurn) {
        (refusedTurn ? refused : waited).record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public EventMeters events(String consumer, String route, IntSupplier pending) {
        Tags tags = component.and("consumer", consumer, "route", route == null ? NONE_TAG : route);
        Counter delivered = Counter.builder(EVENTS).description("Events emitted by a consumer").tags(tags)
                .tag("outcome", "delivered").register(registry);
        Counter failed = Counter.builder(EVENTS).description("Events emitted by a consumer").tags(tags)
                .tag("outcome", "failed").register(registry);
        List<Meter> owned = new ArrayList<>(List.of(delivered, failed));
        if (pending != null) {
            owned.add(Gauge.builder(PENDING_TASKS, pending, IntSupplier::getAsInt).description("Tasks a consumer follows")
                    .tags(tags).register(registry));
        }
        return new EventMeters() {
            @Override
            public void delivered() {
                delivered.increment();
            }

            @Override
            public void failed() {
                failed.increment();
            }

            @Override
            public void close() {
                // a stopped consumer's gauge would hold it; its counts go with it, as a restarted one counts anew
                owned.forEach(registry::remove);
            }
        };
    }
}
