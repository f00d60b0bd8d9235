package io.github.camelkoophone.component.cloud.call;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.introspect.AnnotatedConstructor;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.AnnotatedMethod;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkoophone.component.cloud.model.InvalidInputException;
import io.github.camelkoophone.component.cloud.model.RequestModel;

/**
 * How one operation's request becomes HTTP, decided once per operation, as Retrofit decides once per service
 * method: which request properties fill the path, which the query, whether the rest is the JSON body, and how each
 * bound field is read and set. It is derived from the catalogue row and from Jackson's own view of the request
 * class (property names as written, getters, setters), so what is sent is what the models say. A row that cannot
 * work (a bound or split field the request does not have, a query property that is no scalar) fails when the plan
 * is built, at start-up, not on a call.
 */
final class RequestPlan {

    private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}]+)}");

    /** What an operation with a body sends in it. */
    private enum Body {
        /** No body (GET, or every property is in the path). */
        NONE,
        /** The request as it is. */
        WHOLE,
        /** The request without the properties that went into the path. */
        WITHOUT_PATH_PROPERTIES
    }

    /** A request property as Jackson writes it: its name and accessor. */
    private record Property(String name, AnnotatedMember accessor) {
        Object get(Object request) {
            return accessor.getValue(request);
        }
    }

    /**
     * A bound field: read to see whether the body set it, set from the inputs otherwise; {@code direct} when the
     * input's value is of the setter's type, else it is converted as Jackson would bind it.
     */
    private record BoundField(Binding binding, Property property, AnnotatedMember setter, JavaType type, boolean direct) {
    }

    private final ApiOperation op;
    private final AnnotatedConstructor constructor;
    /** The path template split at its parameters: literal, name, literal, ..., name, literal. */
    private final String[] pathParts;
    /** Per path parameter, the request property holding it, or null when the endpoint supplies it. */
    private final Property[] pathProperties;
    private final Property[] queryProperties;
    private final Body body;
    private final List<String> pathNames;
    private final BoundField[] bound;
    /** The id list that is split, with its setter; null when the operation takes none. */
    private final Property idList;
    private final AnnotatedMember idListSetter;

    private RequestPlan(ApiOperation op) {
        this.op = op;
        Class<? extends RequestModel> type = op.requestType();
        BeanDescription written = Json.MAPPER.getSerializationConfig().introspect(Json.MAPPER.constructType(type));
        BeanDescription read = Json.MAPPER.getDeserializationConfig().introspect(Json.MAPPER.constructType(type));
        Map<String, Property> properties = new LinkedHashMap<>();
        for (BeanPropertyDefinition definition : written.findProperties()) {
            AnnotatedMember accessor = definition.getAccessor();
            if (accessor != null) {
                accessor.fixAccess(true);
                properties.put(definition.getName(), new Property(definition.getName(), accessor));
            }
        }
        constructor = read.findDefaultConstructor();
        if (constructor == null) {
            throw declaration("its request type " + type.getName() + " has no default constructor");
        }
        constructor.fixAccess(true);

        List<String> parts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Matcher param = PATH_PARAM.matcher(op.pathTemplate());
        int literalStart = 0;
        while (param.find()) {
            parts.add(op.pathTemplate().substring(literalStart, param.start()));
            parts.add(param.group(1));
            names.add(param.group(1));
            literalStart = param.end();
        }
        parts.add(op.pathTemplate().substring(literalStart));
        pathParts = parts.toArray(String[]::new);
        pathNames = List.copyOf(names);
        pathProperties = names.stream().map(properties::get).toArray(Property[]::new);

        List<Property> rest = properties.values().stream().filter(p -> !names.contains(p.name())).toList();
        if (!op.method().hasBody()) {
            for (Property property : rest) {
                if (property.accessor().getType().isContainerType()) {
                    throw declaration("its query property " + property.name() + " is no single value");
                }
            }
            queryProperties = rest.toArray(Property[]::new);
            body = Body.NONE;
        } else {
            queryProperties = new Property[0];
            body = names.isEmpty() ? Body.WHOLE : rest.isEmpty() ? Body.NONE : Body.WITHOUT_PATH_PROPERTIES;
        }

        Map<String, BeanPropertyDefinition> settable = new LinkedHashMap<>();
        read.findProperties().forEach(definition -> settable.put(definition.getName(), definition));
        bound = op.bindings().stream().map(binding -> bind(binding, properties.get(binding.field()),
                settable.get(binding.field()))).toArray(BoundField[]::new);
        if (op.idListField() != null) {
            idList = properties.get(op.idListField());
            BeanPropertyDefinition definition = settable.get(op.idListField());
            if (idList == null || definition == null || definition.getMutator() == null
                || !Collection.class.isAssignableFrom(idList.accessor().getRawType())) {
                throw declaration("its request has no list property " + op.idListField() + " to split");
            }
            idListSetter = definition.getMutator();
            idListSetter.fixAccess(true);
        } else {
            idList = null;
            idListSetter = null;
        }
    }

    /** The plan of an operation; fails, naming the operation, when its row cannot work. */
    static RequestPlan of(ApiOperation op) {
        return new RequestPlan(op);
    }

    private BoundField bind(Binding binding, Property property, BeanPropertyDefinition definition) {
        AnnotatedMember setter = definition == null ? null : definition.getMutator();
        if (property == null || setter == null) {
            throw declaration("its request has no settable property " + binding.field() + " for a binding");
        }
        setter.fixAccess(true);
        JavaType type = setter instanceof AnnotatedMethod method ? method.getParameterType(0) : setter.getType();
        Class<?> raw = type.getRawClass();
        boolean direct = switch (binding.shape()) {
            case TEXT, ONE_ID -> raw == String.class;
            case NUMBER -> raw == Integer.class;
            case IDS -> raw.isAssignableFrom(List.class) && type.getContentType().getRawClass() == String.class;
            case ID_OBJECTS -> false;
        };
        return new BoundField(binding, property, setter, type, direct);
    }

    private IllegalStateException declaration(String problem) {
        return new IllegalStateException("operation " + op.name() + " cannot be planned: " + problem);
    }

    ApiOperation operation() {
        return op;
    }

    /** A new request with nothing set but its defaults. */
    RequestModel newRequest() {
        try {
            return (RequestModel) constructor.call();
        } catch (Exception e) {
            throw new IllegalStateException("cannot create " + constructor.getDeclaringClass().getName(), e);
        }
    }

    /** Sets every bound field the request leaves unset from the inputs that have a value. */
    void fill(RequestModel request, Input.Source inputs) {
        for (BoundField field : bound) {
            if (field.property().get(request) != null) {
                continue;
            }
            Object value = field.binding().value(inputs);
            if (value != null) {
                set(field.setter(), request, field.direct() ? value : Json.MAPPER.convertValue(value, field.type()));
            }
        }
    }

    /** The id list's size, or 0 when the operation takes none or the request has none. */
    int ids(RequestModel request) {
        Collection<?> ids = idList == null ? null : (Collection<?>) idList.get(request);
        return ids == null ? 0 : ids.size();
    }

    /** The field that is split, or null. */
    String idListField() {
        return op.idListField();
    }

    /** The request split into requests of at most {@code size} ids each, in order. */
    List<RequestModel> split(RequestModel request, int size) {
        List<?> ids = List.copyOf((Collection<?>) idList.get(request));
        List<RequestModel> chunks = new ArrayList<>((ids.size() + size - 1) / size);
        ObjectNode tree = Json.MAPPER.valueToTree(request);
        for (int from = 0; from < ids.size(); from += size) {
            RequestModel chunk;
            try {
                chunk = Json.reader(op.requestType()).readValue(tree);
            } catch (IOException e) {
                throw new IllegalStateException("cannot copy a " + op.requestType().getName(), e);
            }
            set(idListSetter, chunk, new ArrayList<>(ids.subList(from, Math.min(from + size, ids.size()))));
            chunks.add(chunk);
        }
        return chunks;
    }

    /** The path, every parameter from the request or else from {@code supplied}. */
    String path(RequestModel request, Map<String, String> supplied) {
        if (pathParts.length == 1) {
            return pathParts[0];
        }
        StringBuilder path = new StringBuilder(pathParts[0]);
        for (int i = 0; i < pathProperties.length; i++) {
            String name = pathParts[2 * i + 1];
            Object value = pathProperties[i] == null ? null : pathProperties[i].get(request);
            String text = value == null ? supplied.get(name) : value.toString();
            if (text == null || text.isBlank()) {
                throw new InvalidInputException(name, "is required");
            }
            path.append(text).append(pathParts[2 * i + 2]);
        }
        return path.toString();
    }

    /** The query parameters in the order the request writes them; empty for an operation with a body. */
    List<Map.Entry<String, String>> query(RequestModel request) {
        List<Map.Entry<String, String>> query = new ArrayList<>(queryProperties.length + 1);
        for (Property property : queryProperties) {
            Object value = property.get(request);
            if (value != null) {
                query.add(Map.entry(property.name(), value.toString()));
            }
        }
        return query;
    }

    /** The JSON body, or null for none. */
    byte[] body(RequestModel request) {
        try {
            return switch (body) {
                case NONE -> null;
                case WHOLE -> Json.writer(op.requestType()).writeValueAsBytes(request);
                case WITHOUT_PATH_PROPERTIES -> {
                    ObjectNode fields = Json.MAPPER.valueToTree(request);
                    fields.remove(pathNames);
                    yield Json.MAPPER.writeValueAsBytes(fields);
                }
            };
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a " + op.requestType().getName(), e);
        }
    }

    private static void set(AnnotatedMember setter, Object request, Object value) {
        try {
            setter.setValue(request, value);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot set " + setter.getName() + " on " + request.getClass().getName(), e);
        }
    }
}
