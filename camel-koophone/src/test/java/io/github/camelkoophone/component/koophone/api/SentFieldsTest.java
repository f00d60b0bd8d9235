package io.github.camelkoophone.component.koophone.api;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkoophone.component.cph.CphOperation;
import io.github.camelkoophone.component.koophone.KooPhoneOperation;
import io.github.camelkoophone.component.koophone.model.KooPhoneRequest;
import io.github.camelkoophone.component.koophone.model.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A call without a body sends its request's fields in path and query, read with a plan per request class; what
 * the plan reads must be exactly what writing the request through Jackson gives (names, order, texts), for every
 * such operation and any content, and a class the plan does not fit must still give that.
 */
class SentFieldsTest {

    static Stream<ApiOperation> operationsWithoutBody() {
        List<ApiOperation> ops = new ArrayList<>(List.of(KooPhoneOperation.values()));
        Collections.addAll(ops, CphOperation.values());
        return ops.stream().filter(op -> !op.method().hasBody());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operationsWithoutBody")
    void theFieldsReadAreTheFieldsWritten(ApiOperation op) {
        assertThat(SentFields.planned(op.requestType())).as("the model fits a plan").isTrue();
        Random random = new Random(op.name().hashCode());
        for (int round = 0; round < 200; round++) {
            KooPhoneRequest request = Json.MAPPER.convertValue(randomContent(op.requestType(), random), op.requestType());
            assertThat(entries(SentFields.of(request))).as("round %d", round).isEqualTo(entries(SentFields.written(request)));
        }
        // the model's defaults, untouched
        KooPhoneRequest empty = Json.MAPPER.convertValue(Map.of(), op.requestType());
        assertThat(entries(SentFields.of(empty))).isEqualTo(entries(SentFields.written(empty)));
    }

    @Test
    void aScalarIsItsTextAContainerAPlaceholderAndNullNothing() {
        Plain request = new Plain();
        request.id = "t 1/ü";
        request.count = 7;
        request.flag = false;
        request.tags = List.of("a");

        assertThat(entries(SentFields.of(request)))
                .containsExactly("id=t 1/ü", "count=7", "flag=false", "tags={}");
        request.id = null;
        assertThat(entries(SentFields.of(request))).containsExactly("count=7", "flag=false", "tags={}");
    }

    @Test
    void aClassThatDoesNotFitIsWrittenThroughJackson() {
        assertThat(SentFields.planned(WithEnum.class)).isFalse();
        assertThat(SentFields.planned(WithSerializer.class)).isFalse();

        assertThat(entries(SentFields.of(new WithEnum()))).containsExactly("kind=ANDROID", "id=x");
        assertThat(entries(SentFields.of(new WithSerializer()))).containsExactly("id=<x>");
    }

    private static Map<String, Object> randomContent(Class<?> type, Random random) {
        BeanDescription bean = Json.MAPPER.getSerializationConfig().introspect(Json.MAPPER.constructType(type));
        Map<String, Object> content = new LinkedHashMap<>();
        for (BeanPropertyDefinition property : bean.findProperties()) {
            if (property.getAccessor() == null || random.nextInt(4) == 0) {
                continue; // left as the model has it
            }
            Class<?> raw = property.getAccessor().getRawType();
            Object value;
            if (random.nextInt(5) == 0) {
                value = null;
            } else if (raw == String.class) {
                value = List.of("", "a44uhlf7", " spaced ", "ü/?&=%", "0", "true").get(random.nextInt(6));
            } else if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class
                       || raw == Short.class || raw == short.class) {
                value = List.of(0, 1, -5, 100, 32_767).get(random.nextInt(5));
            } else if (raw == Boolean.class || raw == boolean.class) {
                value = random.nextBoolean();
            } else {
                value = List.of(List.of(), List.of("a"), List.of("a", "b")).get(random.nextInt(3));
            }
            if (value == null && raw.isPrimitive()) {
                continue;
            }
            content.put(property.getName(), value);
        }
        return content;
    }

    private static List<String> entries(ObjectNode fields) {
        List<String> entries = new ArrayList<>();
        fields.fields().forEachRemaining(field -> entries.add(field.getKey() + "="
                                                              + (field.getValue().isTextual() ? field.getValue().asText() : field.getValue().toString())));
        return entries;
    }

    static class Plain implements KooPhoneRequest {
        @JsonProperty("id")
        String id;
        @JsonProperty("count")
        Integer count;
        @JsonProperty("flag")
        boolean flag;
        @JsonProperty("tags")
        List<String> tags;

        @Override
        public void validate(Validator v) {
        }
    }

    enum Kind { ANDROID }

    static class WithEnum implements KooPhoneRequest {
        @JsonProperty("kind")
        Kind kind = Kind.ANDROID;
        @JsonProperty("id")
        String id = "x";

        @Override
        public void validate(Validator v) {
        }
    }

    static class WithSerializer implements KooPhoneRequest {
        @JsonProperty("id")
        @JsonSerialize(using = Bracketed.class)
        String id = "x";

        @Override
        public void validate(Validator v) {
        }
    }

    static class Bracketed extends JsonSerializer<String> {
        @Override
        public void serialize(String value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeString("<" + value + ">");
        }
    }
}
