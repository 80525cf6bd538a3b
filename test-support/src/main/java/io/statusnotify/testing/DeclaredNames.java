package io.statusnotify.testing;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * Names a class declares as constants (meter names, header names), read by reflection: the names are a contract with
 * dashboards and tools, the classes are package-private and not public API.
 */
public final class DeclaredNames {
    private DeclaredNames() {
    }

    /** The values of every {@code static final String} of the class that start with {@code prefix}. */
    public static List<String> withPrefix(Class<?> type, String prefix) {
        try {
            List<String> values = new ArrayList<>();
            for (Field field : type.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (!Modifier.isStatic(modifiers) || !Modifier.isFinal(modifiers) || field.getType() != String.class) continue;
                field.setAccessible(true);
                String value = (String) field.get(null);
                if (value.startsWith(prefix)) values.add(value);
            }
            return values;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(type.getName() + ": " + e, e);
        }
    }
}
