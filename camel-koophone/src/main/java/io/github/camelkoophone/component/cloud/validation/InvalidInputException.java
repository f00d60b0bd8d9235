package io.github.camelkoophone.component.koophone.model;

/**
 * Bad input detected before any request is sent. The message always names the field and the rule it broke.
 */
public class KooPhoneValidationException extends IllegalArgumentException {

    private final String field;

    public KooPhoneValidationException(String field, String rule) {
        super(field + ": " + rule);
        this.field = field;
    }

    public String getField() {
        return field;
    }
}
