package io.github.camelkoophone.component.koophone.api;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;

/**
 * A response envelope of the plain shape, {@code {"error_code", "error_msg", "data": {...}}} with no {@code data}
 * inside the data, read in one streaming pass that binds the data as it goes and builds no tree. Reading the whole
 * body into a tree only to bind the data from it showed in profiles, and so did a separate pass to check the
 * shape before binding; {@link ResponseReader} uses this for nearly every answer.
 *
 * @param result       the data bound to the operation's result type (task ids not stamped on jobs yet)
 * @param envelopeCode the envelope's {@code error_code}, which decides failure
 * @param errorCode    the data's {@code error_code}, else the envelope's
 * @param errorMessage the data's {@code error_msg}, else the envelope's
 * @param taskId       the data's task id field
 */
record PlainEnvelope(Object result, String envelopeCode, String errorCode, String errorMessage, String taskId) {

    /** Whether the envelope reports a failure. */
    boolean failed() {
        return envelopeCode != null && !"0".equals(envelopeCode);
    }

    /**
     * The envelope if it is plain and its data binds; null for any other shape and for anything unreadable or
     * unbindable (the tree path's cases, which it reports in its own words).
     */
    static PlainEnvelope read(ApiOperation op, byte[] body) {
        try (JsonParser parser = Json.MAPPER.getFactory().createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            String code = null;
            String message = null;
            DataFields data = null;
            Object result = null;
            for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("data".equals(name) && value == JsonToken.START_OBJECT && data == null) {
                    data = new DataFields(parser, op.taskIdField());
                    result = ResultAssembler.bind(op, data);
                    if (data.nestedData) {
                        return null; // data.data: the tree path unwraps it
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
            return new PlainEnvelope(result, code, data.code != null ? data.code : code,
                    data.message != null ? data.message : message, data.taskId);
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * The parser the data is bound through: it notes the data object's own scalar fields the caller reports, and a
     * {@code data} field among them, as the binding reads past them. Tokens below the first level pass untouched.
     */
    private static final class DataFields extends JsonParserDelegate {
        private final JsonStreamContext dataObject;
        private final String taskIdField;
        /** The first-level field whose value is the next token, if it is one of those noted. */
        private String pending;
        String code;
        String message;
        String taskId;
        boolean nestedData;

        /** @param parser at the data object's START_OBJECT */
        DataFields(JsonParser parser, String taskIdField) {
            super(parser);
            this.dataObject = parser.getParsingContext();
            this.taskIdField = taskIdField;
        }

        @Override
        public JsonToken nextToken() throws IOException {
            JsonToken token = delegate.nextToken();
            if (pending != null) {
                note(pending, token);
                pending = null;
            } else if (token == JsonToken.FIELD_NAME && delegate.getParsingContext() == dataObject) {
                String name = delegate.currentName();
                if ("data".equals(name)) {
                    nestedData = true;
                } else if ("error_code".equals(name) || "error_msg".equals(name) || name.equals(taskIdField)) {
                    pending = name;
                }
            }
            return token;
        }

        /** As {@link JsonParser#nextValue()}, through {@link #nextToken()} so no first-level field goes unseen. */
        @Override
        public JsonToken nextValue() throws IOException {
            JsonToken token = nextToken();
            return token == JsonToken.FIELD_NAME ? nextToken() : token;
        }

        private void note(String name, JsonToken value) throws IOException {
            if (value == null || !value.isScalarValue()) {
                return;
            }
            String text = text(delegate, value);
            if ("error_code".equals(name)) {
                code = text;
            } else if ("error_msg".equals(name)) {
                message = text;
            } else {
                taskId = text;
            }
        }
    }

    /** A scalar as {@code JsonNode.asText()} gives it, JSON null as null. */
    private static String text(JsonParser parser, JsonToken value) throws IOException {
        return value == JsonToken.VALUE_NULL ? null : parser.getValueAsString();
    }
}
