package io.github.camelkoophone.simulator;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/** One API call as a handler sees it: the request, the state, and a place to say "I changed something". */
final class Call {

    private final ApiRequest request;
    private final SimulatorState state;
    private boolean executed;

    Call(ApiRequest request, SimulatorState state) {
        this.request = request;
        this.state = state;
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
