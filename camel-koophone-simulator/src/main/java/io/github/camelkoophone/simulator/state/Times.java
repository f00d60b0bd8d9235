package io.github.camelkoophone.simulator.state;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import io.github.camelkoophone.simulator.http.ApiError;

/** The API's UTC {@code yyyy-MM-dd HH:mm:ss} timestamps. */
public final class Times {

    static final DateTimeFormatter API = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    /** IAM's {@code expires_at}: {@code 2020-01-04T09:05:22.701000Z}. */
    public static final DateTimeFormatter IAM = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private Times() {
    }

    public static String api(Instant instant) {
        return API.format(instant);
    }

    /** Parses an API timestamp; throws {@link ApiError} 400 naming the field when malformed. */
    public static Instant parseApi(String value, String field) {
        try {
            return LocalDateTime.parse(value, DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw ApiError.badRequest(field + " must be UTC yyyy-MM-dd HH:mm:ss: " + value);
        }
    }
}
