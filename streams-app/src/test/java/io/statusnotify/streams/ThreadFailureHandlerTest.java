package io.statusnotify.streams;

import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ThreadFailureHandlerTest {
    private final ThreadFailureHandler handler = new ThreadFailureHandler();

    @Test
    void transientBrokerTroubleReplacesTheThread() {
        assertThat(handler.handle(new StreamsException(new TimeoutException("broker away"))))
                .isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
    }

    @Test
    void anythingElseStopsTheInstance() {
        assertThat(handler.handle(new StreamsException(new IllegalStateException("bug"))))
                .isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
    }
}
