package io.statusnotify.streams;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.statusnotify.streams.EventFields.Fields;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a user-status event in one streaming pass into {@link EventFields}, without binding it to the schema
 * records. It accepts only what the bound reading ({@code Json.read(..).requireValid()}) accepts, with the same
 * values; anything else, or anything unusual (an unknown key holding an object or array, a number out of range), is
 * left to that exact reading by returning false, so bad input is dead-lettered with the very same reason and message.
 * <p>
 * The parser runs without Jackson's duplicate detection, which keeps a hash set of every object's names (~8% of
 * the processor's time): known fields are checked with a bit per field, unknown ones against a short list.
 */
final class EventScanner {
    private static final JsonFactory JSON = JsonFactory.builder().build();
    private final List<String> unknownNames = new ArrayList<>();

    /** True when {@code value} is a valid event, now in {@code fields}; false when the bound reading must decide. */
    boolean scan(byte[] value, EventFields fields) {
        fields.clear();
        if (value == null) return false;
        try (JsonParser parser = JSON.createParser(value)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) return false;
            if (!object(parser, EventShape.EVENT, fields)) return false;
            if (parser.nextToken() != null) return false;
        } catch (IOException e) {
            return false;
        }
        return fields.has(Fields.USER) && present(fields.text(Fields.USER_NAME))
                && present(fields.text(Fields.TENANT_NAME)) && present(fields.text(Fields.USER_STATE));
    }

    /** After the object's START_OBJECT, up to and including its END_OBJECT. */
    private boolean object(JsonParser parser, EventShape.Shape shape, EventFields fields) throws IOException {
        EventShape.Field[] order = shape.fields();
        long seen = 0;
        int expected = 0;
        int unknownFrom = unknownNames.size();
        try {
            while (true) {
                // In the usual case the input has the schema's order: match the next name's bytes directly.
                EventShape.Field field;
                if (expected < order.length && parser.nextFieldName(order[expected].quoted())) {
                    field = order[expected];
                } else {
                    if (expected >= order.length) parser.nextToken();
                    if (parser.currentToken() != JsonToken.FIELD_NAME) {
                        return parser.currentToken() == JsonToken.END_OBJECT;
                    }
                    field = shape.field(parser.currentName());
                }
                String name = parser.currentName();
                JsonToken token = parser.nextToken();
                if (field == null) {
                    if (!unknown(name, token, unknownFrom)) return false;
                    continue;
                }
                long bit = 1L << field.bit();
                if ((seen & bit) != 0) return false; // a duplicate key
                seen |= bit;
                expected = field.bit() + 1;
                if (!value(parser, token, field, fields)) return false;
            }
        } finally {
            while (unknownNames.size() > unknownFrom) unknownNames.remove(unknownNames.size() - 1);
        }
    }

    private boolean value(JsonParser parser, JsonToken token, EventShape.Field field, EventFields fields)
            throws IOException {
        if (token == JsonToken.VALUE_NULL) {
            fields.setNull(field);
            return true;
        }
        switch (field.kind()) {
            case STRING -> {
                if (token != JsonToken.VALUE_STRING) return false;
                fields.set(field, parser.getText());
            }
            case LONG, INT -> {
                if (token != JsonToken.VALUE_NUMBER_INT) return false;
                JsonParser.NumberType type = parser.getNumberType();
                if (type != JsonParser.NumberType.INT && (field.kind() == EventShape.Kind.INT
                        || type != JsonParser.NumberType.LONG)) return false;
                fields.set(field, parser.getLongValue());
            }
            case OBJECT -> {
                if (token != JsonToken.START_OBJECT) return false;
                fields.setPresent(field);
                return object(parser, field.object(), fields);
            }
        }
        return true;
    }

    /** An ignored key: a scalar is skipped; an object or array is left to the bound reading, as is a repeated name. */
    private boolean unknown(String name, JsonToken token, int from) {
        if (token.isStructStart()) return false;
        for (int i = from; i < unknownNames.size(); i++) {
            if (unknownNames.get(i).equals(name)) return false;
        }
        unknownNames.add(name);
        return true;
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
