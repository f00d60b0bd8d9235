package io.github.camelkoophone.component.cloud.call;

import java.util.Map;

/**
 * Where a route gives an operation input instead of the body: a message header, else an endpoint option.
 *
 * @param header the header name, or null when only the option gives it
 * @param option the endpoint option's name, or null when only the header gives it
 */
public record Input(String header, String option) {

    public Input {
        if (header == null && option == null) {
            throw new IllegalArgumentException("an input needs a header or an option");
        }
    }

    public static Input of(String header, String option) {
        return new Input(header, option);
    }

    /** What inputs are read from for one call: the message's headers, then the endpoint's options. */
    public interface Source {

        /** The header's value as the message holds it, or null. */
        Object header(String name);

        /** The header's value as text (Camel's type conversion), or null. */
        String headerText(String name);

        /** The endpoint option's value, or null when unset. */
        Object option(String name);

        /** Inputs given as header values only, for calls a consumer makes (a task id to query). */
        static Source headers(Map<String, ?> headers) {
            return new Source() {
                @Override
                public Object header(String name) {
                    return headers.get(name);
                }

                @Override
                public String headerText(String name) {
                    Object value = headers.get(name);
                    return value == null ? null : value.toString();
                }

                @Override
                public Object option(String name) {
                    return null;
                }
            };
        }
    }
}
