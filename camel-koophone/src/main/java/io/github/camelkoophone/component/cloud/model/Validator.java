package io.github.camelkoophone.component.cloud.model;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The documented input rules the request models check themselves against (id lengths and counts, the adb command's
 * size and characters, ranges, timestamps). Each check throws an {@link InvalidInputException} naming the field and
 * the rule.
 */
public final class Validator {

    public static final int MAX_COMMAND_BYTES = 1024;
    public static final int MAX_ID_LENGTH = 32;
    public static final String TIMESTAMP_PATTERN = "yyyy-MM-dd HH:mm:ss";
    private static final DateTimeFormatter TIMESTAMP
            = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withResolverStyle(ResolverStyle.STRICT);

    private final boolean validateCommand;

    public Validator(boolean validateCommand) {
        this.validateCommand = validateCommand;
    }

    public void required(String field, Object value) {
        if (value == null || value instanceof String s && s.isBlank()) {
            throw new InvalidInputException(field, "is required");
        }
    }

    public void notEmpty(String field, Collection<?> values) {
        if (values == null || values.isEmpty()) {
            throw new InvalidInputException(field, "must contain at least one entry");
        }
    }

    /** A non-empty list of non-blank ids, each at most 32 characters. */
    public void ids(String field, List<String> ids) {
        notEmpty(field, ids);
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            if (id == null || id.isBlank() || id.length() > MAX_ID_LENGTH) {
                id(field + "[" + i + "]", id); // the field name is built only for the message
            }
        }
    }

    public void id(String field, String id) {
        required(field, id);
        if (id.length() > MAX_ID_LENGTH) {
            throw new InvalidInputException(field, "must be at most " + MAX_ID_LENGTH + " characters, was " + id.length());
        }
    }

    public void command(String field, String command) {
        required(field, command);
        // every character is one byte when all are in the allowed set: encode only when one is not
        boolean allowed = commandChars(command);
        int bytes = allowed ? command.length() : command.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_COMMAND_BYTES) {
            throw new InvalidInputException(field, "must be at most " + MAX_COMMAND_BYTES + " bytes, was " + bytes);
        }
        if (validateCommand && !allowed) {
            throw new InvalidInputException(field,
                    "may contain only letters, digits, space and _ . / : - (set validateCommand=false to skip this check)");
        }
    }

    /** Letters, digits, space and {@code _ . / : -}: the documented set plus the space its own example uses. */
    private static boolean commandChars(String command) {
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == ' ' || c == '_' || c == '.'
                  || c == '/' || c == ':' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    public void oneOf(String field, Object value, Set<?> allowed) {
        required(field, value);
        if (!allowed.contains(value)) {
            throw new InvalidInputException(field, "must be one of " + allowed + ", was " + value);
        }
    }

    public void range(String field, Integer value, int min, int max) {
        required(field, value);
        if (value < min || value > max) {
            throw new InvalidInputException(field, "must be between " + min + " and " + max + ", was " + value);
        }
    }

    public void multipleOf(String field, Integer value, int step) {
        required(field, value);
        if (value % step != 0) {
            throw new InvalidInputException(field, "must be a multiple of " + step + ", was " + value);
        }
    }

    public void maxSize(String field, Collection<?> values, int max) {
        if (values != null && values.size() > max) {
            throw new InvalidInputException(field, "must have at most " + max + " entries, had " + values.size());
        }
    }

    public void min(String field, Integer value, int min) {
        required(field, value);
        if (value < min) {
            throw new InvalidInputException(field, "must be at least " + min + ", was " + value);
        }
    }

    /** Null passes, so optional fields can be checked too; pair with {@link #required} when the field is mandatory. */
    public void maxLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw new InvalidInputException(field, "must be at most " + max + " characters, was " + value.length());
        }
    }

    /** A UTC time as the API writes it, {@value #TIMESTAMP_PATTERN}. */
    public void timestamp(String field, String value) {
        required(field, value);
        try {
            LocalDateTime.parse(value, TIMESTAMP);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "must be a UTC time formatted " + TIMESTAMP_PATTERN + ", was '" + value + "'");
        }
    }

    /** An insertion-ordered set for {@link #oneOf}, so its message lists the values in a stable order. */
    @SafeVarargs
    public static <T> Set<T> allowed(T... values) {
        Set<T> set = new LinkedHashSet<>();
        for (T value : values) {
            set.add(value);
        }
        return Collections.unmodifiableSet(set);
    }
}
