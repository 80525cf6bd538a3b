package io.statusnotify.system;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.statusnotify.settings.Settings;
import io.statusnotify.sink.SinkApp;
import io.statusnotify.sink.SinkSettings;
import io.statusnotify.streams.StreamsApp;
import io.statusnotify.streams.StreamsSettings;

import java.time.Duration;

import static org.awaitility.Awaitility.await;

/** The streams app, and optionally the sink, running in this JVM against one test's {@link PipelineEnv}. */
final class Pipeline implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private final MeterRegistry meters = new SimpleMeterRegistry();
    private final StreamsApp streams;
    private final SinkApp sink;

    private Pipeline(PipelineEnv env, boolean withSink) {
        Settings settings = Settings.of(env.variables());
        this.streams = StreamsApp.start(StreamsSettings.from(settings), meters);
        SinkApp startedSink = null;
        try {
            startedSink = withSink ? SinkApp.start(SinkSettings.from(settings), meters) : null;
        } catch (RuntimeException e) {
            streams.close();
            throw e;
        }
        this.sink = startedSink;
    }

    /** Streams app and sink, both ready. */
    static Pipeline start(PipelineEnv env) {
        return started(new Pipeline(env, true));
    }

    /** The streams app alone (the sink runs elsewhere, e.g. in a child JVM). */
    static Pipeline startStreamsOnly(PipelineEnv env) {
        return started(new Pipeline(env, false));
    }

    private static Pipeline started(Pipeline pipeline) {
        try {
            await("pipeline ready").atMost(START_TIMEOUT).until(pipeline::isRunning);
            return pipeline;
        } catch (RuntimeException e) {
            pipeline.close();
            throw e;
        }
    }

    boolean isRunning() {
        return streams.isRunning() && (sink == null || sink.isReady());
    }

    /** The sink (null with {@link #startStreamsOnly}). */
    SinkApp sink() {
        return sink;
    }

    MeterRegistry meters() {
        return meters;
    }

    @Override
    public void close() {
        try {
            if (sink != null) sink.close();
        } finally {
            streams.close();
            meters.close();
        }
    }
}
