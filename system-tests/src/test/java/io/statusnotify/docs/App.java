package io.statusnotify.docs;

import io.statusnotify.sink.http.HttpSettings;
import io.statusnotify.sink.config.SecuritySettings;

import io.statusnotify.admin.AdminSettings;
import io.statusnotify.admin.LogFormat;
import io.statusnotify.console.ConsoleSettings;
import io.statusnotify.settings.SettingsException;
import io.statusnotify.secrets.SecretKeys;
import io.statusnotify.settings.SettingRead;
import io.statusnotify.settings.Settings;
import io.statusnotify.sink.SinkSettings;
import io.statusnotify.streams.StreamsSettings;
import io.statusnotify.topics.TopicNames;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Who reads settings, as the app column of docs/configuration.md names them, and what each reads at start: the same
 * calls as its entry point makes (StreamsMain, SinkMain, ConsoleMain; for the CLI, the ops commands' OpsOptions and
 * TenantTestCommand). A new reader in an entry point belongs here too.
 */
enum App {
    STREAMS(s -> {
        LogFormat.apply(s);
        StreamsSettings.from(s);
        AdminSettings.from(s, AdminSettings.STREAMS_DEFAULT_PORT);
    }),
    SINK(s -> {
        LogFormat.apply(s);
        SinkSettings.from(s);
        AdminSettings.from(s, AdminSettings.SINK_DEFAULT_PORT);
    }),
    CLI(s -> {
        TopicNames.from(s);
        SecretKeys.from(s);
        SecuritySettings.from(s);
        HttpSettings.from(s);
    }),
    CONSOLE(s -> {
        LogFormat.apply(s);
        try {
            ConsoleSettings.from(s);
        } catch (SettingsException e) {
            // SNS_WEB_CONFIG is required and unset here; it is read last, after every other setting.
            if (!e.getMessage().startsWith("SNS_WEB_CONFIG:")) throw e;
        }
    });

    private final Consumer<Settings> reader;

    App(Consumer<Settings> reader) {
        this.reader = reader;
    }

    /** What the app reads when started with {@code env}. */
    List<SettingRead> reads(Map<String, String> env) {
        Settings settings = Settings.of(env);
        reader.accept(settings);
        return settings.reads();
    }

    /** The app column: {@code streams}, {@code sink}, {@code CLI}, {@code both} (the two apps), comma-separated. */
    static Set<App> parse(String column) {
        Set<App> apps = EnumSet.noneOf(App.class);
        for (String word : column.split("[,\\s]+")) {
            switch (word.toLowerCase(Locale.ROOT)) {
                case "both" -> apps.addAll(List.of(STREAMS, SINK));
                case "streams" -> apps.add(STREAMS);
                case "sink" -> apps.add(SINK);
                case "cli" -> apps.add(CLI);
                case "console" -> apps.add(CONSOLE);
                case "" -> { }
                default -> throw new IllegalArgumentException("app column: unknown app '" + word + "' in '" + column + "'");
            }
        }
        return apps;
    }

    String label() {
        return this == CLI ? "CLI" : name().toLowerCase(Locale.ROOT);
    }
}
