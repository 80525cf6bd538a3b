package io.statusnotify.console;

import io.statusnotify.admin.AdminSettings;
import io.statusnotify.admin.access.WebConfig;
import io.statusnotify.console.delivery.SinkStatusSettings;
import io.statusnotify.settings.Settings;
import io.statusnotify.settings.SettingsException;
import io.statusnotify.sink.config.SecuritySettings;
import io.statusnotify.sink.http.HttpSettings;
import io.statusnotify.topics.TopicNames;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Everything the console reads from its environment, once, at start.
 *
 * @param port            {@code SNS_CONSOLE_PORT} (default 9500)
 * @param bind            {@code SNS_CONSOLE_BIND} (default 0.0.0.0): nobody gets in without a login from the users file
 * @param users           {@code SNS_WEB_CONFIG}: required, the console has nothing to show without a login
 * @param kafka           {@code KAFKA_*} client configs (bootstrap servers, security)
 * @param topics          the topics ({@code SNS_TOPIC_*}): it reads the config and audit topics and writes both
 * @param transactionalId {@code SNS_CONSOLE_TRANSACTIONAL_ID}: one per console instance (a second console with the
 *                        same id fences the first)
 * @param security        sealing keys, clear-text switch, destination policy and CAs, as the sink reads them: the
 *                        Connection test goes out as the sink's requests do
 * @param http            the Connection test's timeouts ({@code SNS_HTTP_*}), as the sink's
 * @param sinks           where the tenants' delivery state comes from
 * @param sessionIdle     {@code SNS_CONSOLE_SESSION_IDLE} (default 30m): a session unused this long ends
 * @param sessionMax      {@code SNS_CONSOLE_SESSION_MAX} (default 8h): a session ends this long after its login
 * @param allowTenantConfigByDefault {@code SNS_ALLOW_TENANT_CONFIG_DEFAULT}: the switch the apps assume while there is no
 *                        {@code __global__} record, shown as the switch's state then (set it as the apps have it)
 */
public record ConsoleSettings(int port, String bind, WebConfig users, Map<String, Object> kafka, TopicNames topics,
                              String transactionalId, SecuritySettings security, HttpSettings http,
                              SinkStatusSettings sinks, Duration sessionIdle, Duration sessionMax,
                              boolean allowTenantConfigByDefault) {
    public static final int DEFAULT_PORT = 9500;

    public static ConsoleSettings from(Settings settings) {
        Map<String, Object> kafka = new HashMap<>();
        settings.kafkaClientProperties().forEach((key, value) -> kafka.put((String) key, value));
        int port = settings.integer("SNS_CONSOLE_PORT", DEFAULT_PORT, 0, 65_535);
        String bind = settings.string("SNS_CONSOLE_BIND", "0.0.0.0");
        TopicNames topics = TopicNames.from(settings);
        String transactionalId = settings.string("SNS_CONSOLE_TRANSACTIONAL_ID", "statusnotify-console");
        SecuritySettings security = SecuritySettings.from(settings);
        HttpSettings http = HttpSettings.from(settings);
        SinkStatusSettings sinks = SinkStatusSettings.from(settings);
        Duration idle = settings.duration("SNS_CONSOLE_SESSION_IDLE", Duration.ofMinutes(30), Duration.ofMinutes(1), Duration.ofHours(24));
        Duration max = settings.duration("SNS_CONSOLE_SESSION_MAX", Duration.ofHours(8), Duration.ofMinutes(5), Duration.ofDays(7));
        boolean allowByDefault = settings.bool("SNS_ALLOW_TENANT_CONFIG_DEFAULT", true);
        // Last, so that every other setting has been read (and checked) when the users file is missing.
        WebConfig users = AdminSettings.usersFile(settings).orElseThrow(() -> new SettingsException(
                "SNS_WEB_CONFIG: required, not set: the console logs every user in from this users file (make one with"
                        + " `statusnotify console users add NAME --role super-admin --random-password --file web.config.yml`)"));
        return new ConsoleSettings(port, bind, users, Map.copyOf(kafka), topics, transactionalId, security, http, sinks,
                idle, max, allowByDefault);
    }

    /** Never the Kafka configs' secrets nor the users' hashes. */
    @Override
    public String toString() {
        return "ConsoleSettings[port=" + port + ", bind=" + bind + ", users=" + users.users().keySet() + ", topics=" + topics
                + ", sinks=" + sinks + "]";
    }
}
