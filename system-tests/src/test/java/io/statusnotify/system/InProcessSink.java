package io.statusnotify.system;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.statusnotify.settings.Settings;
import io.statusnotify.sink.SinkApp;
import io.statusnotify.sink.SinkSettings;

import java.time.Duration;

import static org.awaitility.Awaitility.await;

/** The sink alone, in this JVM, on one test's {@link PipelineEnv}: the streams app is played by a {@link NotificationFeed}. */
final class InProcessSink implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private final MeterRegistry meters = new SimpleMeterRegistry();
    private final SinkApp app;

    private InProcessSink(PipelineEnv env) {
        this.app = SinkApp.start(SinkSettings.from(Settings.of(env.variables())), meters);
    }

    /** Started and ready: tenant configs read, partitions assigned. */
    static InProcessSink start(PipelineEnv env) {
        InProcessSink sink = new InProcessSink(env);
        try {
            await("sink ready").atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(50)).until(sink.app::isReady);
            return sink;
        } catch (RuntimeException e) {
            sink.close();
            throw e;
        }
    }

    boolean isReady() {
        return app.isReady();
    }

    MeterRegistry meters() {
        return meters;
    }

    @Override
    public void close() {
        try {
            app.close();
        } finally {
            meters.close();
        }
    }
}
