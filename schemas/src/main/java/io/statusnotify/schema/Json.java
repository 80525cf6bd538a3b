package io.statusnotify.schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one JSON mapping of the project. Strict about types (a string is never read as a number, nor a number as a
 * string), lenient about unknown keys (the portal may add fields; they are not passed on), omits absent optional
 * values.
 */
public final class Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .withCoercionConfig(LogicalType.Textual, c -> c
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .build();

    private static final Pattern SHAPE_IN_MESSAGE = Pattern.compile("(?:from|coerce) (String|Integer|Floating-point|Boolean|Object|Array)(?: value)?");

    private Json() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Reads {@code bytes} as {@code type}; throws {@link BadRecordException} with a reason code and a field path. */
    public static <T> T read(byte[] bytes, Class<T> type) {
        if (bytes == null) {
            throw new BadRecordException("null-value", "record has no value");
        }
        try {
            T value = MAPPER.readValue(bytes, type);
            if (value == null) {
                throw new BadRecordException("not-an-object", "value is JSON null, expected an object");
            }
            return value;
        } catch (MismatchedInputException e) {
            throw new BadRecordException("wrong-type", describe(e), e, topField(e));
        } catch (JsonMappingException e) {
            throw new BadRecordException("invalid", describe(e), e, topField(e));
        } catch (JsonProcessingException e) {
            throw new BadRecordException("not-json", "not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new BadRecordException("not-json", "unreadable: " + e.getMessage(), e);
        }
    }

    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + value.getClass().getSimpleName(), e);
        }
    }

    private static String topField(JsonMappingException e) {
        return e.getPath().isEmpty() ? null : e.getPath().get(0).getFieldName();
    }

    private static String describe(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        String where = path.isEmpty() ? "" : "field '" + path + "': ";
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            String got = got(e);
            if (got != null) return where + "expected " + expected(mismatch.getTargetType()) + ", got " + got;
        }
        // Jackson's own words: the first line, without its hints about Jackson settings.
        String message = String.valueOf(e.getOriginalMessage());
        int newline = message.indexOf('\n');
        String first = newline < 0 ? message : message.substring(0, newline);
        int hint = first.indexOf(" (but might if");
        return where + (hint < 0 ? first : first.substring(0, hint));
    }

    private static String expected(Class<?> type) {
        if (type == String.class) return "a string";
        if (type == Long.class || type == Integer.class || type == long.class || type == int.class) return "an integer";
        if (type == Boolean.class || type == boolean.class) return "true or false";
        return type.isRecord() ? "an object" : type.getSimpleName();
    }

    /** What the input held, from the parser's position or from Jackson's message ("from Object value", "coerce String value"). */
    private static String got(JsonMappingException e) {
        if (e.getProcessor() instanceof JsonParser parser && parser.currentToken() != null
                && parser.currentToken() != JsonToken.FIELD_NAME) {
            return describe(parser.currentToken());
        }
        Matcher matcher = SHAPE_IN_MESSAGE.matcher(String.valueOf(e.getOriginalMessage()));
        if (!matcher.find()) return null;
        return switch (matcher.group(1)) {
            case "String" -> "a string";
            case "Integer" -> "an integer";
            case "Floating-point" -> "a number with a fraction";
            case "Boolean" -> "a boolean";
            case "Object" -> "an object";
            case "Array" -> "an array";
            default -> null;
        };
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT -> "an integer";
            case VALUE_NUMBER_FLOAT -> "a number with a fraction";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            case START_OBJECT, END_OBJECT -> "an object";
            case START_ARRAY, END_ARRAY -> "an array";
            default -> token.toString();
        };
    }
}
