package io.github.camelkoophone.component.cloud.telemetry;

import java.time.Instant;

import org.apache.camel.CamelContext;
import org.apache.camel.Component;

/**
 * What a component reports about its work: its {@link Meters} (Micrometer's, when the application has a registry)
 * and its {@link RecentErrors}, kept always, since they cost nothing until a call fails.
 */
public final class Telemetry {

    /** Keeps the errors, records no meters: a component's telemetry until it starts. */
    public static Telemetry none() {
        return new Telemetry(Meters.NONE);
    }

    /** A component that reports telemetry. */
    public interface Source {
        Telemetry telemetry();
    }

    private static final int ERRORS_KEPT = 10;
    private static final String REGISTRY_CLASS = "io.micrometer.core.instrument.MeterRegistry";

    private final Meters meters;
    private final RecentErrors errors = new RecentErrors(ERRORS_KEPT);

    private Telemetry(Meters meters) {
        this.meters = meters;
    }

    /**
     * The telemetry of a starting component: with meters when Micrometer is on the class path and the registry holds
     * a {@code MeterRegistry}.
     *
     * @param component the component's tag, its scheme
     */
    public static Telemetry discover(CamelContext context, String component) {
        return new Telemetry(micrometerPresent() ? MicrometerMeters.find(context, component) : Meters.NONE);
    }

    /** The telemetry of {@code component}, or one that records nothing for a component of another kind. */
    public static Telemetry of(Component component) {
        return component instanceof Source source ? source.telemetry() : none();
    }

    private static boolean micrometerPresent() {
        try {
            Class.forName(REGISTRY_CLASS, false, Telemetry.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError absent) {
            return false;
        }
    }

    public Meters meters() {
        return meters;
    }

    public RecentErrors errors() {
        return errors;
    }

    /** Remembers a call that failed. */
    public void failed(String operation, String requestId, Throwable failure) {
        errors.add(new RecentErrors.Entry(Instant.now(), operation, requestId, failure.toString()));
    }
}
