package io.github.camelkoophone.simulator.http;

/**
 * One row of the operation table.
 *
 * @param name              the contract's operation name ({@code syncCommand}...), also the journal/fault key
 * @param method            HTTP method
 * @param pathTemplate      path with {@code {param}} segments
 * @param requestIdRequired whether a missing x-request-id is refused (KOOPHONE.API.0002)
 * @param authenticated     whether a token or signature is required (false only for IAM itself)
 * @param handler           the code that answers it
 */
public record Operation(String name, String method, String pathTemplate, boolean requestIdRequired,
                        boolean authenticated, OperationHandler handler) {
}
