package io.github.camelkoophone.simulator;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;

/**
 * One API call as a handler sees it: the request, the state, the project the caller's credentials act for, and a
 * place to say "I changed something".
 */
final class Call {

    private final ApiRequest request;
    private final SimulatorState state;
    private final String project;
    private boolean executed;

    /** @param project the caller's project, or null for the simulator's own */
    Call(ApiRequest request, SimulatorState state, String project) {
        this.request = request;
        this.state = state;
        this.project = project != null ? project : state.projectId();
    }

    /** Whether an instance belongs to the caller's project. */
    boolean owns(SimInstance instance) {
        return project.equals(instance.projectId());
    }

    /** The caller's live instance of that id, or null when no project has one; KOOPHONE.API.1001 when another has. */
    SimInstance instance(String instanceId) {
        SimInstance instance = state.inventory().live(instanceId);
        if (instance != null && !owns(instance)) {
            throw ApiError.notPermitted(instanceId);
        }
        return instance;
    }

    /** Fails with KOOPHONE.API.1001 naming the first id that is another project's, before anything changes. */
    void requireOwnOrUnknown(List<String> instanceIds) {
        instanceIds.forEach(this::instance);
    }

    ApiRequest request() {
        return request;
    }

    JsonNode body() {
        return request.json();
    }

    SimulatorState state() {
        return state;
    }

    Instant now() {
        return state.now();
    }

    boolean quirks() {
        return state.settings().quirkMode();
    }

    /** Marks that this call changed the simulated cloud; the journal records it. */
    void executed() {
        executed = true;
    }

    boolean wasExecuted() {
        return executed;
    }
}
