package io.statusnotify.sink.engine;

import io.statusnotify.sink.config.ReadBarrier;

import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * A drop for a config reason waits until the tenant view is current. The streams app built the notification because
 * its view of the config topic sends to the tenant; the sink's may simply not have the record yet (a tenant
 * configured, enabled or allowed a moment ago). So the lane, its key's later notifications behind it, waits for a
 * {@link ReadBarrier} round begun after its head was read, and is then decided again ({@code advance}).
 * Engine thread only; rounds complete on the config follower's thread and come back through {@code engine}.
 */
final class ViewWaits {
    private final LongSupplier read;
    private final Consumer<LongConsumer> awaitRound;
    private final Executor engine;
    private final Consumer<KeyLane> advance;
    /** Every item read up to this number ({@link Item#read}) was read before a completed round. */
    private long readsCovered;

    /** {@code read} and {@code awaitRound} are {@link ReadBarrier#read} and {@link ReadBarrier#await}. */
    ViewWaits(LongSupplier read, Consumer<LongConsumer> awaitRound, Executor engine, Consumer<KeyLane> advance) {
        this.read = read;
        this.awaitRound = awaitRound;
        this.engine = engine;
        this.advance = advance;
    }

    /** A notification just polled gets its number among those read. */
    void read(Item item) {
        item.read = read.getAsLong();
    }

    /** The view held every config record on the topic when the item was read: its drop stands. */
    boolean covers(Item item) {
        return item.read <= readsCovered;
    }

    /** The lane waits for the next round ({@link KeyLane.State#WAITING_FOR_CONFIG}). */
    void await(KeyLane lane) {
        lane.state = KeyLane.State.WAITING_FOR_CONFIG;
        awaitRound.accept(covered -> engine.execute(() -> viewCurrent(lane, covered)));
    }

    private void viewCurrent(KeyLane lane, long covered) {
        readsCovered = Math.max(readsCovered, covered);
        // Revoked meanwhile: its records are the next owner's. Closing or draining: advance sends nothing.
        if (lane.state != KeyLane.State.WAITING_FOR_CONFIG || lane.work.isRevoked()) return;
        lane.state = KeyLane.State.IDLE;
        advance.accept(lane);
    }
}
