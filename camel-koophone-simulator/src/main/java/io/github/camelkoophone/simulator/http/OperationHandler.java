package io.github.camelkoophone.simulator.http;

/** Answers one API operation; runs under the state lock and reports failures by throwing {@link ApiError}. */
@FunctionalInterface
public interface OperationHandler {
    SimResponse handle(Call call);
}
