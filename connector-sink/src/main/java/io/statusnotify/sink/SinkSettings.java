package io.statusnotify.sink;

import io.statusnotify.secrets.SecretKeys;
import io.statusnotify.settings.Settings;
import io.statusnotify.settings.SettingsException;
import io.statusnotify.schema.TenantConfig;
import io.statusnotify.topics.TopicLayout;
import io.statusnotify.topics.TopicNames;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
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
        Http http,
        Retry retry,
        Limits limits,
        boolean receiptsEnabled,
        Duration shutdownGrace,
        Duration commitInterval,
        Security security) {

    /**
     * @param secretKeys           {@code SNS_SECRET_KEYS} / {@code SNS_SECRET_KEYS_FILE} / {@code SNS_SECRET_KEY_ID}
     * @param allowCleartextSecrets {@code SNS_ALLOW_CLEARTEXT_PASSWORDS} (default false): clear-text secrets accepted
     * @param destinations         {@code SNS_DESTINATION_DENY} / {@code SNS_DESTINATION_ALLOW}
     * @param extraCas             {@code SNS_TLS_CA_BUNDLE}: PEM CAs trusted besides the system's, for every tenant
     *                             without {@code caCertificates} of its own
     */
    public record Security(SecretKeys secretKeys, boolean allowCleartextSecrets, DestinationPolicy destinations,
                           List<X509Certificate> extraCas) {
        public static Security from(Settings s) {
            return new Security(SecretKeys.from(s), s.bool(TenantSecrets.ALLOW_CLEARTEXT, false),
                    DestinationPolicy.from(s), caBundle(s.string(CA_BUNDLE, null)));
        }

        private static List<X509Certificate> caBundle(String file) {
            if (file == null) return List.of();
            try {
                return TlsContexts.certificates(Files.readString(Path.of(file), StandardCharsets.US_ASCII), CA_BUNDLE);
            } catch (IOException e) {
                throw new SettingsException(CA_BUNDLE + ": cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
            } catch (IllegalArgumentException e) {
                throw new SettingsException(e.getMessage() + " (" + file + ")");
            }
        }

        @Override
        public String toString() {
            return "Security[secretKeys=" + secretKeys + ", allowCleartextSecrets=" + allowCleartextSecrets
                    + ", destinations=" + destinations + ", extraCas=" + extraCas.size() + "]";
        }
    }

    static final String CA_BUNDLE = "SNS_TLS_CA_BUNDLE";

    /** {@code SNS_HTTP_CONNECT_TIMEOUT} (default 5s), {@code SNS_HTTP_RESPONSE_TIMEOUT} (default 10s). */
    public record Http(Duration connectTimeout, Duration responseTimeout) {
        public static Http from(Settings s) {
            Duration minTimeout = Duration.ofMillis(1);
            return new Http(
                    s.duration("SNS_HTTP_CONNECT_TIMEOUT", Duration.ofSeconds(5), minTimeout, Duration.ofMinutes(5)),
                    s.duration("SNS_HTTP_RESPONSE_TIMEOUT", Duration.ofSeconds(10), minTimeout, Duration.ofMinutes(5)));
        }
    }

    /**
     * How parked notifications are tried again.
     *
     * @param delays          {@code SNS_RETRY_DELAYS} (default 5s,30s,2m,10m,30m,1h): the wait before the n-th retry of a
     *                        failing tenant; the last one repeats
     * @param jitter          {@code SNS_RETRY_JITTER} (default 0.2): each wait is spread by ± this fraction
     * @param throttledMinDelay {@code SNS_RETRY_THROTTLED_MIN_DELAY} (default 60s): the least wait after a 429 or a timeout
     * @param retryAfterMax   {@code SNS_RETRY_AFTER_MAX} (default 5m): the longest Retry-After honoured
     * @param maxAge          {@code SNS_RETRY_MAX_AGE} (default 7d): older notifications go to the DLQ
     * @param maxAttempts     {@code SNS_RETRY_MAX_ATTEMPTS} (default 0: no limit, only the max age)
     */
    public record Retry(List<Duration> delays, double jitter, Duration throttledMinDelay, Duration retryAfterMax,
                        Duration maxAge, int maxAttempts) {
    }

    /**
     * @param maxInFlight           {@code SNS_SINK_MAX_IN_FLIGHT} (default 1000): requests open at once, all tenants
     * @param tenantMaxInFlight     {@code SNS_TENANT_MAX_IN_FLIGHT} (default 1000): the ceiling of a tenant's
     *                              concurrency limit ({@link TenantLimits}), unless its config says {@code maxInFlight}
     * @param tenantMaxQueued       {@code SNS_TENANT_MAX_QUEUED} (default 1000): a tenant with more waiting than this
     *                              has its newer notifications moved to the retry topic
     * @param tenantMaxQueueWait    {@code SNS_TENANT_MAX_QUEUE_WAIT} (default 5s): the same when the waiting ones would
     *                              take longer than this at the tenant's recent response time (a slow tenant)
     * @param maxBufferedRecords    {@code SNS_SINK_MAX_BUFFERED_RECORDS} (default 10000): notifications held in memory;
     *                              at the cap the notifications topic is paused
     * @param maxBufferedRetries    {@code SNS_SINK_MAX_BUFFERED_RETRIES} (default 10000): parked notifications held in
     *                              memory whole; beyond it they are remembered by offset and read again when due
     * @param maxParkedByOffset     {@code SNS_SINK_MAX_PARKED_BY_OFFSET} (default 200000): parked notifications
     *                              remembered by offset only (about 170 bytes each); at the cap the retry topic is paused
     * @param metricsMaxTenants     {@code SNS_METRICS_MAX_TENANTS} (default 100): tenants named in metric tags; the
     *                              rest are counted together as {@code tenant="_other"}
     * @param failuresToOpen        {@code SNS_CIRCUIT_FAILURES_TO_OPEN} (default 3): failed attempts in a row (no
     *                              success between) that open a tenant's circuit; fewer only park the failing ones
     */
    public record Limits(int maxInFlight, int tenantMaxInFlight, int tenantMaxQueued, Duration tenantMaxQueueWait,
                         int maxBufferedRecords, int maxBufferedRetries, int maxParkedByOffset, int metricsMaxTenants,
                         int failuresToOpen, TenantLimits tenantLimits) {
    }

    /** {@code SNS_TENANT_LIMIT}: how a tenant's concurrency limit moves ({@link TenantLimit}). */
    public enum LimitAlgorithm {
        /** Grows while answers come without failure and at a steady latency; shrinks on failures or rising latency. */
        GRADIENT,
        /** Grows by one per busy answer, shrinks by 10 % per failure (timeout, connection error, 408, 429, 5xx). */
        AIMD,
        /** Always the ceiling (the behaviour before the adaptive limit). */
        FIXED
    }

    /**
     * A tenant's adaptive concurrency limit, always within [{@code min}, ceiling] where the ceiling is its config's
     * {@code maxInFlight} or {@code SNS_TENANT_MAX_IN_FLIGHT}.
     *
     * @param algorithm {@code SNS_TENANT_LIMIT} (default {@code gradient}): {@code gradient}, {@code aimd} or
     *                  {@code fixed}
     * @param initial   {@code SNS_TENANT_INITIAL_IN_FLIGHT} (default 64): where a tenant's limit starts (and starts
     *                  again when its config record changes); a lower ceiling wins
     * @param min       {@code SNS_TENANT_MIN_IN_FLIGHT} (default 4, at most the initial): the least it shrinks to; a
     *                  lower ceiling wins
     */
    public record TenantLimits(LimitAlgorithm algorithm, int initial, int min) {
        static TenantLimits from(Settings s) {
            String name = s.string(LIMIT, "gradient").trim().toUpperCase(java.util.Locale.ROOT);
            LimitAlgorithm algorithm;
            try {
                algorithm = LimitAlgorithm.valueOf(name);
            } catch (IllegalArgumentException e) {
                throw new SettingsException(LIMIT + ": must be gradient, aimd or fixed, was '" + s.string(LIMIT, "") + "'");
            }
            int min = s.integer(MIN_IN_FLIGHT, 4, 1, TenantConfig.MAX_IN_FLIGHT_LIMIT);
            int initial = s.integer(INITIAL_IN_FLIGHT, 64, 1, TenantConfig.MAX_IN_FLIGHT_LIMIT);
            if (min > initial) {
                throw new SettingsException(MIN_IN_FLIGHT + ": must be at most " + INITIAL_IN_FLIGHT + " (" + initial
                        + "), was " + min);
            }
            return new TenantLimits(algorithm, initial, min);
        }

        /** Where the limit of a tenant with this ceiling starts: the initial value, or the ceiling when lower. */
        int initial(int ceiling) {
            return Math.min(initial, ceiling);
        }

        /** The least the limit of a tenant with this ceiling shrinks to. */
        int min(int ceiling) {
            return Math.min(min, ceiling);
        }
    }

    static final String LIMIT = "SNS_TENANT_LIMIT";
    static final String MAX_IN_FLIGHT = "SNS_TENANT_MAX_IN_FLIGHT";
    static final String INITIAL_IN_FLIGHT = "SNS_TENANT_INITIAL_IN_FLIGHT";
    static final String MIN_IN_FLIGHT = "SNS_TENANT_MIN_IN_FLIGHT";

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
            "group.protocol", "classic, for the range assignor",
            "partition.assignment.strategy", "range: a partition number of both topics on one instance keeps order",
            "acks", "all, for the retry topic, dead letters and receipts",
            "enable.idempotence", "true: what goes to one partition stays in order");

    public static SinkSettings from(Settings s) {
        Properties kafka = s.kafkaClientProperties();
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
        Retry retry = new Retry(
                // A floor: a zero delay would hammer a tenant that is down.
                s.durations("SNS_RETRY_DELAYS", DEFAULT_RETRY_DELAYS, Duration.ofMillis(100), day),
                s.decimal("SNS_RETRY_JITTER", 0.2, 0, 0.9),
                s.duration("SNS_RETRY_THROTTLED_MIN_DELAY", Duration.ofSeconds(60), Duration.ZERO, day),
                s.duration("SNS_RETRY_AFTER_MAX", Duration.ofMinutes(5), Duration.ZERO, day),
                s.duration("SNS_RETRY_MAX_AGE", Duration.ofDays(7), Duration.ofSeconds(1), Duration.ofDays(365)),
                s.integer("SNS_RETRY_MAX_ATTEMPTS", 0, 0, 1_000_000));
        int tenantCeiling = s.integer(MAX_IN_FLIGHT, 1000, 1, TenantConfig.MAX_IN_FLIGHT_LIMIT);
        Limits limits = new Limits(
                s.integer("SNS_SINK_MAX_IN_FLIGHT", 1000, 1, 100_000),
                tenantCeiling,
                s.integer("SNS_TENANT_MAX_QUEUED", 1000, 1, 10_000_000),
                s.duration("SNS_TENANT_MAX_QUEUE_WAIT", Duration.ofSeconds(5), Duration.ofMillis(1), Duration.ofHours(1)),
                s.integer("SNS_SINK_MAX_BUFFERED_RECORDS", 10_000, 1, 10_000_000),
                s.integer("SNS_SINK_MAX_BUFFERED_RETRIES", 10_000, 1, 10_000_000),
                s.integer("SNS_SINK_MAX_PARKED_BY_OFFSET", 200_000, 1, 100_000_000),
                s.integer("SNS_METRICS_MAX_TENANTS", 100, 0, 100_000),
                s.integer("SNS_CIRCUIT_FAILURES_TO_OPEN", 3, 1, 1_000),
                TenantLimits.from(s));
        return new SinkSettings(
                s.kafkaClientProperties(),
                TopicNames.from(s),
                TopicLayout.from(s),
                s.string("SNS_SINK_GROUP_ID", DEFAULT_GROUP_ID),
                s.bool("SNS_ALLOW_TENANT_CONFIG_DEFAULT", true),
                Http.from(s),
                retry,
                limits,
                s.bool("SNS_RECEIPTS_ENABLED", true),
                // Below max.poll.interval.ms (5 min): a longer drain would lose the group and its final commit.
                s.duration("SNS_SINK_SHUTDOWN_GRACE", Duration.ofSeconds(30), Duration.ZERO, Duration.ofMinutes(4)),
                // What finished since the last commit is what a crash sends again (besides the requests in flight).
                s.duration("SNS_SINK_COMMIT_INTERVAL", Duration.ofMillis(200), Duration.ofMillis(10), Duration.ofMinutes(1)),
                Security.from(s));
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
