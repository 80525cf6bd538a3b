package io.statusnotify.sink.engine;


import io.statusnotify.sink.http.AttemptResult;
import io.statusnotify.sink.kafka.DeadLetter;
import io.statusnotify.sink.http.DestinationRefusedException;
import io.statusnotify.sink.kafka.ParkedKeys;
import io.statusnotify.sink.kafka.ParkedReader;
import io.statusnotify.sink.offsets.PartitionWork;
import io.statusnotify.sink.config.ReadBarrier;
import io.statusnotify.sink.http.ResponsePolicy;
import io.statusnotify.sink.kafka.RetryHeaders;
import io.statusnotify.sink.config.Route;
import io.statusnotify.sink.http.Sender;
import io.statusnotify.sink.status.SinkMetrics;
import io.statusnotify.sink.config.TenantConfigView;
import io.statusnotify.sink.status.TenantStatus;
import io.statusnotify.sink.http.Verdict;

import io.statusnotify.schema.BadRecordException;
import io.statusnotify.schema.DeliveryReceipt;
import io.statusnotify.schema.GlobalSettings;
import io.statusnotify.schema.TenantConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Decides, for the head of every key's lane, what happens next — send, wait, park on the retry topic, drop, or
 * dead-letter — and reacts to each attempt's result. Holds every tenant's circuit; who may send when is
 * {@link SendSlots}'. Engine thread only; HTTP and producer callbacks come back through {@code engine}.
 */
