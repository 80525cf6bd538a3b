package io.statusnotify.streams;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.statusnotify.schema.UserStatusEvent;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The streaming path's table of fields must stay the schema records' fields, in their order and with their types. */
class EventShapeTest {

    @Test
    void givenTheSchemaRecordsThenTheShapeHasTheirFieldsOrderAndTypes() {
        assertSameAs(EventShape.EVENT, UserStatusEvent.class);
    }

    @Test
    void givenEveryFieldThenItHasItsOwnSlot() {
        Set<Integer> slots = new HashSet<>();
        collectSlots(EventShape.EVENT, slots);
        assertThat(slots).hasSize(EventShape.SLOTS);
    }

    private static void assertSameAs(EventShape.Shape shape, Class<?> type) {
        List<String> order = Arrays.asList(type.getAnnotation(JsonPropertyOrder.class).value());
        assertThat(Arrays.stream(shape.fields()).map(EventShape.Field::name)).as(type.getSimpleName())
                .containsExactlyElementsOf(order);
        JsonInclude include = type.getAnnotation(JsonInclude.class);
        assertThat(shape.writeNulls()).as(type.getSimpleName() + " writes nulls")
                .isEqualTo(include != null && include.value() == JsonInclude.Include.ALWAYS);
        for (RecordComponent component : type.getRecordComponents()) {
            EventShape.Field field = shape.field(component.getName());
            assertThat(field).as(type.getSimpleName() + "." + component.getName()).isNotNull();
            Class<?> javaType = component.getType();
            if (javaType.isRecord()) {
                assertThat(field.kind()).isEqualTo(EventShape.Kind.OBJECT);
                assertSameAs(field.object(), javaType);
            } else {
                assertThat(field.kind()).as(type.getSimpleName() + "." + component.getName()).isEqualTo(
                        javaType == String.class ? EventShape.Kind.STRING
                                : javaType == Long.class ? EventShape.Kind.LONG : EventShape.Kind.INT);
                assertThat(javaType).isIn(String.class, Long.class, Integer.class);
            }
        }
        assertThat(type.getRecordComponents()).hasSameSizeAs(shape.fields());
    }

    private static void collectSlots(EventShape.Shape shape, Set<Integer> slots) {
        for (EventShape.Field field : shape.fields()) {
            slots.add(field.slot());
            if (field.object() != null) collectSlots(field.object(), slots);
        }
    }
}
