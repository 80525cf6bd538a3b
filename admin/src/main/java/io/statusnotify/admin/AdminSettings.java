package io.statusnotify.admin;

import io.statusnotify.settings.Settings;

/**
 * Where an app serves its admin endpoints.
 *
 * @param port {@code SNS_ADMIN_PORT} (default 9400; 0 turns the admin port off)
 * @param bind {@code SNS_ADMIN_BIND} (default 0.0.0.0): the address to listen on
 */
public record AdminSettings(int port, String bind) {
    public static final int DEFAULT_PORT = 9400;

    public static AdminSettings from(Settings settings) {
        return new AdminSettings(settings.integer("SNS_ADMIN_PORT", DEFAULT_PORT, 0, 65_535),
                settings.string("SNS_ADMIN_BIND", "0.0.0.0"));
    }

    public boolean enabled() {
        return port != 0;
    }
}
