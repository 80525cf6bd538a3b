package io.statusnotify.streams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statusnotify.schema.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generated event JSON for {@link EventReaderTest}: from the golden event, with fields dropped, nulled, reordered,
 * given odd but valid values (escapes, control characters, non-ASCII, number limits, blanks), unknown keys added,
 * whitespace varied; {@link #anything()} also breaks them (wrong types, duplicates, truncation, trailing bytes).
 */
final class EventMutations {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] ODD_STRINGS = {"", " ", "Zoë 山田 🎥", "tab\there", "quote\"back\\slash",
            "line\nbreak\r", "\u0001\u001f", "</script>", "OnVacation", "x".repeat(300), "\u2028", "Busy"};
    /** The first four fit every numeric field; the others only the long ones. */
    private static final long[] ODD_NUMBERS = {0, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE,
            Long.MIN_VALUE, 1L << 40};
    private final Random random;
    private final ObjectNode golden;

    EventMutations(Random random) {
        this.random = random;
        try {
            this.golden = (ObjectNode) Json.mapper().readTree(TopologyFixture.golden("seed-event.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An event the bound reading accepts (the required user fields are kept non-blank). */
    String valid() {
        ObjectNode event = golden.deepCopy();
        mutate(event, 0, false);
        ObjectNode user = event.get("user") instanceof ObjectNode u ? u : event.putObject("user");
        for (String required : List.of("userName", "tenantName", "userState")) {
            if (!user.path(required).isTextual() || user.get(required).asText().isBlank()) {
                user.put(required, "v" + random.nextInt(1000));
            }
        }
        return write(event);
    }

    /** Valid or not. */
    String anything() {
        ObjectNode event = golden.deepCopy();
        mutate(event, 0, true);
        String json = write(event);
        return switch (random.nextInt(12)) {
            case 0 -> json.substring(0, random.nextInt(json.length()));
            case 1 -> json + (random.nextBoolean() ? " x" : "{}");
            case 2 -> duplicateAKey(json);
            default -> json;
        };
    }

    private void mutate(ObjectNode object, int depth, boolean breaking) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            JsonNode value = object.get(name);
            int dice = random.nextInt(depth == 0 ? 14 : 20);
            if (dice == 0) object.remove(name);
            else if (dice == 1) object.putNull(name);
            else if (dice == 2 && value.isTextual()) object.put(name, ODD_STRINGS[random.nextInt(ODD_STRINGS.length)]);
            else if (dice == 3 && value.isNumber()) object.set(name, oddNumber(breaking));
            else if (dice == 4 && breaking) object.set(name, wrongType(value));
            else if (value.isObject()) mutate((ObjectNode) value, depth + 1, breaking);
        }
        if (random.nextInt(4) == 0) object.put("unknown" + random.nextInt(3), random.nextBoolean() ? "u" : "7");
        if (random.nextInt(8) == 0) object.put("extra", random.nextInt(10));
        if (breaking && random.nextInt(10) == 0) object.set("nested" + random.nextInt(2), NODES.objectNode().put("k", 1));
        if (random.nextInt(3) == 0) shuffle(object);
    }

    private JsonNode oddNumber(boolean breaking) {
        long n = ODD_NUMBERS[random.nextInt(breaking ? ODD_NUMBERS.length : 4)];
        return n == (int) n && random.nextBoolean() ? NODES.numberNode((int) n) : NODES.numberNode(n);
    }

    private JsonNode wrongType(JsonNode value) {
        return switch (random.nextInt(5)) {
            case 0 -> value.isTextual() ? NODES.numberNode(7) : NODES.textNode("7");
            case 1 -> NODES.numberNode(2.5);
            case 2 -> NODES.booleanNode(true);
            case 3 -> NODES.arrayNode().add(1);
            default -> value.isObject() ? NODES.textNode("o") : NODES.objectNode();
        };
    }

    private void shuffle(ObjectNode object) {
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) entries.add(it.next());
        Collections.shuffle(entries, random);
        object.removeAll();
        entries.forEach(e -> object.set(e.getKey(), e.getValue()));
    }

    private String duplicateAKey(String json) {
        int at = json.indexOf("\"userState\"");
        return at < 0 ? json : json.substring(0, at) + "\"userState\":\"Online\"," + json.substring(at);
    }

    private String write(JsonNode event) {
        try {
            return random.nextInt(4) == 0 ? Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(event)
                    : Json.mapper().writeValueAsString(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
