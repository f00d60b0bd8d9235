package io.github.camelkoophone.component.cloud.model;

/**
 * Bad input detected before any request is sent. The message always names the field and the rule it broke.
 */
public class InvalidInputException extends IllegalArgumentException {

    private final String field;
    private final String component;

    public InvalidInputException(String field, String rule) {
        this(field + ": " + rule, field, null, null);
    }

    private InvalidInputException(String message, String field, String component, Throwable cause) {
        super(message, cause);
        this.field = field;
        this.component = component;
    }

    /**
     * This failure as the component {@code component} reports it: raised by code its components share, it names which
     * one's option is wrong, for a start-up report to name the right property.
     */
    public InvalidInputException inComponent(String component) {
        InvalidInputException named = new InvalidInputException(getMessage(), field, component, getCause());
        named.setStackTrace(getStackTrace());
        return named;
    }

    public String getField() {
        return field;
    }

    /** The component whose option is wrong, when shared code raised it; null otherwise. */
    public String getComponent() {
        return component;
    }
}
