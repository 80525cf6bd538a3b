package io.statusnotify.system;

import io.statusnotify.testing.RecordingReceiver;
import io.statusnotify.testing.TestKafka;
import org.awaitility.core.ConditionTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Function;

import static org.awaitility.Awaitility.await;

/**
 * A {@link TrafficPlan} played through in-process sinks side by side, each to its own {@link TenantFleet}: some
 * without a fault (the references) and one with a fault injected while the traffic plays. What each tenant got, and
 * what the receipts say.
 */
final class IsolationRun {
    private static final Logger LOG = LoggerFactory.getLogger(IsolationRun.class);
    /** After the traffic ends, how long the sink may take to deliver what is left (parked records included). */
    static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration RECEIPTS_TIMEOUT = Duration.ofSeconds(20);

    /** One sink with its own topics and tenants: a reference side or the faulty side of a run. */
    record Side(String label, PipelineEnv env, TenantFleet fleet, BiConsumer<NotificationFeed, TrafficPlan> fault) {
    }

    /** The faulty side's result and those of the reference sides that ran beside it. */
    record Comparison(List<SideResult> references, SideResult faulty) {
    }

    /** What a reference side injects. */
    static final BiConsumer<NotificationFeed, TrafficPlan> NO_FAULT = (feed, plan) -> { };

    private static final AtomicBoolean WARMED_UP = new AtomicBoolean();

    private IsolationRun() {
    }

    /**
     * Plays a few seconds of traffic through two sinks once per test JVM, results discarded: without it the first
     * seconds measure the JIT compiler (a cold run showed a p99 four times that of a warm one).
     */
    static void warmUpOnce(TestKafka kafka) {
        if (WARMED_UP.getAndSet(true)) return;
        List<String> tenants = TenantFleet.names(10);
        try (TenantFleet one = TenantFleet.start(tenants, t -> Endpoint.of(RecordingReceiver.start()));
             TenantFleet two = TenantFleet.start(tenants, t -> Endpoint.of(RecordingReceiver.start()))) {
            sideBySide(TrafficPlan.of(tenants, 10, 150, 8), List.of(
                    new Side("warm-up-1", env(kafka, "warm-up"), one, NO_FAULT),
                    new Side("warm-up-2", env(kafka, "warm-up"), two, NO_FAULT)));
        }
    }

    /**
     * Plays {@code plan} through one sink per side at the same time, each to its own topics and tenants, and runs
     * each side's fault while it plays (given that side's feed and the plan; it returns when the fault is over).
     * Side by side rather than one after the other so that all see the same noise of this shared machine: whatever
     * else runs here slows all alike, and only what a fault does to its own sink tells them apart.
     * Returns, in the order of {@code sides}, once every tenant of every side got every notification.
     */
    static List<SideResult> sideBySide(TrafficPlan plan, List<Side> sides) {
        for (Side side : sides) {
            side.env().provisionTopics();
            side.fleet().configure(side.env());
        }
        Duration planLength = Duration.ofMillis(plan.total() * 1000L / plan.perSecond());
        Deque<AutoCloseable> open = new ArrayDeque<>();
        try {
            for (Side side : sides) open.push(InProcessSink.start(side.env()));
            List<NotificationFeed> feeds = new ArrayList<>();
            for (Side side : sides) {
                NotificationFeed feed = new NotificationFeed(side.env().bootstrapServers(), side.env().topics().notifications());
                open.push(feed);
                feeds.add(feed);
            }
            feeds.forEach(feed -> feed.start(plan));
            for (int i = 0; i < sides.size(); i++) sides.get(i).fault().accept(feeds.get(i), plan);
            feeds.forEach(feed -> feed.awaitAcknowledged(planLength.plus(Duration.ofSeconds(60))));
            for (int i = 0; i < sides.size(); i++) sides.get(i).fleet().awaitEverything(feeds.get(i), DRAIN_TIMEOUT);
            List<SideResult> results = new ArrayList<>();
            for (int i = 0; i < sides.size(); i++) results.add(resultOf(sides.get(i), feeds.get(i)));
            return results;
        } finally {
            closeAll(open);
        }
    }

    /**
     * Plays {@code plan} through three sinks side by side: two references whose tenants' servers all answer at once,
     * and one whose tenants' servers are {@code faultyEndpoints}, with {@code fault} injected. Two references, so
     * that how far two fault-free sinks drift apart on this machine is known (see {@link LatencyComparison}).
     */
    static Comparison againstTwoReferences(TestKafka kafka, String name, TrafficPlan plan,
                                           Function<String, Endpoint> faultyEndpoints,
                                           BiConsumer<NotificationFeed, TrafficPlan> fault) {
        try (TenantFleet first = TenantFleet.start(plan.tenants(), t -> Endpoint.of(RecordingReceiver.start()));
             TenantFleet second = TenantFleet.start(plan.tenants(), t -> Endpoint.of(RecordingReceiver.start()));
             TenantFleet faulty = TenantFleet.start(plan.tenants(), faultyEndpoints)) {
            List<SideResult> results = sideBySide(plan, List.of(
                    new Side("reference-1", env(kafka, name + "-reference-1"), first, NO_FAULT),
                    new Side("reference-2", env(kafka, name + "-reference-2"), second, NO_FAULT),
                    new Side(name, env(kafka, name), faulty, fault)));
            return new Comparison(results.subList(0, 2), results.get(2));
        }
    }

    /**
     * Short retry delays, and the sink's default response timeout (10 s; the shared test settings use 5 s): a stall
     * of this shared machine should not look like a slow server.
     */
    private static PipelineEnv env(TestKafka kafka, String name) {
        return PipelineEnv.fresh(kafka, name).withShortRetries().with("SNS_HTTP_RESPONSE_TIMEOUT", "10s");
    }

    private static void closeAll(Deque<AutoCloseable> open) {
        RuntimeException failure = null;
        while (!open.isEmpty()) {
            try {
                open.pop().close();
            } catch (Exception e) {
                if (failure == null) failure = new IllegalStateException("cannot close a sink or feed", e);
                else failure.addSuppressed(e);
            }
        }
        if (failure != null) throw failure;
    }

    private static SideResult resultOf(Side side, NotificationFeed feed) {
        Receipts receipts = receiptsWhenComplete(side.env(), Set.copyOf(feed.sentSequenceNums()));
        Map<String, Deliveries> byTenant = new LinkedHashMap<>();
        side.fleet().tenants().forEach(t -> byTenant.put(t, side.fleet().deliveries(t)));
        LOG.info("{}: {} notifications sent, {} requests received, receipts {}", side.label(), feed.sent(),
                byTenant.values().stream().mapToInt(d -> d.all().size()).sum(), receipts.countByOutcome());
        return new SideResult(side.label(), side.env(), feed.runStartMillis(), byTenant, feed.sentByUser(), receipts);
    }

    /** The receipts once a {@code delivered} one exists for every notification, or as they are after a while. */
    private static Receipts receiptsWhenComplete(PipelineEnv env, Set<Long> sent) {
        try {
            return await("delivered receipts").atMost(RECEIPTS_TIMEOUT).pollInterval(Duration.ofSeconds(1))
                    .until(() -> Receipts.read(env.bootstrapServers(), env.topics().deliveryReceipts()),
                            r -> r.sequenceNums("delivered").containsAll(sent));
        } catch (ConditionTimeoutException e) {
            return Receipts.read(env.bootstrapServers(), env.topics().deliveryReceipts());
        }
    }
}
