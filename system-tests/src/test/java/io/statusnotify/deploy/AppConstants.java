package io.statusnotify.deploy;

import io.statusnotify.testing.DeclaredNames;

import java.util.List;

/** Names the apps declare as package-private constants (meter names, header names), by class name. */
final class AppConstants {
    private AppConstants() {
    }

    /** The values of every {@code static final String} of the class that start with {@code prefix}. */
    static List<String> withPrefix(String className, String prefix) {
        try {
            return DeclaredNames.withPrefix(Class.forName(className), prefix);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(className + ": " + e, e);
        }
    }
}
