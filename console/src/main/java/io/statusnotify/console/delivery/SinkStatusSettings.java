package io.statusnotify.console.delivery;

import io.statusnotify.settings.Settings;
import io.statusnotify.settings.SettingsException;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Where the console asks for the tenants' delivery state: each sink instance's admin port.
 *
 * @param urls     {@code SNS_CONSOLE_SINK_URLS}: comma-separated base URLs ({@code http://sink-1:9400}); none: the
 *                 console shows no delivery state
 * @param user     {@code SNS_CONSOLE_SINK_USER}: a user of the sinks' users file (a {@code viewer} is enough)
 * @param password from {@code SNS_CONSOLE_SINK_PASSWORD_FILE}; never logged
 */
public record SinkStatusSettings(List<URI> urls, String user, String password) {
    public static SinkStatusSettings none() {
        return new SinkStatusSettings(List.of(), null, null);
    }

    public static SinkStatusSettings from(Settings settings) {
        String urls = settings.string("SNS_CONSOLE_SINK_URLS", null);
        String user = settings.string("SNS_CONSOLE_SINK_USER", null);
        String passwordFile = settings.string("SNS_CONSOLE_SINK_PASSWORD_FILE", null);
        if (urls == null) return none();
        List<URI> parsed = Arrays.stream(urls.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(SinkStatusSettings::url).toList();
        if (user == null != (passwordFile == null)) {
            throw new SettingsException("SNS_CONSOLE_SINK_USER and SNS_CONSOLE_SINK_PASSWORD_FILE: set both or neither");
        }
        return new SinkStatusSettings(parsed, user, passwordFile == null ? null : read(passwordFile));
    }

    private static URI url(String text) {
        try {
            URI uri = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new SettingsException("SNS_CONSOLE_SINK_URLS: '" + text + "' is not a sink admin URL like http://sink:9400");
        }
    }

    private static String read(String file) {
        try {
            String password = Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
            if (password.isEmpty()) throw new SettingsException("SNS_CONSOLE_SINK_PASSWORD_FILE: " + file + " is empty");
            return password;
        } catch (IOException e) {
            throw new SettingsException("SNS_CONSOLE_SINK_PASSWORD_FILE: cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    @Override
    public String toString() {
        return "SinkStatusSettings[urls=" + urls + ", user=" + user + "]";
    }
}
