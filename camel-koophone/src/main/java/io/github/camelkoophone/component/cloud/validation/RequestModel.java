package io.github.camelkoophone.component.koophone.model;

/**
 * A request body (or query) of one KooPhone operation. Implementations check their own documented rules in
 * {@link #validate(Validator)}; the producer calls it before any HTTP request is sent.
 */
public interface KooPhoneRequest {

    /**
     * Checks the documented limits of this request, failing with a message naming the field and the rule.
     * Id-list sizes are checked by the producer, which knows the operation's maximum and the splitting options.
     */
    default void validate(Validator validator) {
    }
}
