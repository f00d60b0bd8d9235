package io.github.camelkoophone.component.cloud.model;

/**
 * Bad input detected before any request is sent. The message always names the field and the rule it broke.
 */
public class InvalidInputException extends IllegalArgumentException {

    private final String field;

    public InvalidInputException(String field, String rule) {
        super(field + ": " + rule);
        this.field = field;
    }

    public String getField() {
        return field;
    }
}
