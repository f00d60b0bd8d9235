package io.github.camelkoophone.component.cloud.call;

/** Something an operation's reference asks for beyond its request model, marked on its catalogue row. */
public enum WireQuirk {
    /**
     * The x-request-id is also sent as a query parameter: the 2025 reference lists it among ListInstances' query
     * parameters as well as its headers. Sending both is harmless where one is ignored.
     */
    REQUEST_ID_IN_QUERY
}
