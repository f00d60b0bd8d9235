package io.github.camelkoophone.component.cloud.call;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The one ObjectMapper of the component: tolerant when reading, writing only what is set. */
public final class Json {

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    /** Request and result types are few; a reader and writer per type spare finding its (de)serializer per call. */
    private static final Map<Class<?>, ObjectReader> READERS = new ConcurrentHashMap<>();
    private static final Map<Class<?>, ObjectWriter> WRITERS = new ConcurrentHashMap<>();

    private Json() {
    }

    /** The mapper's reader for this type, made once. */
    static ObjectReader reader(Class<?> type) {
        return READERS.computeIfAbsent(type, MAPPER::readerFor);
    }

    /** The mapper's writer for this type, made once. */
    static ObjectWriter writer(Class<?> type) {
        return WRITERS.computeIfAbsent(type, MAPPER::writerFor);
    }
}
