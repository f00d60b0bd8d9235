package io.github.camelkoophone.simulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelkoophone.simulator.state.SimInstance;
import io.github.camelkoophone.simulator.state.SimulatorState;

import java.time.Instant;
import java.util.List;

/**
 * One API call as a handler sees it: the request, the state, the project the caller's credentials act for, and a
 * place to say "I changed something".
 */
public final class Call {

    private final SimRequest request;
    private final SimulatorState state;
    private final String project;
    private boolean executed;

    /** @param project the caller's project, or null for the simulator's own */
    Call(SimRequest request, SimulatorState state, String project) {
        this.request = request;
        this.state = state;
        this.project = project != null ? project : state.projectId();
    }

    /** Whether an instance belongs to the caller's project. */
    public boolean owns(SimInstance instance) {
        return project.equals(instance.projectId());
    }

    /** The caller's live instance of that id, or null when no project has one; KOOPHONE.API.1001 when another has. */
    public SimInstance instance(String instanceId) {
        SimInstance instance = state.inventory().live(instanceId);
        if (instance != null && !owns(instance)) {
            throw ApiError.notPermitted(instanceId);
        }
        return instance;
    }

    /** Fails with KOOPHONE.API.1001 naming the first id that is another project's, before anything changes. */
    public void requireOwnOrUnknown(List<String> instanceIds) {
        instanceIds.forEach(this::instance);
    }

    public SimRequest request() {
        return request;
    }

    public JsonNode body() {
        return request.json();
    }

    public SimulatorState state() {
        return state;
    }

    public Instant now() {
        return state.now();
    }

    public boolean quirks() {
        return state.settings().quirkMode();
    }

    /** Marks that this call changed the simulated cloud; the journal records it. */
    public void executed() {
        executed = true;
    }

    boolean wasExecuted() {
        return executed;
    }
}
