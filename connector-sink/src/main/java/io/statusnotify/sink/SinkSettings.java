package io.statusnotify.sink;


import io.statusnotify.settings.Settings;
import io.statusnotify.schema.TenantConfig;
import io.statusnotify.sink.config.SecuritySettings;
import io.statusnotify.sink.engine.EngineSettings;
import io.statusnotify.sink.engine.LimitSettings;
import io.statusnotify.sink.engine.RetrySettings;
import io.statusnotify.sink.engine.TenantLimitSettings;
import io.statusnotify.sink.http.HttpSettings;
import io.statusnotify.topics.TopicLayout;
import io.statusnotify.topics.TopicNames;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
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
        HttpSettings http,
        RetrySettings retry,
        LimitSettings limits,
        boolean receiptsEnabled,
        Duration shutdownGrace,
        Duration commitInterval,
        SecuritySettings security) {

    static final String MAX_IN_FLIGHT = "SNS_TENANT_MAX_IN_FLIGHT";

    public static final String DEFAULT_GROUP_ID = "statusnotify-sink";
    static final List<Duration> DEFAULT_RETRY_DELAYS = List.of(Duration.ofSeconds(5), Duration.ofSeconds(30),
            Duration.ofMinutes(2), Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofHours(1));

    /** Settings of earlier versions that no longer do anything: said at start, so nobody relies on them unknowingly. */
    static final Map<String, String> RETIRED = Map.of(
            "SNS_RETRY_INITIAL_BACKOFF", "use SNS_RETRY_DELAYS",
            "SNS_RETRY_MAX_BACKOFF", "use SNS_RETRY_DELAYS");

    /** Client configs the sink sets itself, whatever {@code KAFKA_*} says (correctness, not tuning). */
    static final Map<String, String> FORCED_KAFKA_CONFIGS = Map.of(
            "group.id", "SNS_SINK_GROUP_ID decides it",
            "auto.offset.reset", "earliest, so a new group misses nothing",
            "isolation.level", "read_committed, so aborted writes are never delivered",
            "enable.auto.commit", "false: only finished records are committed",
            "group.protocol", "consumer: a rebalance pauses only the partitions that move",
            "group.remote.assignor", "range: a partition number of both topics on one instance keeps order",
            "acks", "all, for the retry topic, dead letters and receipts",
            "enable.idempotence", "true: what goes to one partition stays in order");

    /**
     * Client configs of the classic group protocol that the consumer group protocol refuses: the sink's group
     * consumer goes without them (the streams app, on the classic protocol, may use them from the same environment).
     * What decides instead: a group config (kafka-configs --entity-type groups), else the broker's.
     */
    static final Map<String, String> BROKER_GROUP_CONFIGS = Map.of(
            "partition.assignment.strategy", "the broker's range assignor assigns (group.remote.assignor=range)",
            "session.timeout.ms", "the group config consumer.session.timeout.ms decides, else the broker's"
                    + " group.consumer.session.timeout.ms (45 s)",
            "heartbeat.interval.ms", "the group config consumer.heartbeat.interval.ms decides, else the broker's"
                    + " group.consumer.heartbeat.interval.ms (5 s)");

    public static SinkSettings from(Settings s) {
        Properties kafka = s.kafkaClientProperties();
        BROKER_GROUP_CONFIGS.forEach((config, instead) -> {
            if (kafka.containsKey(config)) {
                LoggerFactory.getLogger(SinkSettings.class).warn("KAFKA_{} is not used by the sink's consumer group: {}",
                        config.toUpperCase(java.util.Locale.ROOT).replace('.', '_'), instead);
            }
        });
        FORCED_KAFKA_CONFIGS.forEach((config, why) -> {
            if (kafka.containsKey(config)) {
                LoggerFactory.getLogger(SinkSettings.class).warn("KAFKA_{} is ignored: the sink always sets {} ({})",
                        config.toUpperCase(java.util.Locale.ROOT).replace('.', '_'), config, why);
            }
        });
        RETIRED.forEach((name, instead) -> {
            if (s.string(name, null) != null) {
                LoggerFactory.getLogger(SinkSettings.class).warn("{} is no longer used and is ignored: {}", name, instead);
            }
        });
        Duration day = Duration.ofDays(1);
        RetrySettings retry = new RetrySettings(
                // A floor: a zero delay would hammer a tenant that is down.
                s.durations("SNS_RETRY_DELAYS", DEFAULT_RETRY_DELAYS, Duration.ofMillis(100), day),
                s.decimal("SNS_RETRY_JITTER", 0.2, 0, 0.9),
                s.duration("SNS_RETRY_THROTTLED_MIN_DELAY", Duration.ofSeconds(60), Duration.ZERO, day),
                s.duration("SNS_RETRY_AFTER_MAX", Duration.ofMinutes(5), Duration.ZERO, day),
                s.duration("SNS_RETRY_MAX_AGE", Duration.ofDays(7), Duration.ofSeconds(1), Duration.ofDays(365)),
                s.integer("SNS_RETRY_MAX_ATTEMPTS", 0, 0, 1_000_000));
        int tenantCeiling = s.integer(MAX_IN_FLIGHT, 1000, 1, TenantConfig.MAX_IN_FLIGHT_LIMIT);
        LimitSettings limits = new LimitSettings(
                s.integer("SNS_SINK_MAX_IN_FLIGHT", 1000, 1, 100_000),
                tenantCeiling,
                s.integer("SNS_TENANT_MAX_QUEUED", 1000, 1, 10_000_000),
                s.duration("SNS_TENANT_MAX_QUEUE_WAIT", Duration.ofSeconds(5), Duration.ofMillis(1), Duration.ofHours(1)),
                s.integer("SNS_SINK_MAX_BUFFERED_RECORDS", 10_000, 1, 10_000_000),
                s.integer("SNS_SINK_MAX_BUFFERED_RETRIES", 10_000, 1, 10_000_000),
                s.integer("SNS_SINK_MAX_PARKED_BY_OFFSET", 200_000, 1, 100_000_000),
                s.integer("SNS_METRICS_MAX_TENANTS", 100, 0, 100_000),
                s.integer("SNS_CIRCUIT_FAILURES_TO_OPEN", 3, 1, 1_000),
                TenantLimitSettings.from(s));
        return new SinkSettings(
                s.kafkaClientProperties(),
                TopicNames.from(s),
                TopicLayout.from(s),
                s.string("SNS_SINK_GROUP_ID", DEFAULT_GROUP_ID),
                s.bool("SNS_ALLOW_TENANT_CONFIG_DEFAULT", true),
                HttpSettings.from(s),
                retry,
                limits,
                s.bool("SNS_RECEIPTS_ENABLED", true),
                // Below max.poll.interval.ms (5 min): a longer drain would lose the group and its final commit.
                s.duration("SNS_SINK_SHUTDOWN_GRACE", Duration.ofSeconds(30), Duration.ZERO, Duration.ofMinutes(4)),
                // What finished since the last commit is what a crash sends again (besides the requests in flight).
                s.duration("SNS_SINK_COMMIT_INTERVAL", Duration.ofMillis(200), Duration.ofMillis(10), Duration.ofMinutes(1)),
                SecuritySettings.from(s));
    }

    /** What the delivery core reads of these. */
    public EngineSettings engine() {
        return new EngineSettings(groupId, topics, limits, retry, receiptsEnabled, shutdownGrace, commitInterval,
                http.connectTimeout().plus(http.responseTimeout()));
    }

    /** The group consumer's client configs: a fresh copy without the configs its group protocol refuses. */
    Properties groupConsumerKafka() {
        Properties copy = kafkaCopy();
        BROKER_GROUP_CONFIGS.keySet().forEach(copy::remove);
        return copy;
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
                + ", allowTenantConfigByDefault=" + allowTenantConfigByDefault + ", http=" + http + ", retry=" + retry
                + ", limits=" + limits + ", receiptsEnabled=" + receiptsEnabled + ", shutdownGrace=" + shutdownGrace
                + ", commitInterval=" + commitInterval + ", security=" + security + "]";
    }
}
