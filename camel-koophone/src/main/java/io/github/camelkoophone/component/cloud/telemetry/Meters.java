package io.github.camelkoophone.component.cloud.telemetry;

import java.util.function.Function;
import java.util.function.IntSupplier;

import io.github.camelkoophone.component.cloud.http.ApiRequest;
import io.github.camelkoophone.component.cloud.http.ApiResponse;
import io.github.camelkoophone.component.cloud.http.Interceptor;

/**
 * Where a component's calls and consumers are counted and timed. {@link #NONE} unless the application has a
 * Micrometer {@code MeterRegistry}: then every method records into it (see {@link MicrometerMeters} for the names).
 * Nothing outside this package names a Micrometer type, so the component runs without Micrometer on the class path.
 */
public interface Meters {

    /** The timer of the requests to the service. */
    String REQUESTS = "koophone.requests";
    /** The timer of the requests to IAM for a token. */
    String LOGINS = "koophone.logins";

    /** Records nothing; the calls' chains carry no meter at all. */
    Meters NONE = new Meters() {
    };

    /** The per-consumer counters of one event-emitting consumer, dropped when it stops. */
    interface EventMeters {

        EventMeters NONE = new EventMeters() {
        };

        default void delivered() {
        }

        default void failed() {
        }

        default void close() {
        }
    }

    /**
     * An interceptor that times each HTTP request under {@code meter}, tagged with the request's name, the response's
     * status and error code; null when nothing is recorded (the chain then has no such link).
     *
     * @param errorCode the error code of a failed response, read only for statuses of 400 and above
     */
    default Interceptor requests(String meter, Function<ApiResponse, String> errorCode) {
        return null;
    }

    /** A failed attempt of {@code request} is retried. */
    default void retried(ApiRequest request) {
    }

    /**
     * The rate limiter held a call back.
     *
     * @param nanos   how long it waited (0 when refused)
     * @param refused whether it was refused instead: its wait would have outlasted its time budget
     */
    default void limiterWaited(long nanos, boolean refused) {
    }

    /**
     * The counters of a consumer, and its pending tasks as a gauge.
     *
     * @param consumer the consumer's name in tags: its endpoint without options
     * @param route    the id of the consumer's route
     * @param pending  the tasks it follows (null for a consumer that follows none)
     */
    default EventMeters events(String consumer, String route, IntSupplier pending) {
        return EventMeters.NONE;
    }
}
