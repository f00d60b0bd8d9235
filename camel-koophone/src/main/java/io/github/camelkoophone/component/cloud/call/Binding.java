package io.github.camelkoophone.component.cloud.call;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelkoophone.component.cloud.model.InvalidInputException;

/**
 * One row of an operation's input table: which request field an input fills when the body leaves it unset, and in
 * what shape. A single id falls back to a list of exactly one and a list to its single id, so a route can give
 * either; lists come as a {@code List}, a {@code String[]} or comma-separated text, trimmed.
 *
 * @param field       the request field (as the API spells it)
 * @param shape       what the field holds
 * @param input       where the value comes from
 * @param alternative where it comes from when {@code input} has nothing: the single id a list falls back to, the
 *                    list of one a single id falls back to; null when none
 * @param paired      {@link Shape#ID_OBJECTS}: the input whose value each object holds beside its id, or null
 * @param idKey       {@link Shape#ID_OBJECTS}: the key of the id in each object
 * @param pairedKey   {@link Shape#ID_OBJECTS}: the key of {@code paired}'s value in each object
 */
public record Binding(String field, Shape shape, Input input, Input alternative, Input paired, String idKey,
                      String pairedKey) {

    /** What a bound field holds. */
    public enum Shape {
        /** A string. */
        TEXT,
        /** A whole number. */
        NUMBER,
        /** A list of ids. */
        IDS,
        /** One id. */
        ONE_ID,
        /** A list of objects, one per id, each {@code {pairedKey: paired value, idKey: id}}. */
        ID_OBJECTS
    }

    public static Binding text(String field, Input input) {
        return new Binding(field, Shape.TEXT, input, null, null, null, null);
    }

    public static Binding number(String field, Input input) {
        return new Binding(field, Shape.NUMBER, input, null, null, null, null);
    }

    /** @param single the single-id input a missing list falls back to, or null */
    public static Binding ids(String field, Input list, Input single) {
        return new Binding(field, Shape.IDS, list, single, null, null, null);
    }

    /** @param list the list input of exactly one id a missing single id falls back to, or null */
    public static Binding oneId(String field, Input single, Input list) {
        return new Binding(field, Shape.ONE_ID, single, list, null, null, null);
    }

    /** {@code [{idKey: id}, ...]} for the ids of {@code list}, else of {@code single}. */
    public static Binding idObjects(String field, Input list, Input single, String idKey) {
        return new Binding(field, Shape.ID_OBJECTS, list, single, null, idKey, null);
    }

    /**
     * {@code [{pairedKey: value of paired, idKey: id}, ...]} for the ids of {@code list}, else of {@code single};
     * nothing unless {@code paired} has a value too.
     */
    public static Binding pairs(String field, Input list, Input single, String idKey, Input paired, String pairedKey) {
        return new Binding(field, Shape.ID_OBJECTS, list, single, paired, idKey, pairedKey);
    }

    /** The inputs this binding reads. */
    public List<Input> inputs() {
        List<Input> inputs = new ArrayList<>(3);
        inputs.add(input);
        if (alternative != null) {
            inputs.add(alternative);
        }
        if (paired != null) {
            inputs.add(paired);
        }
        return inputs;
    }

    /** The value for the field, or null when the inputs have none. */
    public Object value(Input.Source source) {
        return switch (shape) {
            case TEXT -> text(source, input);
            case NUMBER -> number(source, input);
            case IDS -> ids(source);
            case ONE_ID -> oneId(source);
            case ID_OBJECTS -> idObjects(source);
        };
    }

    private List<String> ids(Input.Source source) {
        List<String> list = list(source, input);
        if (list != null && !list.isEmpty()) {
            return list;
        }
        String single = alternative == null ? null : text(source, alternative);
        return single == null ? null : List.of(single);
    }

    private String oneId(Input.Source source) {
        String single = text(source, input);
        if (single != null) {
            return single;
        }
        List<String> list = alternative == null ? null : list(source, alternative);
        return list != null && list.size() == 1 ? list.get(0) : null;
    }

    private List<Map<String, String>> idObjects(Input.Source source) {
        List<String> ids = ids(source);
        String pairedValue = paired == null ? null : text(source, paired);
        if (ids == null || paired != null && pairedValue == null) {
            return null;
        }
        List<Map<String, String>> objects = new ArrayList<>(ids.size());
        for (String id : ids) {
            Map<String, String> object = new LinkedHashMap<>(4);
            if (paired != null) {
                object.put(pairedKey, pairedValue);
            }
            object.put(idKey, id);
            objects.add(object);
        }
        return objects;
    }

    private static String text(Input.Source source, Input input) {
        String value = input.header() == null ? null : source.headerText(input.header());
        if (value == null && input.option() != null) {
            Object option = source.option(input.option());
            value = option == null ? null : option.toString();
        }
        return value;
    }

    private static Integer number(Input.Source source, Input input) {
        Object value = input.header() == null ? null : source.header(input.header());
        if (value == null && input.option() != null) {
            value = source.option(input.option());
        }
        if (value == null || value instanceof Integer) {
            return (Integer) value;
        }
        if (value instanceof Number number) {
            return number.intValue();
        }
        try {
            return Integer.valueOf(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(
                    input.header() != null ? input.header() : input.option(), "must be a whole number, was '" + value + "'");
        }
    }

    /** A list input: a header (List, String[] or comma-separated text), else the option's comma-separated text. */
    @SuppressWarnings("unchecked")
    static List<String> list(Input.Source source, Input input) {
        Object value = input.header() == null ? null : source.header(input.header());
        if (value == null && input.option() != null) {
            value = source.option(input.option());
        }
        if (value == null) {
            return null;
        }
        if (value instanceof Collection<?> collection) {
            if (alreadyTrimmed(collection)) {
                return List.copyOf((Collection<String>) collection); // an immutable list is its own copy
            }
            return trimmed(collection.toArray());
        }
        if (value instanceof String[] array) {
            return trimmed(array);
        }
        return Arrays.stream(value.toString().split(",")).map(String::trim).filter(id -> !id.isEmpty()).toList();
    }

    private static boolean alreadyTrimmed(Collection<?> ids) {
        for (Object id : ids) {
            if (!(id instanceof String text) || text.isEmpty() || text.charAt(0) <= ' ' || text.charAt(text.length() - 1) <= ' ') {
                return false;
            }
        }
        return true;
    }

    private static List<String> trimmed(Object[] ids) {
        String[] trimmed = new String[ids.length];
        for (int i = 0; i < ids.length; i++) {
            trimmed[i] = String.valueOf(ids[i]).trim();
        }
        return List.of(trimmed);
    }
}
