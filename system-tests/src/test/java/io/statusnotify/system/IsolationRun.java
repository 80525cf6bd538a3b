package io.statusnotify.system;

import io.statusnotify.testing.TestKafka;
import org.awaitility.core.ConditionTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

import static org.awaitility.Awaitility.await;

/**
 * A {@link TrafficPlan} played through an in-process sink to its own {@link TenantFleet}, with a fault injected
 * while it plays: what each tenant got, what was sent, and what the receipts say.
 */
final class IsolationRun {
    private static final Logger LOG = LoggerFactory.getLogger(IsolationRun.class);
    /** After the traffic ends, how long the sink may take to deliver what is left (parked records included). */
    static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration RECEIPTS_TIMEOUT = Duration.ofSeconds(20);

    private IsolationRun() {
    }

    /**
     * Short retry delays, and the sink's default response timeout (10 s; the shared test settings use 5 s): a stall
     * of this shared machine should not look like a slow server.
     */
    static PipelineEnv env(TestKafka kafka, String name) {
        return PipelineEnv.fresh(kafka, name).withShortRetries().with("SNS_HTTP_RESPONSE_TIMEOUT", "10s");
    }

    /**
     * Plays {@code plan} through a sink on {@code env} to tenants whose servers are {@code endpoints}, and runs
     * {@code fault} while it plays (given the feed and the plan; it returns when the fault is over). Returns once
     * every tenant got every notification and no more requests came for a quiet period.
     */
    static IsolationResult play(PipelineEnv env, TrafficPlan plan, Function<String, Endpoint> endpoints,
                                BiConsumer<NotificationFeed, TrafficPlan> fault) {
        env.provisionTopics();
        Duration planLength = Duration.ofMillis(plan.total() * 1000L / plan.perSecond());
        try (TenantFleet fleet = TenantFleet.start(plan.tenants(), endpoints)) {
            fleet.configure(env);
            try (InProcessSink sink = InProcessSink.start(env);
                 NotificationFeed feed = new NotificationFeed(env.bootstrapServers(), env.topics().notifications())) {
                feed.start(plan);
                fault.accept(feed, plan);
                feed.awaitAcknowledged(planLength.plus(Duration.ofSeconds(60)));
                fleet.awaitEverything(feed, DRAIN_TIMEOUT);
                return resultOf(env, fleet, feed);
            }
        }
    }

    private static IsolationResult resultOf(PipelineEnv env, TenantFleet fleet, NotificationFeed feed) {
        Receipts receipts = receiptsWhenComplete(env, Set.copyOf(feed.sentSequenceNums()));
        Map<String, Deliveries> byTenant = new LinkedHashMap<>();
        fleet.tenants().forEach(t -> byTenant.put(t, fleet.deliveries(t)));
        LOG.info("{} notifications sent, {} requests received, receipts {}", feed.sent(),
                byTenant.values().stream().mapToInt(d -> d.all().size()).sum(), receipts.countByOutcome());
        return new IsolationResult(env, byTenant, feed.sentByUser(), receipts);
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
