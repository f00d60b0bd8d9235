package io.github.camelkoophone.component.koophone.model;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

/**
 * Writes a Double field as the references' examples write numbers: a whole value without a fraction ({@code 4},
 * not {@code 4.0}), any other as it is ({@code 4.5}).
 */
final class WholeNumbersPlain extends StdSerializer<Double> {

    /** Beyond this a double no longer holds every whole number exactly. */
    private static final double EXACT = 1L << 53;

    WholeNumbersPlain() {
        super(Double.class);
    }

    @Override
    public void serialize(Double value, JsonGenerator json, SerializerProvider provider) throws IOException {
        if (value == Math.rint(value) && Math.abs(value) <= Integer.MAX_VALUE) {
            json.writeNumber(value.intValue());
        } else if (value == Math.rint(value) && Math.abs(value) < EXACT) {
            json.writeNumber(value.longValue());
        } else {
            json.writeNumber(value);
        }
    }
}
