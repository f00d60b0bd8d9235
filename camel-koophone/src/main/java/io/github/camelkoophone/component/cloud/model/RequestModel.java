package io.github.camelkoophone.component.cloud.model;

/**
 * A request body (or query) of one operation of a Huawei Cloud service. Implementations check their own documented
 * rules in {@link #validate(Validator)}, which runs before any HTTP request is sent.
 */
public interface RequestModel {

    /**
     * Checks the documented limits of this request, failing with a message naming the field and the rule.
     * Id-list sizes are checked when the call is assembled, which knows the operation's maximum and the splitting
     * options.
     */
    default void validate(Validator validator) {
    }
}
