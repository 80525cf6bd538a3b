package io.statusnotify.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * A JSON text serialized once with marker values, split around every occurrence of each marker, then filled by
 * concatenation: the load generator makes millions of records and must not be what limits the run.
 */
final class Template {
    private final String[] parts;
    private final int[] slots;
    private final int fixedLength;

    private Template(String[] parts, int[] slots) {
        this.parts = parts;
        this.slots = slots;
        int length = 0;
        for (String part : parts) length += part.length();
        this.fixedLength = length;
    }

    /** Splits {@code text} around every occurrence of each of {@code marks}; each must occur at least once. */
    static Template of(String text, String... marks) {
        List<String> parts = new ArrayList<>();
        List<Integer> slots = new ArrayList<>();
        boolean[] used = new boolean[marks.length];
        int from = 0;
        while (true) {
            int at = -1;
            int mark = -1;
            for (int m = 0; m < marks.length; m++) {
                int i = text.indexOf(marks[m], from);
                if (i >= 0 && (at < 0 || i < at)) {
                    at = i;
                    mark = m;
                }
            }
            if (at < 0) break;
            parts.add(text.substring(from, at));
            slots.add(mark);
            used[mark] = true;
            from = at + marks[mark].length();
        }
        parts.add(text.substring(from));
        for (int m = 0; m < marks.length; m++) {
            if (!used[m]) throw new IllegalStateException("the template does not hold " + marks[m]);
        }
        return new Template(parts.toArray(String[]::new), slots.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The text with each marker replaced by the value at its index. */
    String fill(String... values) {
        StringBuilder out = new StringBuilder(fixedLength + 64);
        for (int i = 0; i < slots.length; i++) out.append(parts[i]).append(values[slots[i]]);
        return out.append(parts[slots.length]).toString();
    }
}
