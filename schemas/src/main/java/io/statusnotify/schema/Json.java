package io.statusnotify.schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
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
            throw new BadRecordException("wrong-type", describe(e), e);
        } catch (JsonMappingException e) {
            throw new BadRecordException("invalid", describe(e), e);
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

    private static String describe(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        String message = e.getOriginalMessage();
        // Jackson's messages quote the offending input; keep only the first line (no record content spills).
        int newline = message == null ? -1 : message.indexOf('\n');
        String first = newline < 0 ? String.valueOf(message) : message.substring(0, newline);
        return (path.isEmpty() ? "" : "field '" + path + "': ") + first;
    }
}
