package io.statusnotify.streams;

import io.statusnotify.settings.Settings;
import io.statusnotify.settings.SettingsException;
import org.apache.kafka.streams.StreamsConfig;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * How long an event may wait inside the streams app before its notification is visible to the sink. Under
 * exactly-once a notification becomes visible only when its transaction commits, so Kafka Streams' own defaults
 * (commit every 100 ms, producers lingering 100 ms, polls blocking 100 ms while an uncommitted transaction waits)
 * made the streams stage most of the event-to-POST latency. The defaults here were chosen with {@code ./benchmark}
 * (docs/benchmark.md has the trade-off table).
 *
 * @param commitInterval {@code SNS_STREAMS_COMMIT_INTERVAL}: how often the transaction commits ({@code commit.interval.ms})
 * @param producerLinger {@code SNS_STREAMS_PRODUCER_LINGER}: how long the producer waits to fill a batch
 *                       ({@code producer.linger.ms}); a commit flushes whatever is waiting anyway
 * @param pollTimeout    {@code SNS_STREAMS_POLL_TIMEOUT}: the longest a poll blocks when no event arrives
 *                       ({@code poll.ms}); a commit that is due waits for the poll to return
 * @param producerRetryBackoff {@code SNS_STREAMS_PRODUCER_RETRY_BACKOFF}: the producer's first wait before retrying
 *                       ({@code producer.retry.backoff.ms}, growing exponentially to {@code retry.backoff.max.ms});
 *                       a transaction begun while the previous one's commit markers are still being written is
 *                       answered CONCURRENT_TRANSACTIONS, and with the client's default of 100 ms every such
 *                       retry added 100 ms to the notifications of that transaction
 */
public record StreamsTiming(Duration commitInterval, Duration producerLinger, Duration pollTimeout,
                            Duration producerRetryBackoff) {
    public static final Duration DEFAULT_COMMIT_INTERVAL = Duration.ofMillis(10);
    public static final Duration DEFAULT_PRODUCER_LINGER = Duration.ofMillis(5);
    public static final Duration DEFAULT_POLL_TIMEOUT = Duration.ofMillis(5);
    public static final Duration DEFAULT_PRODUCER_RETRY_BACKOFF = Duration.ofMillis(2);
    private static final String PRODUCER_LINGER = StreamsConfig.producerPrefix("linger.ms");
    private static final String PRODUCER_RETRY_BACKOFF = StreamsConfig.producerPrefix("retry.backoff.ms");

    /**
     * An {@code SNS_STREAMS_*} variable wins; without it a Kafka config passed through as {@code KAFKA_*} (e.g.
     * {@code KAFKA_COMMIT_INTERVAL_MS}) is kept, so a deployment that tuned Kafka Streams directly keeps its values.
     */
    static StreamsTiming from(Settings s, Map<String, String> kafkaClient) {
        return new StreamsTiming(
                s.duration("SNS_STREAMS_COMMIT_INTERVAL", passedOr(kafkaClient, StreamsConfig.COMMIT_INTERVAL_MS_CONFIG,
                        DEFAULT_COMMIT_INTERVAL), Duration.ofMillis(1), Duration.ofMinutes(10)),
                s.duration("SNS_STREAMS_PRODUCER_LINGER", passedOr(kafkaClient, PRODUCER_LINGER,
                        passedOr(kafkaClient, "linger.ms", DEFAULT_PRODUCER_LINGER)), Duration.ZERO, Duration.ofSeconds(10)),
                s.duration("SNS_STREAMS_POLL_TIMEOUT", passedOr(kafkaClient, StreamsConfig.POLL_MS_CONFIG,
                        DEFAULT_POLL_TIMEOUT), Duration.ofMillis(1), Duration.ofSeconds(10)),
                s.duration("SNS_STREAMS_PRODUCER_RETRY_BACKOFF", passedOr(kafkaClient, PRODUCER_RETRY_BACKOFF,
                        passedOr(kafkaClient, "retry.backoff.ms", DEFAULT_PRODUCER_RETRY_BACKOFF)),
                        Duration.ofMillis(1), Duration.ofSeconds(10)));
    }

    void applyTo(Properties props) {
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, Long.toString(commitInterval.toMillis()));
        props.put(PRODUCER_LINGER, Long.toString(producerLinger.toMillis()));
        props.put(StreamsConfig.POLL_MS_CONFIG, Long.toString(pollTimeout.toMillis()));
        props.put(PRODUCER_RETRY_BACKOFF, Long.toString(producerRetryBackoff.toMillis()));
    }

    private static Duration passedOr(Map<String, String> kafkaClient, String config, Duration fallback) {
        String value = kafkaClient.get(config);
        if (value == null) return fallback;
        try {
            return Duration.ofMillis(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            throw new SettingsException("KAFKA_" + config.toUpperCase(Locale.ROOT).replace('.', '_')
                    + ": must be a number of milliseconds, was '" + value + "'");
        }
    }
}
