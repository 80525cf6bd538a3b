package io.statusnotify.sink.engine;

import io.statusnotify.sink.http.AttemptResult;
import io.statusnotify.sink.http.ResponsePolicy;
import io.statusnotify.sink.http.Sender;
import io.statusnotify.sink.http.Verdict;
import io.statusnotify.sink.status.SinkMetrics;

import io.statusnotify.schema.TenantConfig;

import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * One attempt on the wire: takes the lane's slots ({@link SendSlots}) and posts its head, and when the answer is back
 * on the engine thread frees what the request held (its partition's count, the probe, its slots once the answer has
 * fed the tenant's limit) around handing the {@link Answered} on. What the answer means is {@link AnswerRules}'.
 * Engine thread only; the sender's callback comes back through {@code engine}.
 */
final class Requests {
    /**
     * An attempt's answer; {@code probe}: it was the probe its tenant's circuit waits for; {@code latencyNanos}: from
     * the request sent to its answer on the engine thread (the limit's, {@code sns.sink.http.latency}'s).
     */
    record Answered(KeyLane lane, Item item, TenantState tenant, TenantConfig config, boolean probe,
                    AttemptResult result, Verdict verdict, long latencyNanos) {
    }

    private final Sender sender;
    private final SendSlots slots;
    private final SinkMetrics metrics;
    private final Clock clock;
    private final Executor engine;
    private final Consumer<Answered> answered;

    /** {@code answered} gets each answer, its lane {@link KeyLane.State#IDLE} again; the slots are handed on after it. */
    Requests(Sender sender, SendSlots slots, SinkMetrics metrics, Clock clock, Executor engine,
             Consumer<Answered> answered) {
        this.sender = sender;
        this.slots = slots;
        this.metrics = metrics;
        this.clock = clock;
        this.engine = engine;
        this.answered = answered;
    }

    /** Sends the lane's head now if its slots are free; false when the lane waits for them ({@link SendSlots#take}). */
    boolean trySend(KeyLane lane, Item item, TenantState tenant, TenantConfig config) {
        if (!slots.take(lane, tenant, config)) return false;
        lane.state = KeyLane.State.SENDING;
        lane.work.requestStarted();
        item.attempts++;
        // queueTimestamp: it leaves the queue now, not when it was polled (it may have waited behind its user's
        // previous notification, or for a slot or a rate token).
        if (item.firstAttemptAt == 0) item.firstAttemptAt = clock.millis();
        byte[] body = item.bodyToSend();
        long probe = tenant.circuit.requestStarted();
        metrics.attempt(tenant.name);
        int tenantInFlight = tenant.slots.inFlight();
        long startedAt = System.nanoTime();
        sender.post(config, item.sequenceNum == null ? null : item.sequenceNum.toString(), body, result -> engine.execute(
                () -> {
                    long nanos = System.nanoTime() - startedAt;
                    completed(new Answered(lane, item, tenant, config, tenant.circuit.probeEnded(probe), result,
                            ResponsePolicy.classify(result, clock.instant()), nanos), startedAt, tenantInFlight);
                }));
        return true;
    }

    private void completed(Answered answer, long startedAt, int tenantInFlight) {
        TenantState tenant = answer.tenant();
        long nanos = answer.latencyNanos();
        slots.answered(tenant, answer.config(), answer.verdict(), answer.probe(), startedAt, nanos, tenantInFlight);
        slots.ended(tenant);
        answer.lane().work.requestEnded();
        answer.lane().state = KeyLane.State.IDLE;
        metrics.httpLatency(nanos);
        tenant.observeLatency(nanos / 1_000_000.0);
        answered.accept(answer);
        slots.release(tenant);
    }
}
