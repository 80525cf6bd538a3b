package io.statusnotify.sink.engine;

import io.statusnotify.schema.TenantConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** One tenant's share of the slots: when it counts as idle, and which limit and rate cap an answer or a send sees. */
class TenantSlotsTest {
    private static final TenantConfig CONFIG = new TenantConfig(true, "http://acme.example/hook", "acme", "pw", null, 2.0);
    private static final TenantConfig NEW_CONFIG = new TenantConfig(true, "http://acme.example/new", "acme", "pw", null, 2.0);

    private final TenantSlots slots = new TenantSlots();

    private static TenantLimit limitFor(TenantConfig config) {
        return new TenantLimit(new TenantLimitSettings(LimitAlgorithm.FIXED, 64, 4), 10, config);
    }

    @Test
    void givenARequestALaneWaitingOrAPlaceInTheGlobalQueue_thenItIsNotIdleUntilEachEnded() {
        KeyLane lane = new KeyLane("acme/u1", "acme", null);
        assertThat(slots.isIdle()).isTrue();

        slots.started();
        slots.waitForSlot(lane);
        assertThat(slots.joinGlobalQueue()).isTrue();
        assertThat(slots.joinGlobalQueue()).as("in it already").isFalse();

        slots.ended();
        slots.withdraw(lane);
        assertThat(slots.isIdle()).isFalse();
        slots.leftGlobalQueue();
        assertThat(slots.isIdle()).isTrue();
    }

    @Test
    void givenALimitForOneConfig_whenTheConfigChanges_thenANewLimitStartsAndAnswersToTheOldOneFeedNone() {
        assertThat(slots.currentLimit()).isNull();
        TenantLimit first = slots.limit(CONFIG, () -> limitFor(CONFIG));

        assertThat(slots.limit(CONFIG, () -> limitFor(CONFIG))).isSameAs(first);
        TenantLimit second = slots.limit(NEW_CONFIG, () -> limitFor(NEW_CONFIG));

        assertThat(second).isNotSameAs(first);
        assertThat(slots.limitOf(CONFIG)).isNull();
        assertThat(slots.limitOf(NEW_CONFIG)).isSameAs(second);
        assertThat(slots.currentLimit()).isEqualTo(10);
    }

    @Test
    void givenARateCap_thenItsBucketIsKeptWhileTheRateStaysAndGoesWithIt() {
        TokenBucket bucket = slots.bucket(CONFIG, 0);

        assertThat(slots.bucket(NEW_CONFIG, 1)).as("same rate").isSameAs(bucket);
        assertThat(slots.bucket(new TenantConfig(true, "http://acme.example/hook", "acme", "pw", null, 5.0), 2))
                .isNotSameAs(bucket);
        assertThat(slots.bucket(new TenantConfig(true, "http://acme.example/hook", "acme", "pw"), 3)).isNull();
    }

    @Test
    void givenLanesWaiting_whenTheOldestFindsNoSlotAgain_thenItKeepsItsTurn() {
        KeyLane oldest = new KeyLane("acme/u1", "acme", null);
        KeyLane next = new KeyLane("acme/u2", "acme", null);
        slots.waitForSlot(oldest);
        slots.waitForSlot(next);

        KeyLane tried = slots.nextReady();
        slots.waitForSlot(tried); // tried, and waiting again
        slots.keepTurn(tried);

        assertThat(slots.ready()).containsExactly(oldest, next);
    }
}