final class Dispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    static final String CREDENTIALS_UNUSABLE = "credentials-unusable";

    private final TenantConfigView view;
    private final ReadBarrier barrier;
    private final Sender sender;
    private final Outcomes outcomes;
    private final RetrySchedule schedule;
    private final LimitSettings limits;
    private final String groupId;
    private final RetrySettings retry;
    private final SinkMetrics metrics;
    private final Clock clock;
    private final Timers timers;
    private final Executor engine;
    private final ParkedKeys parked;
    private final TenantStates tenants;
    private final KeyLanes lanes = new KeyLanes();
    private final StatusBoard board = new StatusBoard();
    private final SendSlots slots;
    private final RetryMemory memory;
    private final ParkedLoads loads;
    private boolean draining;
    /** Every item read up to this number ({@link Item#read}) was read before a completed {@link ReadBarrier} round. */
    private long readsCovered;

    Dispatcher(TenantConfigView view, ReadBarrier barrier, Sender sender, Outcomes outcomes, RetrySchedule schedule,
               EngineSettings settings, SinkMetrics metrics, Clock clock, Timers timers, Executor engine, ParkedKeys parked,
               ParkedReader reader, Housekeeping housekeeping) {
        this.view = view;
        this.barrier = barrier;
        this.sender = sender;
        this.outcomes = outcomes;
        this.schedule = schedule;
        this.limits = settings.limits();
        this.groupId = settings.groupId();
        this.retry = settings.retry();
        this.metrics = metrics;
        this.clock = clock;
        this.timers = timers;
        this.engine = engine;
        this.parked = parked;
        this.tenants = new TenantStates(housekeeping.forgetGoneTenantsAfter(),
                () -> new TenantCircuit(limits.failuresToOpen(), schedule));
        this.slots = new SendSlots(limits, clock, timers, this::advance);
        this.memory = new RetryMemory(limits.maxBufferedRetries());
        this.loads = new ParkedLoads(reader::read, memory, lanes, tenants, timers, clock, this::loadsEnded);
    }

    /** A record just polled: queued behind its key's earlier ones, and started at once when it is the head. */
    void accept(PartitionWork work, ConsumerRecord<String, byte[]> record) {
        if (!work.take(record.offset())) return;
        if (work.retryTopic && RetryHeaders.parkedByAnotherGroup(record, groupId)) {
            work.done(record.offset()); // that group delivers it; this one has its own copy from the notifications topic
            return;
        }
        Item item;
        try {
            item = read(record, work.retryTopic);
        } catch (BadRecordException e) {
            outcomes.malformed(work, record, e);
            return;
        }
        item.read = barrier.read();
        KeyLane lane = lanes.add(work, record.key(), item);
        if (work.retryTopic) {
            memory.took(item);
        } else {
            tenant(lane.tenant).queued++;
        }
        if (lane.state == KeyLane.State.IDLE) advance(lane);
    }

    /** Parsed once here; its queueTimestamp is stamped when its first attempt starts ({@link #send}). */
    private Item read(ConsumerRecord<String, byte[]> record, boolean fromRetryTopic) {
        NotificationStamp.Parsed parsed = NotificationStamp.read(record.value());
        return new Item(record, parsed, RetryHeaders.read(record, fromRetryTopic));
    }

    /** Works the lane's head until the lane is sending, waiting, or empty. */
    void advance(KeyLane lane) {
        while (lane.state == KeyLane.State.IDLE && !lane.items.isEmpty()) {
            if (draining || lane.partition.isClosing()) return;
            Item item = lane.items.peek();
            TenantState tenant = tenant(lane.tenant);
            Route route = view.route(item.tenant);
            if (route instanceof Route.Drop drop) {
                if (item.read > readsCovered) {
                    awaitCurrentView(lane);
                    return;
                }
                pop(lane);
                outcomes.dropped(lane, item, drop.reason());
                continue;
            }
            // Null when the tenant's config cannot be used (a secret that does not open): nothing is sent.
            TenantConfig config = route instanceof Route.Send send ? send.target() : null;
            if (route instanceof Route.Unusable unusable) holdUnusable(tenant, unusable);
            if (lane.fromRetryTopic()) {
                String expired = expired(item);
                if (expired == null && !mayTry(lane, item, tenant)) return;
                if (!item.isLoaded()) {
                    load(lane);
                    return;
                }
                if (expired != null) {
                    pop(lane);
                    outcomes.deadLetter(lane, item, expired, retry.maxAge());
                    wakeIfProbeEnded(tenant);
                    continue;
                }
            } else {
                String cause = parkCause(lane, tenant, config);
                if (cause != null) {
                    pop(lane);
                    item.notBefore = tenant.circuit.openUntil();
                    item.notBeforeSetAt = clock.millis();
                    park(lane, item, cause, true);
                    return;
                }
            }
            if (!trySend(lane, item, tenant, config)) return;
        }
        if (lane.items.isEmpty() && lane.state == KeyLane.State.IDLE) lanes.forget(lane);
    }

    /**
     * The streams app built this notification because its view of the config topic sends to the tenant; the sink's
     * view may simply not have the record yet (a tenant configured, enabled or allowed a moment ago). So a drop waits,
     * its key's later notifications behind it, until the view holds everything on the topic now, and is decided again.
     */
    private void awaitCurrentView(KeyLane lane) {
        lane.state = KeyLane.State.WAITING_FOR_CONFIG;
        barrier.await(covered -> engine.execute(() -> viewCurrent(lane, covered)));
    }

    private void viewCurrent(KeyLane lane, long covered) {
        readsCovered = Math.max(readsCovered, covered);
        // Revoked meanwhile: its records are the next owner's. Closing or draining: advance sends nothing.
        if (lane.state != KeyLane.State.WAITING_FOR_CONFIG || lane.partition.isRevoked()) return;
        lane.state = KeyLane.State.IDLE;
        advance(lane);
    }

    /**
     * A config whose secrets cannot be used is held like a refusal: its notifications wait on the retry topic until
     * the record changes (then {@link #configChanged} tries again), and max age still applies.
     */
    private void holdUnusable(TenantState tenant, Route.Unusable unusable) {
        String error = "config cannot be used: " + unusable.cause();
        if (!error.equals(tenant.lastError)) {
            tenant.lastError = error;
            tenant.lastErrorAt = clock.millis();
        }
        if (!tenant.circuit.unusable()) return;
        LOG.warn("Tenant {}'s config cannot be used ({}); its notifications wait on the retry topic until its config"
                + " record changes", tenant.name, unusable.cause());
    }

    /** Why a notification from the notifications topic must go to the retry topic instead of being sent, or null. */
    private String parkCause(KeyLane lane, TenantState tenant, TenantConfig config) {
        if (parked.has(lane.partition.partition.partition(), lane.key)) return "earlier-parked";
        if (config == null) return CREDENTIALS_UNUSABLE;
        return switch (tenant.circuit.state()) {
            case REFUSED -> "auth-failed";
            case OPEN, HALF_OPEN -> "tenant-failing";
            case CLOSED -> tenant.queued > limits.tenantMaxQueued() || slots.queueWaitMillis(tenant, config) > limits.tenantMaxQueueWait().toMillis()
                    ? "tenant-backlog" : null;
        };
    }

    private String expired(Item item) {
        if (retry.maxAttempts() > 0 && item.attempts >= retry.maxAttempts()) return DeadLetter.RETRIES_EXHAUSTED;
        if (clock.millis() - item.createdAt > retry.maxAge().toMillis()) return DeadLetter.MAX_AGE;
        return null;
    }

    /** A parked notification may be tried when its tenant's circuit lets it (one probe at a time when half open). */
    private boolean mayTry(KeyLane lane, Item item, TenantState tenant) {
        long now = clock.millis();
        boolean blocked = !tenant.circuit.mayTry(now);
        // A recovery or a new config since the wait was set ends the wait.
        long notBefore = tenant.circuit.closedAfter(item.notBeforeSetAt) ? 0 : item.notBefore;
        if (!blocked && now >= notBefore) return true;
        lane.state = KeyLane.State.WAITING_FOR_TENANT;
        tenant.waiting.add(lane);
        if (!blocked) timers.at(notBefore, () -> wake(lane, tenant));
        return false;
    }

    private boolean trySend(KeyLane lane, Item item, TenantState tenant, TenantConfig config) {
        if (!slots.take(lane, tenant, config)) return false;
        send(lane, item, tenant, config);
        return true;
    }

    private void send(KeyLane lane, Item item, TenantState tenant, TenantConfig config) {
        lane.state = KeyLane.State.SENDING;
        lane.partition.requestStarted();
        item.attempts++;
        // queueTimestamp: it leaves the queue now, not when it was polled (it may have waited behind its user's
        // previous notification, or for a slot or a rate token).
        if (item.firstAttemptAt == 0) item.firstAttemptAt = clock.millis();
        byte[] body = item.bodyToSend();
        boolean probe = tenant.circuit.requestStarted();
        metrics.attempt(tenant.name);
        int tenantInFlight = tenant.inFlight;
        long startedAt = System.nanoTime();
        sender.post(config, item.sequenceNum == null ? null : item.sequenceNum.toString(), body, result -> engine.execute(
                () -> completed(lane, item, tenant, config, probe, result, startedAt, System.nanoTime() - startedAt,
                        tenantInFlight)));
    }

    private void completed(KeyLane lane, Item item, TenantState tenant, TenantConfig config, boolean probe,
                           AttemptResult result, long startedAt, long nanos, int tenantInFlight) {
        Verdict verdict = ResponsePolicy.classify(result, clock.instant());
        slots.answered(tenant, config, verdict, probe, startedAt, nanos, tenantInFlight);
        slots.ended(tenant);
        lane.partition.requestEnded();
        lane.state = KeyLane.State.IDLE;
        if (probe) tenant.circuit.probeEnded();
        metrics.httpLatency(nanos);
        tenant.observeLatency(nanos / 1_000_000.0);
        if (!lane.partition.isRevoked()) {
            handle(lane, item, tenant, config, probe, result, verdict);
            advance(lane);
        }
        if (tenant.circuit.awaitsProbe()) {
            // The probe ended without an answer either way (dead-lettered, say): let the next one go.
            wakeWaiting(tenant);
        }
        slots.release(tenant);
    }

    private void handle(KeyLane lane, Item item, TenantState tenant, TenantConfig config, boolean probe, AttemptResult result,
                        Verdict verdict) {
        item.lastStatus = result instanceof AttemptResult.Response r ? r.status() : null;
        // An answer to a config that has since been replaced says nothing about the tenant as it is now.
        boolean current = isCurrent(tenant.name, config);
        TenantCircuit.Attempt attempt = new TenantCircuit.Attempt(config, current, probe);
        if (verdict instanceof Verdict.Success) {
            pop(lane);
            outcomes.delivered(lane, item);
            tenant.delivered.add(clock.millis());
            if (tenant.circuit.succeeded(clock.millis(), attempt)) {
                LOG.info("Tenant {} answers again; delivering its parked notifications, in order, before newer ones", tenant.name);
                wakeWaiting(tenant);
            }
            return;
        }
        String cause = verdict instanceof Verdict.Retry r ? r.cause()
                : verdict instanceof Verdict.Park p ? p.cause() : ((Verdict.Fail) verdict).cause();
        item.lastCause = cause;
        item.lastError = outcomes.describe(result, config);
        metrics.failure(tenant.name, cause);
        tenant.failed.add(clock.millis());
        tenant.lastError = item.lastError;
        tenant.lastErrorAt = clock.millis();
        if (verdict instanceof Verdict.Fail) {
            outcomes.logFailure(lane, item, config, "not retryable; dead-lettering");
            pop(lane);
            String reason = item.lastStatus != null ? DeadLetter.HTTP_STATUS
                    : DestinationRefusedException.CAUSE.equals(cause) ? DestinationRefusedException.CAUSE : DeadLetter.REQUEST_FAILED;
            outcomes.deadLetter(lane, item, reason, null);
            return;
        }
        boolean refused = verdict instanceof Verdict.Park;
        long now = clock.millis();
        if (!current) {
            item.notBefore = 0;
        } else if (refused) {
            if (tenant.circuit.refused(attempt)) {
                LOG.warn("Tenant {} refuses our requests ({}); parking its notifications until its config record changes",
                        tenant.name, item.lastError);
            }
            item.notBefore = 0;
        } else {
            Verdict.Retry retryVerdict = (Verdict.Retry) verdict;
            probeLater(tenant, tenant.circuit.failed(now, attempt, retryVerdict), retryVerdict);
            long openUntil = tenant.circuit.openUntil();
            item.notBefore = openUntil != 0 ? openUntil
                    : now + schedule.delay(item.attempts, retryVerdict.throttled(), retryVerdict.retryAfter()).toMillis();
        }
        item.notBeforeSetAt = now;
        outcomes.logFailure(lane, item, config, refused ? "parked until the tenant's config changes" : "will retry");
        if (retry.maxAttempts() > 0 && item.attempts >= retry.maxAttempts()) {
            pop(lane);
            outcomes.deadLetter(lane, item, DeadLetter.RETRIES_EXHAUSTED, null);
            return;
        }
        outcomes.receipt(item, refused ? DeliveryReceipt.PARKED : DeliveryReceipt.RETRIED, item.lastStatus, cause);
        if (!lane.fromRetryTopic()) {
            pop(lane);
            park(lane, item, cause, false);
        }
    }

    /** Moves the notification to the retry topic; the key's next one waits until Kafka has it, so order holds. */
    private void park(KeyLane lane, Item item, String cause, boolean withReceipt) {
        lane.state = KeyLane.State.PARKING;
        outcomes.park(lane, item, cause, withReceipt, () -> {
            lane.state = KeyLane.State.IDLE;
            advance(lane);
        });
    }

    private boolean isCurrent(String tenant, TenantConfig config) {
        return view.route(tenant) instanceof Route.Send send && send.target().equals(config);
    }

    /** After a failure that opened the circuit or kept it open longer, its probe is due at the new time. */
    private void probeLater(TenantState tenant, TenantCircuit.Failed failed, Verdict.Retry verdict) {
        long probeAt;
        if (failed instanceof TenantCircuit.Opened opened) {
            if (opened.fromClosed()) {
                LOG.warn("Tenant {} is failing ({}); its notifications go to the retry topic, next try in {} ms",
                        tenant.name, verdict.cause(), opened.delayMillis());
            }
            probeAt = opened.nextProbeAt();
        } else if (failed instanceof TenantCircuit.Extended extended) {
            probeAt = extended.nextProbeAt();
        } else {
            return;
        }
        timers.at(probeAt, () -> probeDue(tenant));
    }

    private void probeDue(TenantState tenant) {
        if (!tenant.circuit.halfOpenIfDue(clock.millis())) return;
        for (KeyLane lane : tenant.takeWaiting()) {
            if (!tenant.circuit.awaitsProbe()) {
                tenant.waiting.add(lane);
            } else {
                lane.state = KeyLane.State.IDLE;
                advance(lane);
            }
        }
    }

    private void wake(KeyLane lane, TenantState tenant) {
        if (lane.state == KeyLane.State.WAITING_FOR_TENANT && tenant.waiting.remove(lane)) {
            lane.state = KeyLane.State.IDLE;
            advance(lane);
        }
    }

    private void wakeWaiting(TenantState tenant) {
        for (KeyLane lane : tenant.takeWaiting()) {
            lane.state = KeyLane.State.IDLE;
            advance(lane);
        }
    }

    /**
     * A config record was written for the tenant (or, for {@code __global__}, for every tenant). The tenant's own new
     * record ends a failure state at once, even when it is the same as before (writing it again is how ops say "try
     * now"); a global record ends it only for a tenant whose config now differs from the one that failed. A disabled
     * or deleted tenant's waiting notifications are dropped.
     */
    void configChanged(String tenantName) {
        if (GlobalSettings.KEY.equals(tenantName)) {
            List.copyOf(tenants.all()).forEach(tenant -> reconsider(tenant, false));
            return;
        }
        TenantState tenant = tenants.find(tenantName);
        if (tenant != null) reconsider(tenant, true);
    }

    private void reconsider(TenantState tenant, boolean ownRecord) {
        if (view.route(tenant.name) instanceof Route.Send send
                && tenant.circuit.configChanged(clock.millis(), send.target(), ownRecord)) {
            LOG.info("Tenant {} has a new config record; trying its parked notifications now", tenant.name);
        }
        wakeWaiting(tenant);
        slots.releaseTenant(tenant);
    }

    /**
     * Every waiting notification older than the max age goes to the DLQ now, not when its tenant recovers; idle HTTP
     * connections are closed; tenants gone and idle for the grace are forgotten.
     */
    void sweep() {
        sender.closeIdle();
        for (TenantState tenant : tenants.all()) {
            for (KeyLane lane : List.copyOf(tenant.waiting)) {
                if (!lane.items.isEmpty() && expired(lane.items.peek()) != null) wake(lane, tenant);
            }
        }
        forgetGoneTenants();
    }

    /** A tenant deleted (or never configured) and idle for the grace: its state, status row and series go. */
    private void forgetGoneTenants() {
        List<String> forgotten = tenants.forgetGone(clock.millis(), view::hasRecord, lanes.tenants());
        if (forgotten.isEmpty()) return;
        forgotten.forEach(metrics::forget);
        LOG.info("Forgot {} tenant(s) without a config record that held nothing for a while: {}", forgotten.size(),
                forgotten.size() <= 20 ? forgotten : forgotten.subList(0, 20) + " and more");
        publishStatus(); // the page and gauges lose them now, not at the next refresh
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
        probesLost.forEach(this::wakeWaiting);
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

    /** The lane's head is to be tried (or dead-lettered): its record is read again first. */
    private void load(KeyLane lane) {
        // Half open, one notification is the probe: the tenant's other lanes wait rather than all being read again.
        tenant(lane.tenant).circuit.loadStarted();
        loads.start(lane);
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
        ready.stream().map(lane -> tenant(lane.tenant)).distinct().forEach(this::wakeIfProbeEnded);
    }

    private void wakeIfProbeEnded(TenantState tenant) {
        if (tenant.circuit.readyForProbe()) {
            wakeWaiting(tenant);
        }
    }

    /** Takes every tenant's status for readers on other threads ({@link #statuses()}). */
    void publishStatus() {
        board.refresh(tenants.byName(), lanes.mainLanes(), lanes.retryLanes(), view, clock.millis());
        metrics.tenants(board.current());
    }

    /** The statuses last published; any thread. */
    List<TenantStatus> statuses() {
        return board.current();
    }

    int tenantCount() {
        return tenants.size();
    }
}
