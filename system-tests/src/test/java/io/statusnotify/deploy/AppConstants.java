package io.statusnotify.deploy;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * Names the apps declare as package-private constants (meter names, header names), read by reflection: the names
 * are a contract with dashboards and tools, the classes are not public API.
 */
final class AppConstants {
    private AppConstants() {
    }

    /** The values of every {@code static final String} of the class that start with {@code prefix}. */
    static List<String> withPrefix(String className, String prefix) {
        try {
            List<String> values = new ArrayList<>();
            for (Field field : Class.forName(className).getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (!Modifier.isStatic(modifiers) || !Modifier.isFinal(modifiers) || field.getType() != String.class) continue;
                field.setAccessible(true);
                String value = (String) field.get(null);
                if (value.startsWith(prefix)) values.add(value);
            }
            return values;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(className + ": " + e, e);
        }
    }
}
