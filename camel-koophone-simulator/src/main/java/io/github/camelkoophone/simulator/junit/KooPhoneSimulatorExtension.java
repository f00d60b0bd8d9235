package io.github.camelkoophone.simulator.junit;

import io.github.camelkoophone.simulator.KooPhoneSimulator;
import io.github.camelkoophone.simulator.faults.FaultInjector;
import io.github.camelkoophone.simulator.journal.Journal;
import io.github.camelkoophone.simulator.state.Inventory;
import io.github.camelkoophone.simulator.state.SimClock;
import io.github.camelkoophone.simulator.state.TaskEngine;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.util.function.Consumer;

/**
 * JUnit 5 extension that runs a {@link KooPhoneSimulator} for a test class.
 *
 * <pre>{@code
 * @RegisterExtension
 * static KooPhoneSimulatorExtension koophone = KooPhoneSimulatorExtension.create(b -> b.instances(3));
 *
 * @Test
 * void resets(KooPhoneSimulator sim) {      // or koophone.simulator()
 *     String endpoint = koophone.url();
 *     ...
 * }
 * }</pre>
 *
 * In a static field the simulator starts once before all tests and stops after them, and (unless
 * {@link #keepStateBetweenTests()}) is {@link KooPhoneSimulator#reset() reset} before each test, so
 * tests see the configured instances, an empty journal and no faults. In an instance field it
 * starts and stops around every test. Test methods may declare a {@link KooPhoneSimulator} parameter.
 */
public final class KooPhoneSimulatorExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, ParameterResolver {

    private final KooPhoneSimulator.Builder builder;
    private boolean resetBeforeEach = true;
    private KooPhoneSimulator simulator;
    private boolean perClass;
    // @Nested classes inherit a static extension and call beforeAll/afterAll again: start once, stop last.
    private int classDepth;

    public KooPhoneSimulatorExtension() {
        this(KooPhoneSimulator.builder());
    }

    public KooPhoneSimulatorExtension(KooPhoneSimulator.Builder builder) {
        this.builder = builder;
    }

    /** An extension configured by a builder callback. */
    public static KooPhoneSimulatorExtension create(Consumer<KooPhoneSimulator.Builder> configure) {
        KooPhoneSimulator.Builder b = KooPhoneSimulator.builder();
        configure.accept(b);
        return new KooPhoneSimulatorExtension(b);
    }

    /** Keeps instances, tasks, journal and faults from one test to the next (class-level use only). */
    public KooPhoneSimulatorExtension keepStateBetweenTests() {
        this.resetBeforeEach = false;
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        perClass = true;
        if (classDepth++ == 0) {
            simulator = builder.start();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (--classDepth == 0) {
            stopSimulator();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (simulator == null) {
            simulator = builder.start();
        } else if (perClass && resetBeforeEach) {
            simulator.reset();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) {
            stopSimulator();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == KooPhoneSimulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return simulator();
    }

    /** The running simulator. */
    public KooPhoneSimulator simulator() {
        if (simulator == null) {
            throw new IllegalStateException("the KooPhone simulator is not running (register the extension with @RegisterExtension)");
        }
        return simulator;
    }

    public String url() {
        return simulator().url();
    }

    public int port() {
        return simulator().port();
    }

    public Journal journal() {
        return simulator().journal();
    }

    public FaultInjector faults() {
        return simulator().faults();
    }

    public Inventory inventory() {
        return simulator().inventory();
    }

    public TaskEngine tasks() {
        return simulator().tasks();
    }

    public SimClock clock() {
        return simulator().clock();
    }

    private void stopSimulator() {
        if (simulator != null) {
            simulator.stop();
            simulator = null;
        }
    }
}
