package io.github.camelkoophone.simulator;

/** Answers one API operation; runs under the state lock and reports failures by throwing {@link ApiError}. */
@FunctionalInterface
interface OperationHandler {
    ApiResponse handle(Call call);
}
