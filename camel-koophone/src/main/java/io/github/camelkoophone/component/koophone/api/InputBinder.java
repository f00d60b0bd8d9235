package io.github.camelkoophone.component.koophone.api;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.AnnotationIntrospector;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.introspect.AnnotatedConstructor;
import com.fasterxml.jackson.databind.introspect.AnnotatedMethod;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.github.camelkoophone.component.koophone.model.KooPhoneRequest;

/**
 * Builds an operation's typed request straight from the inputs, for a message without a body (the usual way to
 * call from a route: headers or options say everything). It gives what binding the inputs through a JSON tree
 * gives, without the tree: creating, filling and binding one per call showed in profiles.
 * <p>
 * The plan per operation comes from how Jackson itself sees the request type: the default constructor and, for
 * each bound field, the property's setter. An operation whose request does not fit that plain shape (a field
 * with a custom deserializer, a creator, a list of other than strings) gets no binder, and its requests take the
 * tree path as every request with a body does.
 */
final class InputBinder {

    private static final Map<ApiOperation, Optional<InputBinder>> PLANS = new ConcurrentHashMap<>();

    private final AnnotatedConstructor constructor;
    private final Binding[] bindings;
    private final AnnotatedMethod[] setters;

    private InputBinder(AnnotatedConstructor constructor, Binding[] bindings, AnnotatedMethod[] setters) {
        this.constructor = constructor;
        this.bindings = bindings;
        this.setters = setters;
    }

    /** The operation's binder, or null when its request takes the tree path. */
    static InputBinder of(ApiOperation op) {
        return PLANS.computeIfAbsent(op, InputBinder::plan).orElse(null);
    }

    /** The request with every input that has a value set on its field. */
    KooPhoneRequest bind(Inputs inputs) {
        KooPhoneRequest request;
        try {
            request = (KooPhoneRequest) constructor.call();
        } catch (Exception e) {
            throw new IllegalStateException("cannot create " + constructor.getDeclaringClass().getName(), e);
        }
        for (int i = 0; i < bindings.length; i++) {
            Object value = value(bindings[i].input(), inputs);
            if (value != null) {
                try {
                    setters[i].setValue(request, value);
                } catch (Exception e) {
                    throw new IllegalStateException("cannot set " + bindings[i].field() + " on " + request.getClass().getName(), e);
                }
            }
        }
        return request;
    }

    /** The value the tree path would fill the field with, as Jackson would bind it. */
    private static Object value(Input input, Inputs inputs) {
        return switch (input) {
            case INSTANCE_IDS -> {
                List<String> ids = inputs.idsOrSingle();
                yield ids == null ? null : new ArrayList<>(ids);
            }
            case INSTANCE_ID -> inputs.singleOrOnlyId();
            case COMMAND -> inputs.command();
            case TASK_ID -> inputs.taskId();
            case USER_ID -> inputs.userId();
            case USER_INSTANCES -> throw new IllegalStateException("planned without a binder"); // see fits()
        };
    }

    private static Optional<InputBinder> plan(ApiOperation op) {
        DeserializationConfig config = Json.MAPPER.getDeserializationConfig();
        BeanDescription bean = config.introspect(Json.MAPPER.constructType(op.requestType()));
        AnnotationIntrospector annotations = config.getAnnotationIntrospector();
        AnnotatedConstructor constructor = bean.findDefaultConstructor();
        if (constructor == null || hasCreator(config, annotations, bean)
            || annotations.findPOJOBuilder(bean.getClassInfo()) != null
            || annotations.findTypeResolver(config, bean.getClassInfo(), bean.getType()) != null) {
            return Optional.empty();
        }
        List<Binding> bindings = op.bindings();
        AnnotatedMethod[] setters = new AnnotatedMethod[bindings.size()];
        for (int i = 0; i < bindings.size(); i++) {
            BeanPropertyDefinition property = property(bean, bindings.get(i).field());
            if (property == null || !property.hasSetter() || !fits(bindings.get(i).input(), property.getSetter(), annotations)) {
                return Optional.empty();
            }
            setters[i] = property.getSetter();
            setters[i].fixAccess(true);
        }
        constructor.fixAccess(true);
        return Optional.of(new InputBinder(constructor, bindings.toArray(Binding[]::new), setters));
    }

    /** Whether Jackson would create the request through a constructor or factory of its own choosing. */
    private static boolean hasCreator(DeserializationConfig config, AnnotationIntrospector annotations, BeanDescription bean) {
        for (AnnotatedConstructor constructor : bean.getConstructors()) {
            if (annotations.findCreatorAnnotation(config, constructor) != null) {
                return true;
            }
        }
        for (AnnotatedMethod factory : bean.getFactoryMethods()) {
            if (annotations.findCreatorAnnotation(config, factory) != null) {
                return true;
            }
        }
        return false;
    }

    private static BeanPropertyDefinition property(BeanDescription bean, String name) {
        for (BeanPropertyDefinition property : bean.findProperties()) {
            if (property.getName().equals(name)) {
                return property;
            }
        }
        return null;
    }

    /** Whether Jackson would bind the input's value to this setter as it is: no conversion, no custom code. */
    private static boolean fits(Input input, AnnotatedMethod setter, AnnotationIntrospector annotations) {
        if (annotations.findDeserializer(setter) != null || annotations.findContentDeserializer(setter) != null
            || annotations.findDeserializationConverter(setter) != null) {
            return false;
        }
        JavaType type = setter.getParameterType(0);
        return switch (input) {
            case INSTANCE_ID, COMMAND, TASK_ID, USER_ID -> type.getRawClass() == String.class;
            case INSTANCE_IDS -> type.isCollectionLikeType() && type.getRawClass().isAssignableFrom(ArrayList.class)
                                 && Collection.class.isAssignableFrom(type.getRawClass())
                                 && type.getContentType().getRawClass() == String.class;
            case USER_INSTANCES -> false;
        };
    }
}
