package io.github.camelkoophone.component.koophone.api;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * A response envelope of the plain shape, {@code {"error_code", "error_msg", "data": {...}}} with no {@code data}
 * inside the data, found by one streaming pass that builds no tree: where the data object lies in the body, and
 * the few fields the caller reports. Reading the whole body into a tree only to bind the data from it showed in
 * profiles; {@link ResponseReader} binds this data straight from the bytes.
 *
 * @param envelopeCode the envelope's {@code error_code}, which decides failure
 * @param errorCode    the data's {@code error_code}, else the envelope's
 * @param errorMessage the data's {@code error_msg}, else the envelope's
 * @param taskId       the data's task id field
 */
record PlainEnvelope(int dataStart, int dataLength, String envelopeCode, String errorCode, String errorMessage,
                     String taskId) {

    /** Whether the envelope reports a failure. */
    boolean failed() {
        return envelopeCode != null && !"0".equals(envelopeCode);
    }

    /** The envelope if it is plain; null for any other shape and for anything unreadable (the tree path's cases). */
    static PlainEnvelope scan(byte[] body, String taskIdField) {
        try (JsonParser parser = Json.MAPPER.getFactory().createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            String code = null;
            String message = null;
            Fields data = null;
            for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("data".equals(name) && value == JsonToken.START_OBJECT && data == null) {
                    data = Fields.of(parser, taskIdField);
                    if (data == null) {
                        return null;
                    }
                } else if ("error_code".equals(name) && value.isScalarValue()) {
                    code = text(parser, value);
                } else if ("error_msg".equals(name) && value.isScalarValue()) {
                    message = text(parser, value);
                } else {
                    return null; // fields beside the data, or odd values: normalising is the tree's work
                }
            }
            if (data == null) {
                return null;
            }
            return new PlainEnvelope(data.start, data.end - data.start, code, data.code != null ? data.code : code,
                    data.message != null ? data.message : message, data.taskId);
        } catch (IOException e) {
            return null;
        }
    }

    /** The data object's extent and the first-level fields reported from it. */
    private static final class Fields {
        int start;
        int end;
        String code;
        String message;
        String taskId;

        /** Reads the data object the parser is at; null when it holds a {@code data} of its own. */
        static Fields of(JsonParser parser, String taskIdField) throws IOException {
            Fields fields = new Fields();
            fields.start = (int) parser.currentTokenLocation().getByteOffset();
            for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("data".equals(name)) {
                    return null;
                }
                if (!value.isScalarValue()) {
                    parser.skipChildren();
                } else if ("error_code".equals(name)) {
                    fields.code = text(parser, value);
                } else if ("error_msg".equals(name)) {
                    fields.message = text(parser, value);
                } else if (name.equals(taskIdField)) {
                    fields.taskId = text(parser, value);
                }
            }
            fields.end = (int) parser.currentTokenLocation().getByteOffset() + 1;
            return fields;
        }
    }

    /** A scalar as {@code JsonNode.asText()} gives it, JSON null as null. */
    private static String text(JsonParser parser, JsonToken value) throws IOException {
        return value == JsonToken.VALUE_NULL ? null : parser.getValueAsString();
    }
}
