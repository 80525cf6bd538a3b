package io.statusnotify.admin;

import io.statusnotify.admin.access.WebConfig;
import io.statusnotify.admin.access.WebConfigFile;
import io.statusnotify.settings.Settings;
import io.statusnotify.settings.SettingsException;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where an app serves its admin endpoints, and who may use them.
 *
 * @param port  {@code SNS_ADMIN_PORT} (each app's own default, so both run on one host; 0 turns the admin port off)
 * @param bind  {@code SNS_ADMIN_BIND} (default 0.0.0.0): the address to listen on, honoured only with a users file
 * @param users {@code SNS_WEB_CONFIG}: the users file, read once at start; without one nobody logs in, so the port
 *              listens on 127.0.0.1 only, whatever {@code bind} says
 */
public record AdminSettings(int port, String bind, Optional<WebConfig> users) {
    /** The sink's default: its tenant status page is on localhost:9400, as `up`'s is. */
    public static final int SINK_DEFAULT_PORT = 9400;
    public static final int STREAMS_DEFAULT_PORT = 9401;
    public static final String LOOPBACK = "127.0.0.1";

    /** No users file: served to this host only. */
    public AdminSettings(int port, String bind) {
        this(port, bind, Optional.empty());
    }

    /** {@code defaultPort}: the app's own default, {@link #SINK_DEFAULT_PORT} or {@link #STREAMS_DEFAULT_PORT}. */
    public static AdminSettings from(Settings settings, int defaultPort) {
        return new AdminSettings(settings.integer("SNS_ADMIN_PORT", defaultPort, 0, 65_535),
                settings.string("SNS_ADMIN_BIND", "0.0.0.0"), usersFile(settings));
    }

    /** {@code SNS_WEB_CONFIG} read and checked: a bad file, or one without users, stops the start naming both. */
    public static Optional<WebConfig> usersFile(Settings settings) {
        String file = settings.string("SNS_WEB_CONFIG", null);
        if (file == null || file.isBlank()) return Optional.empty();
        WebConfig config;
        try {
            config = WebConfigFile.read(Path.of(file));
        } catch (IllegalArgumentException e) {
            throw new SettingsException("SNS_WEB_CONFIG: " + e.getMessage());
        }
        if (config.users().isEmpty()) {
            throw new SettingsException("SNS_WEB_CONFIG: " + file + " has no users, so nobody could log in; add one with"
                    + " `statusnotify console users add NAME --role super-admin --random-password --file " + file + "`");
        }
        return Optional.of(config);
    }

    public boolean enabled() {
        return port != 0;
    }

    /** The address actually listened on: {@link #bind} with a users file, else {@link #LOOPBACK}. */
    public String listenAddress() {
        return users.isPresent() ? bind : LOOPBACK;
    }
}
