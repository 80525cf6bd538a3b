package io.statusnotify.admin;

import java.util.Map;

/** What an app checks before it calls itself ready: each named check, true when it passes. */
@FunctionalInterface
public interface Readiness {
    Map<String, Boolean> checks();

    default boolean isReady() {
        return checks().values().stream().allMatch(Boolean::booleanValue);
    }
}
