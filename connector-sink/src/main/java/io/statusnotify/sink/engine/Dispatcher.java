package io.statusnotify.sink.engine;

import io.statusnotify.sink.config.ReadBarrier;
import io.statusnotify.sink.config.TenantConfigView;
import io.statusnotify.sink.http.Sender;
import io.statusnotify.sink.kafka.ParkedKeys;
import io.statusnotify.sink.kafka.ParkedReader;
import io.statusnotify.sink.offsets.PartitionWork;
import io.statusnotify.sink.status.SinkMetrics;
import io.statusnotify.sink.status.TenantHistory;
import io.statusnotify.sink.status.TenantStatus;

import io.statusnotify.schema.DeliveryReceipt;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * Carries each notification through the named parts, from the poll to its outcome: its key's lane
 * ({@link KeyLanes}); for the lane's head the next step ({@link HeadRules}: send, drop, park, wait, read again,
 * give up), which it carries out with {@link Requests}, {@link Outcomes}, {@link Wakeups}, {@link ViewWaits} and
 * {@link ParkedLoads}; for each answer what it means ({@link AnswerRules}). Engine thread only; HTTP and producer
 * callbacks come back through {@code engine}.
 */
final class Dispatcher {
    private final Sender sender;
    private final Outcomes outcomes;
    private final RetrySettings retry;
    private final Clock clock;
    private final ParkedKeys parked;
    private final TenantStates tenants;
    private final KeyLanes lanes = new KeyLanes();
    private final Intake intake;
    private final SendSlots slots;
    private final RetryMemory memory;
    private final ParkedLoads loads;
    private final ViewWaits views;
    private final HeadRules heads;
    private final Requests requests;
    private final AnswerRules answers;
    private final Wakeups wakeups;
    private final TenantUpkeep upkeep;
    private boolean draining;

    Dispatcher(TenantConfigView view, ReadBarrier barrier, Sender sender, Outcomes outcomes, RetrySchedule schedule,
               EngineSettings settings, SinkMetrics metrics, Clock clock, Timers timers, Executor engine, ParkedKeys parked,
               ParkedReader reader, Housekeeping housekeeping) {
        this.sender = sender;
        this.outcomes = outcomes;
        this.retry = settings.retry();
        this.clock = clock;
        this.parked = parked;
        LimitSettings limits = settings.limits();
        this.tenants = new TenantStates(housekeeping.forgetGoneTenantsAfter(),
                () -> new TenantCircuit(limits.failuresToOpen(), schedule));
        this.slots = new SendSlots(limits, clock, timers, this::advance);
        this.memory = new RetryMemory(limits.maxBufferedRetries());
        this.loads = new ParkedLoads(reader::read, memory, lanes, tenants, timers, clock, this::loadsEnded);
        this.views = new ViewWaits(barrier::read, barrier::await, engine, this::advance);
        this.intake = new Intake(settings.groupId(), lanes, tenants, memory, views, outcomes);
        this.heads = new HeadRules(view, views, parked, slots, limits, retry, clock);
        this.requests = new Requests(sender, slots, metrics, clock, engine, this::answered);
        this.answers = new AnswerRules(view, clock, schedule, retry);
        this.wakeups = new Wakeups(clock, timers, tenants, view, slots, this::advance);
        this.upkeep = new TenantUpkeep(tenants, lanes, view, metrics, clock);
    }

    /** A record just polled: queued behind its key's earlier ones, and started at once when it is the head. */
    void accept(PartitionWork work, ConsumerRecord<String, byte[]> record) {
        KeyLane lane = intake.take(work, record);
        if (lane != null && lane.state == KeyLane.State.IDLE) advance(lane);
    }

    /** Works the lane's head until the lane is sending, waiting, or empty. */
    void advance(KeyLane lane) {
        while (lane.state == KeyLane.State.IDLE && !lane.items.isEmpty()) {
            if (draining || lane.work.isClosing()) return;
            Item item = lane.items.peek();
            TenantState tenant = tenant(lane.tenant);
            HeadRules.Step step = heads.next(lane, item, tenant);
            if (step instanceof HeadRules.Send send) {
                if (!requests.trySend(lane, item, tenant, send.config())) return;
            } else if (step instanceof HeadRules.Drop drop) {
                pop(lane);
                outcomes.dropped(lane, item, drop.reason());
            } else if (step instanceof HeadRules.Expired expired) {
                pop(lane);
                outcomes.deadLetter(lane, item, expired.reason(), retry.maxAge());
                wakeups.ifProbeEnded(tenant);
            } else if (step instanceof HeadRules.Park park) {
                pop(lane);
                item.notBefore = park.notBefore();
                item.notBeforeSetAt = clock.millis();
                outcomes.park(lane, item, park.cause(), true, () -> advance(lane));
                return;
            } else if (step instanceof HeadRules.Wait wait) {
                wakeups.await(lane, tenant, wait.until());
                return;
            } else if (step instanceof HeadRules.Load) {
                // Half open, one notification is the probe: the tenant's other lanes wait rather than all being read again.
                tenant.circuit.loadStarted();
                loads.start(lane);
                return;
            } else {
                views.await(lane);
                return;
            }
        }
        if (lane.items.isEmpty() && lane.state == KeyLane.State.IDLE) lanes.forget(lane);
    }

