package io.statusnotify.admin;

import io.statusnotify.settings.Settings;

/**
 * Where an app serves its admin endpoints.
 *
 * @param port {@code SNS_ADMIN_PORT} (each app's own default, so both run on one host; 0 turns the admin port off)
 * @param bind {@code SNS_ADMIN_BIND} (default 0.0.0.0): the address to listen on
 */
public record AdminSettings(int port, String bind) {
    /** The sink's default: its tenant status page is on localhost:9400, as `up`'s is. */
    public static final int SINK_DEFAULT_PORT = 9400;
    public static final int STREAMS_DEFAULT_PORT = 9401;

    /** {@code defaultPort}: the app's own default, {@link #SINK_DEFAULT_PORT} or {@link #STREAMS_DEFAULT_PORT}. */
    public static AdminSettings from(Settings settings, int defaultPort) {
        return new AdminSettings(settings.integer("SNS_ADMIN_PORT", defaultPort, 0, 65_535),
                settings.string("SNS_ADMIN_BIND", "0.0.0.0"));
    }

    public boolean enabled() {
        return port != 0;
    }
}
