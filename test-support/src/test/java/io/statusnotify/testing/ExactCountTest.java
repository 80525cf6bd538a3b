package io.statusnotify.testing;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExactCountTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private final AtomicInteger polls = new AtomicInteger();

    @Test
    void givenTheCountReachedAndNoMore_whenAwaited_thenItReturnsHavingWatchedThroughTheQuietPeriod() {
        IntSupplier count = () -> polls.incrementAndGet() < 3 ? 1 : 2;

        ExactCount.await("arrivals", 2, TIMEOUT, count);

        // the poll that saw 2 first, and those of the quiet period after it (one every 50 ms)
        assertThat(polls.get()).isGreaterThan(3 + 10);
    }

    @Test
    void givenOneMoreArrivingJustAfterTheCountIsReached_whenAwaited_thenItFails() {
        IntSupplier count = () -> {
            int poll = polls.incrementAndGet();
            return poll < 2 ? 1 : poll < 4 ? 2 : 3;
        };

        assertThatThrownBy(() -> ExactCount.await("arrivals", 2, TIMEOUT, count))
                .isInstanceOf(AssertionError.class).hasMessageContaining("arrivals: expected exactly 2 but got 3");
    }

    @Test
    void givenMoreThanExpectedBeforeTheCountIsSeen_whenAwaited_thenItFailsAtOnce() {
        assertThatThrownBy(() -> ExactCount.await("arrivals", 2, TIMEOUT, () -> 5))
                .isInstanceOf(AssertionError.class).hasMessageContaining("expected exactly 2 but got 5");
    }

    @Test
    void givenTooFew_whenTheTimeoutPasses_thenItFails() {
        assertThatThrownBy(() -> ExactCount.await("arrivals", 2, Duration.ofMillis(300), () -> 1))
                .isInstanceOf(ConditionTimeoutException.class).hasMessageContaining("arrivals: exactly 2");
    }

    @Test
    void givenARedeliveryAfterTheFirstPolls_whenAwaitingSettled_thenItReturnsTheCountWithTheRedelivery() {
        IntSupplier count = () -> polls.incrementAndGet() < 4 ? 10 : 11;

        assertThat(ExactCount.awaitSettled("requests", TIMEOUT, count)).isEqualTo(11);
    }

    @Test
    void givenACountThatKeepsGrowing_whenAwaitingSettled_thenItFailsAtTheTimeout() {
        assertThatThrownBy(() -> ExactCount.awaitSettled("requests", Duration.ofMillis(300), polls::incrementAndGet))
                .isInstanceOf(ConditionTimeoutException.class).hasMessageContaining("requests: no change for");
    }
}