    /** Carries out what the answer means ({@link AnswerRules}), unless its partition was revoked meanwhile. */
    private void answered(Requests.Answered answer) {
        if (!answer.lane().work.isRevoked()) {
            handle(answer, answers.judge(answer));
            advance(answer.lane());
        }
        // The probe ended without an answer either way (dead-lettered, say): let the next one go.
        wakeups.ifAwaitsProbe(answer.tenant());
    }

    private void handle(Requests.Answered answer, AnswerRules.Next next) {
        KeyLane lane = answer.lane();
        Item item = answer.item();
        wakeups.probeAt(answer.tenant(), next.probeAt());
        if (next instanceof AnswerRules.Delivered delivered) {
            pop(lane);
            outcomes.delivered(lane, item);
            if (delivered.recovered()) wakeups.wakeAll(answer.tenant());
            return;
        }
        outcomes.failed(lane, item, answer.config(), ((AnswerRules.Failed) next).logged());
        if (next instanceof AnswerRules.DeadLetter dead) {
            pop(lane);
            outcomes.deadLetter(lane, item, dead.reason(), null);
            return;
        }
        String receipt = next instanceof AnswerRules.Refused ? DeliveryReceipt.PARKED : DeliveryReceipt.RETRIED;
        outcomes.receipt(item, receipt, item.lastStatus, item.lastCause);
        if (!lane.fromRetryTopic()) {
            pop(lane);
            outcomes.park(lane, item, item.lastCause, false, () -> advance(lane));
        }
    }

    /** Lanes whose head was read again, or is not on the retry topic any more: they go on. */
    private void loadsEnded(List<KeyLane> ready) {
        for (KeyLane lane : ready) {
            tenant(lane.tenant).circuit.loadEnded();
            Item head = lane.items.peek();
            if (!head.isLoaded()) {
                pop(lane);
                outcomes.lost(lane, head, "not on the retry topic any more (retention?) or unreadable there");
            }
        }
        ready.forEach(this::advance);
        // A half-open tenant whose probe ended without a request (lost, expired) lets its next one try.
        ready.stream().map(lane -> tenant(lane.tenant)).distinct().forEach(wakeups::ifProbeEnded);
    }

    /** A config record was written for the tenant, or for all ({@link Wakeups#configChanged}). */
    void configChanged(String tenantName) {
        wakeups.configChanged(tenantName);
    }

    /** Idle HTTP connections close; waiting notifications past the max age go to the DLQ now; gone tenants go. */
    void sweep() {
        sender.closeIdle();
        wakeups.wakeExpired(item -> heads.expired(item) != null);
        upkeep.forgetGone();
    }

    /** The partitions' lanes are set aside; their records are the next owner's (from the last commit). */
    void revoke(List<PartitionWork> works) {
        Set<TenantState> probesLost = new HashSet<>();
        for (PartitionWork work : works) {
            work.revoke();
            for (KeyLane lane : loads.revoke(work)) {
                TenantState tenant = tenant(lane.tenant);
                if (tenant.circuit.loadEnded()) probesLost.add(tenant);
            }
            lanes.setAside(work, lane -> {
                TenantState tenant = tenant(lane.tenant);
                slots.withdraw(tenant, lane);
                tenant.waiting.remove(lane);
                if (work.retryTopic) {
                    memory.dropped(lane.items);
                } else {
                    tenant.queued -= lane.items.size();
                }
            });
            if (!work.retryTopic) parked.forget(work.partition.partition());
        }
        probesLost.forEach(wakeups::wakeAll);
    }

    /** From now on nothing new is sent; what is in flight finishes. */
    void drain() {
        draining = true;
    }

    private void pop(KeyLane lane) {
        Item item = lanes.pop(lane);
        if (lane.fromRetryTopic()) {
            memory.removed(item);
        } else {
            tenant(lane.tenant).queued--;
        }
    }

    private TenantState tenant(String name) {
        return tenants.get(name);
    }

    /** Takes every tenant's status and history for readers on other threads ({@link #statuses()}, {@link #history}). */
    void publishStatus() {
        upkeep.publish();
    }

    /** The statuses last published; any thread. */
    List<TenantStatus> statuses() {
        return upkeep.statuses();
    }

    /** The tenant's hour as last published, empty when it has no status row; any thread. */
    Optional<TenantHistory> history(String tenant) {
        return upkeep.history(tenant);
    }

    int tenantCount() {
        return tenants.size();
    }

    int inFlight() {
        return slots.inFlight();
    }

    int bufferedMain() {
        return lanes.bufferedMain();
    }

    int bufferedRetries() {
        return memory.buffered();
    }

    int unloadedRetries() {
        return memory.unloaded();
    }
}
