package io.statusnotify.sink;

import io.statusnotify.settings.Settings;
import io.statusnotify.settings.SettingsException;
import io.statusnotify.topics.TopicLayout;
import io.statusnotify.topics.TopicNames;

import java.time.Duration;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * Everything the sink reads from its environment, read once and validated.
 *
 * @param kafka                   client configs from {@code KAFKA_*} (a copy is taken for each client)
 * @param groupId                 {@code SNS_SINK_GROUP_ID}, default {@code statusnotify-sink}
 * @param allowTenantConfigByDefault {@code SNS_ALLOW_TENANT_CONFIG_DEFAULT}: the global switch when no
 *                                {@code __global__} record exists (default true)
 */
public record SinkSettings(
        Properties kafka,
        TopicNames topics,
        TopicLayout layout,
        String groupId,
        boolean allowTenantConfigByDefault,
        Http http,
        Retry retry) {

    /** {@code SNS_HTTP_CONNECT_TIMEOUT} (default 5s), {@code SNS_HTTP_RESPONSE_TIMEOUT} (default 10s). */
    public record Http(Duration connectTimeout, Duration responseTimeout) {
    }

    /**
     * {@code SNS_RETRY_MAX_ATTEMPTS} (default 10, counting the first), {@code SNS_RETRY_INITIAL_BACKOFF} (500ms),
     * {@code SNS_RETRY_MAX_BACKOFF} (60s), {@code SNS_RETRY_AFTER_MAX} (5m: the longest Retry-After honoured).
     */
    public record Retry(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration retryAfterMax) {
    }

    public static final String DEFAULT_GROUP_ID = "statusnotify-sink";

    public static SinkSettings from(Settings s) {
        Duration minTimeout = Duration.ofMillis(1);
        Duration hour = Duration.ofHours(1);
        Retry retry = new Retry(
                s.integer("SNS_RETRY_MAX_ATTEMPTS", 10, 1, 1_000),
                s.duration("SNS_RETRY_INITIAL_BACKOFF", Duration.ofMillis(500), Duration.ZERO, hour),
                s.duration("SNS_RETRY_MAX_BACKOFF", Duration.ofSeconds(60), Duration.ZERO, hour),
                s.duration("SNS_RETRY_AFTER_MAX", Duration.ofMinutes(5), Duration.ZERO, hour));
        if (retry.maxBackoff().compareTo(retry.initialBackoff()) < 0) {
            throw new SettingsException("SNS_RETRY_MAX_BACKOFF: must not be shorter than SNS_RETRY_INITIAL_BACKOFF ("
                    + retry.initialBackoff().toMillis() + "ms), was " + retry.maxBackoff().toMillis() + "ms");
        }
        return new SinkSettings(
                s.kafkaClientProperties(),
                TopicNames.from(s),
                TopicLayout.from(s),
                s.string("SNS_SINK_GROUP_ID", DEFAULT_GROUP_ID),
                s.bool("SNS_ALLOW_TENANT_CONFIG_DEFAULT", true),
                new Http(
                        s.duration("SNS_HTTP_CONNECT_TIMEOUT", Duration.ofSeconds(5), minTimeout, Duration.ofMinutes(5)),
                        s.duration("SNS_HTTP_RESPONSE_TIMEOUT", Duration.ofSeconds(10), minTimeout, Duration.ofMinutes(5))),
                retry);
    }

    /** A fresh copy of the Kafka client configs, so one client's additions never leak into another's. */
    Properties kafkaCopy() {
        Properties copy = new Properties();
        copy.putAll(kafka);
        return copy;
    }

    @Override
    public String toString() {
        String kafkaShown = kafka.stringPropertyNames().stream().sorted()
                .map(name -> name + "=" + Settings.redact(name, kafka.getProperty(name)))
                .collect(Collectors.joining(", ", "{", "}"));
        return "SinkSettings[kafka=" + kafkaShown + ", topics=" + topics + ", layout=" + layout + ", groupId=" + groupId
                + ", allowTenantConfigByDefault=" + allowTenantConfigByDefault + ", http=" + http + ", retry=" + retry + "]";
    }
}
