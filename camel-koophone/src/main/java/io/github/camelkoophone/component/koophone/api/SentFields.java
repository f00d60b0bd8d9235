package io.github.camelkoophone.component.koophone.api;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.AnnotationIntrospector;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.github.camelkoophone.component.koophone.model.KooPhoneRequest;

/**
 * A request's fields as a call without a body sends them, in path and query, where only a field's text counts: a
 * scalar as its text, a container as an empty placeholder (neither a segment nor a parameter), and a null field as
 * no field.
 * <p>
 * The fields are read with a plan made once per request class from how Jackson itself would write it: each
 * property's getter (or field), when every property is a string, a whole number, a boolean or a container and
 * nothing custom decides how it is written. A class that does not fit is written through Jackson and read back,
 * which gives the same fields: writing every GetTask request that way showed in profiles.
 */
final class SentFields {

    private static final Map<Class<?>, Optional<SentFields>> PLANS = new ConcurrentHashMap<>();
    private static final Set<Class<?>> SCALARS = Set.of(String.class, Integer.class, int.class, Long.class, long.class,
            Short.class, short.class, Boolean.class, boolean.class);
    private static final Set<JsonInclude.Include> PLAIN_INCLUSION = Set.of(JsonInclude.Include.ALWAYS,
            JsonInclude.Include.NON_NULL, JsonInclude.Include.USE_DEFAULTS);

    private final String[] names;
    private final AnnotatedMember[] accessors;
    private final boolean[] containers;

    private SentFields(String[] names, AnnotatedMember[] accessors, boolean[] containers) {
        this.names = names;
        this.accessors = accessors;
        this.containers = containers;
    }

    /** The request's sent fields, in the order Jackson writes them. */
    static ObjectNode of(KooPhoneRequest request) {
        Optional<SentFields> plan = PLANS.computeIfAbsent(request.getClass(), SentFields::plan);
        return plan.isPresent() ? plan.get().read(request) : written(request);
    }

    /** Whether the class's fields are read with a plan rather than written through Jackson. */
    static boolean planned(Class<?> type) {
        return PLANS.computeIfAbsent(type, SentFields::plan).isPresent();
    }

    private ObjectNode read(KooPhoneRequest request) {
        JsonNodeFactory nodes = Json.MAPPER.getNodeFactory();
        ObjectNode fields = nodes.objectNode();
        for (int i = 0; i < names.length; i++) {
            Object value = accessors[i].getValue(request);
            if (value != null) {
                fields.set(names[i], containers[i] ? nodes.objectNode() : nodes.textNode(value.toString()));
            }
        }
        return fields;
    }

    /** The fields as Jackson writes the request, read back token by token. */
    static ObjectNode written(KooPhoneRequest request) {
        JsonNodeFactory nodes = Json.MAPPER.getNodeFactory();
        ObjectNode fields = nodes.objectNode();
        try (TokenBuffer buffer = new TokenBuffer(Json.MAPPER, false)) {
            Json.writer(request.getClass()).writeValue(buffer, request);
            try (JsonParser parser = buffer.asParser()) {
                parser.nextToken();
                for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                    String name = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if (value.isScalarValue() && value != JsonToken.VALUE_NULL) {
                        fields.set(name, nodes.textNode(parser.getText()));
                    } else if (!value.isScalarValue()) {
                        parser.skipChildren();
                        fields.set(name, nodes.objectNode());
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + request.getClass().getName(), e);
        }
        return fields;
    }

    private static Optional<SentFields> plan(Class<?> type) {
        SerializationConfig config = Json.MAPPER.getSerializationConfig();
        BeanDescription bean = config.introspect(Json.MAPPER.constructType(type));
        AnnotationIntrospector annotations = config.getAnnotationIntrospector();
        if (annotations.findSerializer(bean.getClassInfo()) != null
            || annotations.findTypeResolver(config, bean.getClassInfo(), bean.getType()) != null
            || bean.findJsonValueAccessor() != null || bean.findAnyGetter() != null
            || !plain(bean.findPropertyInclusion(config.getDefaultPropertyInclusion(type)))) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>();
        List<AnnotatedMember> accessors = new ArrayList<>();
        List<Boolean> containers = new ArrayList<>();
        for (BeanPropertyDefinition property : bean.findProperties()) {
            AnnotatedMember accessor = property.getAccessor();
            if (accessor == null) {
                continue; // not written
            }
            if (annotations.findSerializer(accessor) != null || annotations.findSerializationConverter(accessor) != null
                || annotations.findNullSerializer(accessor) != null || annotations.findUnwrappingNameTransformer(accessor) != null
                || annotations.findViews(accessor) != null || accessor.hasAnnotation(JsonFormat.class)
                || !plain(property.findInclusion())) {
                return Optional.empty();
            }
            JavaType propertyType = accessor.getType();
            boolean container = propertyType.isContainerType(); // a collection, array or map
            if (!container && !SCALARS.contains(propertyType.getRawClass())) {
                return Optional.empty();
            }
            accessor.fixAccess(true);
            names.add(property.getName());
            accessors.add(accessor);
            containers.add(container);
        }
        boolean[] isContainer = new boolean[containers.size()];
        for (int i = 0; i < isContainer.length; i++) {
            isContainer[i] = containers.get(i);
        }
        return Optional.of(new SentFields(names.toArray(String[]::new), accessors.toArray(AnnotatedMember[]::new), isContainer));
    }

    private static boolean plain(JsonInclude.Value inclusion) {
        return inclusion == null || PLAIN_INCLUSION.contains(inclusion.getValueInclusion())
                                    && PLAIN_INCLUSION.contains(inclusion.getContentInclusion());
    }
}
