package io.statusnotify.sink.engine;

import io.statusnotify.sink.kafka.ParkedReader;
import io.statusnotify.sink.offsets.PartitionWork;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads again the parked notifications remembered by offset only ({@link RetryMemory}) when their lane's turn comes:
 * per partition one read at a time ({@link ParkedReader}), from the lowest head waiting. A batch loads the heads
 * waiting for it and, while memory allows, the other unloaded notifications of tenants that may be tried (they come
 * next); the lanes whose head is loaded, or was read over and not found (gone with retention), are handed back.
 * Engine thread only.
 */
final class ParkedLoads {
    /** How a read is asked for: {@link ParkedReader#read}. */
    interface Reader {
        void read(PartitionWork work, long offset, ParkedReader.Loaded loaded);
    }

    /** A partition's lanes whose unloaded head is being read again, in the order they asked, and its read. */
    private static final class Loading {
        final Set<KeyLane> lanes = new LinkedHashSet<>();
        boolean pending;
    }

    private static final long EMPTY_READ_PAUSE_MILLIS = 200;

    private final Reader reader;
    private final RetryMemory memory;
    private final KeyLanes lanes;
    private final TenantStates tenants;
    private final Timers timers;
    private final Clock clock;
    private final Consumer<List<KeyLane>> ended;
    private final Map<PartitionWork, Loading> byPartition = new HashMap<>();

    /** {@code ended} gets the lanes handed back ({@link KeyLane.State#IDLE}), their heads loaded or not found. */
    ParkedLoads(Reader reader, RetryMemory memory, KeyLanes lanes, TenantStates tenants, Timers timers, Clock clock,
                Consumer<List<KeyLane>> ended) {
        this.reader = reader;
        this.memory = memory;
        this.lanes = lanes;
        this.tenants = tenants;
        this.timers = timers;
        this.clock = clock;
        this.ended = ended;
    }

    /** The lane's head is to be read again: the lane is {@link KeyLane.State#LOADING} until handed back. */
    void start(KeyLane lane) {
        lane.state = KeyLane.State.LOADING;
        byPartition.computeIfAbsent(lane.work, work -> new Loading()).lanes.add(lane);
        request(lane.work);
    }

    private void request(PartitionWork work) {
        Loading loading = byPartition.get(work);
        if (loading == null || loading.pending || loading.lanes.isEmpty() || work.isRevoked()) return;
        long from = loading.lanes.stream().mapToLong(l -> l.items.peek().offset()).min().orElseThrow();
        loading.pending = true;
        reader.read(work, from, this::loaded);
    }

    /** A batch read again: every record from {@code from} up to {@code readTo} (exclusive) that still exists. */
    void loaded(PartitionWork work, long from, long readTo, List<ConsumerRecord<String, byte[]>> records) {
        Loading loading = byPartition.get(work);
        if (loading == null) return; // revoked meanwhile
        loading.pending = false;
        if (work.isRevoked()) return;
        memory.makeRoom(tenants.all());
        for (ConsumerRecord<String, byte[]> record : records) {
            KeyLane lane = lanes.retryLane(work, record.key());
            if (lane == null) continue;
            boolean head = lane.state == KeyLane.State.LOADING && lane.items.peek().offset() == record.offset();
            if (!head && (!memory.hasRoom() || tenants.get(lane.tenant).circuit.isBlocked())) continue;
            memory.reload(lane, record); // a head that cannot be read again is handed back unloaded
        }
        List<KeyLane> ready = new ArrayList<>();
        for (KeyLane lane : List.copyOf(loading.lanes)) {
            Item head = lane.items.peek();
            // Read over its offset and not found: gone from the topic (retention), not merely not reached yet.
            boolean passed = from <= head.offset() && head.offset() < readTo;
            if (head.isLoaded() || passed) {
                loading.lanes.remove(lane);
                lane.state = KeyLane.State.IDLE;
                ready.add(lane);
            }
        }
        if (records.isEmpty()) {
            timers.at(clock.millis() + EMPTY_READ_PAUSE_MILLIS, () -> request(work));
        } else {
            request(work);
        }
        if (loading.lanes.isEmpty() && !loading.pending) byPartition.remove(work);
        ended.accept(ready);
    }

    /** The partition is revoked: the lanes that waited for a read; its reads' batches are ignored from now on. */
    List<KeyLane> revoke(PartitionWork work) {
        Loading loading = byPartition.remove(work);
        return loading == null ? List.of() : List.copyOf(loading.lanes);
    }
}
