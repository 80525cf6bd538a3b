package io.statusnotify.streams;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.statusnotify.topics.TopicProvisioner;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The running streams app: provisions the topics, checks the input topic fits the sequenceNum scheme, then runs
 * {@link NotificationTopology} in a {@link KafkaStreams} client until {@link #close()}.
 */
public final class StreamsApp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StreamsApp.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
    private final KafkaStreams streams;
    private final KafkaStreamsMetrics streamsMetrics;
    private final CountDownLatch terminated = new CountDownLatch(1);
    private volatile boolean closeRequested;

    private StreamsApp(KafkaStreams streams, KafkaStreamsMetrics streamsMetrics) {
        this.streams = streams;
        this.streamsMetrics = streamsMetrics;
    }

    /**
     * Provisions topics and starts processing; returns without waiting for the app to be running.
     *
     * @throws IllegalStateException when the topics cannot be checked or created, the config topic is not
     *                               compacted, or the input topic has more partitions than sequenceNum supports
     */
    public static StreamsApp start(StreamsSettings settings, MeterRegistry registry) {
        LOG.info("Starting with {}", settings);
        try (Admin admin = Admin.create(settings.adminProperties())) {
            TopicProvisioner.ensureTopics(admin, settings.topics(), settings.layout());
            requireSupportedPartitionCount(admin, settings.topics().userStatus());
        }
        KafkaStreams streams = new KafkaStreams(NotificationTopology.build(settings.topology(), registry),
                settings.streamsProperties());
        // Kafka Streams' and its clients' own metrics (lag, rates, thread states) next to the pipeline's meters.
        KafkaStreamsMetrics streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(registry);
        StreamsApp app = new StreamsApp(streams, streamsMetrics);
        streams.setStateListener(app::onStateChange);
        streams.setUncaughtExceptionHandler(new ThreadFailureHandler());
        streams.start();
        return app;
    }

    public boolean isRunning() {
        return streams.state() == KafkaStreams.State.RUNNING;
    }

    /** What ready means for the admin port's {@code /health/ready}: processing (state RUNNING). */
    public Map<String, Boolean> readinessChecks() {
        return Map.of("streamsRunning", isRunning());
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /** Blocks until the app has stopped; true when it was asked to stop or stopped cleanly, false when it failed. */
    public boolean awaitTermination() throws InterruptedException {
        terminated.await();
        return closeRequested || streams.state() != KafkaStreams.State.ERROR;
    }

    /** Stops processing, committing what is done; waits at most 30 s. Safe to call more than once. */
    @Override
    public void close() {
        closeRequested = true;
        LOG.info("Stopping");
        boolean closed = streams.close(CloseOptions.timeout(CLOSE_TIMEOUT));
        if (!closed) {
            LOG.warn("Kafka Streams did not stop within {} s", CLOSE_TIMEOUT.toSeconds());
        }
        streamsMetrics.close();
        terminated.countDown();
    }

    private void onStateChange(KafkaStreams.State newState, KafkaStreams.State oldState) {
        LOG.info("State {} -> {}", oldState, newState);
        if (newState == KafkaStreams.State.ERROR || newState == KafkaStreams.State.NOT_RUNNING) {
            terminated.countDown();
        }
    }

    private static void requireSupportedPartitionCount(Admin admin, String topic) {
        int partitions;
        try {
            partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(60, TimeUnit.SECONDS)
                    .get(topic).partitions().size();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while describing topic " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot describe topic " + topic + ": " + e.getMessage(), e);
        }
        if (partitions > SequenceNumbers.MAX_PARTITIONS) {
            throw new IllegalStateException("Topic '" + topic + "' has " + partitions + " partitions; sequenceNum"
                    + " supports at most " + SequenceNumbers.MAX_PARTITIONS);
        }
    }
}
