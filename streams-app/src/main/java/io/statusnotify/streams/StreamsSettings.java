package io.statusnotify.streams;

import io.statusnotify.settings.Settings;
import io.statusnotify.settings.SettingsException;
import io.statusnotify.topics.TopicLayout;
import io.statusnotify.topics.TopicNames;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The streams app's settings, read once from environment variables:
 * {@code KAFKA_*} (client configs, passed through; {@code KAFKA_BOOTSTRAP_SERVERS} required), {@code SNS_TOPIC_*},
 * {@code SNS_APPLICATION_ID} (default {@value #DEFAULT_APPLICATION_ID}), {@code SNS_PROCESSING_GUARANTEE}
 * ({@code exactly_once_v2} or {@code at_least_once}), {@code SNS_ALLOW_TENANT_CONFIG_DEFAULT} (default true),
 * {@code SNS_STATE_DIR} (default {@code <java.io.tmpdir>/statusnotify-streams/<application id>}),
 * {@code SNS_STREAMS_NUM_THREADS} (default 1), {@code SNS_MAX_RECORD_BYTES} (default 1,000,000: the largest record
 * written, below Kafka's default limit of 1 MiB), {@code SNS_STREAMS_COMMIT_INTERVAL}, {@code SNS_STREAMS_PRODUCER_LINGER},
 * {@code SNS_STREAMS_POLL_TIMEOUT} and {@code SNS_STREAMS_PRODUCER_RETRY_BACKOFF} (see {@link StreamsTiming}). Where a {@code KAFKA_*} variable and an {@code SNS_*} setting name
 * the same Streams config, the {@code SNS_*} setting wins.
 */
public record StreamsSettings(
        Map<String, String> kafkaClient,
        TopicNames topics,
        TopicLayout layout,
        String applicationId,
        String processingGuarantee,
        boolean allowTenantConfigByDefault,
        Path stateDir,
        int numThreads,
        int maxRecordBytes,
        StreamsTiming timing) {

    public static final String DEFAULT_APPLICATION_ID = "statusnotify-streams";
    private static final Set<String> GUARANTEES = Set.of(StreamsConfig.EXACTLY_ONCE_V2, StreamsConfig.AT_LEAST_ONCE);

    public StreamsSettings {
        kafkaClient = Map.copyOf(kafkaClient);
    }

    public static StreamsSettings from(Settings s) {
        Map<String, String> kafka = new TreeMap<>();
        s.kafkaClientProperties().forEach((k, v) -> kafka.put(k.toString(), v.toString()));
        TopicLayout layout = TopicLayout.from(s);
        String applicationId = s.string("SNS_APPLICATION_ID", DEFAULT_APPLICATION_ID);
        if (!applicationId.matches("[a-zA-Z0-9._-]{1,200}")) {
            throw new SettingsException("SNS_APPLICATION_ID: letters, digits, '.', '_' and '-' only (it prefixes"
                    + " internal topic names), was '" + applicationId + "'");
        }
        String guarantee = s.string("SNS_PROCESSING_GUARANTEE", StreamsConfig.EXACTLY_ONCE_V2);
        if (!GUARANTEES.contains(guarantee)) {
            throw new SettingsException("SNS_PROCESSING_GUARANTEE: must be exactly_once_v2 or at_least_once, was '"
                    + guarantee + "'");
        }
        Path stateDir = Path.of(s.string("SNS_STATE_DIR",
                Path.of(System.getProperty("java.io.tmpdir"), "statusnotify-streams", applicationId).toString()));
        return new StreamsSettings(kafka, TopicNames.from(s), layout, applicationId, guarantee,
                s.bool("SNS_ALLOW_TENANT_CONFIG_DEFAULT", true), stateDir,
                s.integer("SNS_STREAMS_NUM_THREADS", 1, 1, 64),
                s.integer("SNS_MAX_RECORD_BYTES", TopologySettings.DEFAULT_MAX_RECORD_BYTES, 16 * 1024, 100 * 1024 * 1024),
                StreamsTiming.from(s, kafka));
    }

    public TopologySettings topology() {
        return new TopologySettings(topics, allowTenantConfigByDefault, maxRecordBytes);
    }

    /** The Kafka client configs alone, for the admin client that provisions topics. */
    public Properties adminProperties() {
        Properties props = new Properties();
        props.putAll(kafkaClient);
        return props;
    }

    /** Everything {@link org.apache.kafka.streams.KafkaStreams} is configured with. */
    public Properties streamsProperties() {
        Properties props = adminProperties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, processingGuarantee);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, Integer.toString(numThreads));
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, Short.toString(layout.replicationFactor()));
        timing.applyTo(props);
        // Safety nets for the unexpected (the processor dead-letters the expected bad input itself): log, copy
        // the record to the user-status DLQ (KIP-1034) and go on, rather than stop the stream thread.
        props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, topics.userStatusDlq());
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                LogAndContinueExceptionHandler.class.getName());
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
                LogAndContinueProcessingExceptionHandler.class.getName());
        // Also for the global config store (Kafka 5 default): a failure there is logged and skipped (Streams
        // cannot dead-letter from the global thread) instead of stopping the whole client.
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, "true");
        // The CLI and the console write config records in transactions (with their audit records): a change they
        // aborted must never reach the config store. Exactly-once reads committed records only; at_least_once
        // would leave the global consumer at read_uncommitted.
        props.put(StreamsConfig.globalConsumerPrefix(ConsumerConfig.ISOLATION_LEVEL_CONFIG), "read_committed");
        return props;
    }

    @Override
    public String toString() {
        String kafka = kafkaClient.entrySet().stream()
                .map(e -> e.getKey() + "=" + Settings.redact(e.getKey(), e.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
        return "StreamsSettings[kafkaClient=" + kafka + ", topics=" + topics + ", layout=" + layout
                + ", applicationId=" + applicationId + ", processingGuarantee=" + processingGuarantee
                + ", allowTenantConfigByDefault=" + allowTenantConfigByDefault + ", stateDir=" + stateDir
                + ", numThreads=" + numThreads + ", maxRecordBytes=" + maxRecordBytes + ", timing=" + timing + "]";
    }
}
