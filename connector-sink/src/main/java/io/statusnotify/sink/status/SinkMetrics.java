package io.statusnotify.sink.status;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Every meter the sink records, in one place, each with its description: the {@code # HELP} line of its family on
 * /metrics. Names are part of the operating contract (dashboards, tests).
 */
public final class SinkMetrics {
    public static final String DELIVERED = "sns.sink.delivered";
    public static final String ATTEMPTS = "sns.sink.attempts";
    public static final String FAILURES = "sns.sink.failures";
    public static final String PARKED = "sns.sink.parked";
    public static final String DEAD_LETTERED = "sns.sink.dead-lettered";
    public static final String DROPPED = "sns.sink.dropped";
    static final String HTTP_LATENCY = "sns.sink.http.latency";
    static final String END_TO_END_LATENCY = "sns.sink.end-to-end.latency";
    public static final String IN_FLIGHT = "sns.sink.in-flight";
    public static final String BUFFERED = "sns.sink.buffered";
    static final String TENANT_IN_FLIGHT = "sns.sink.tenant.in-flight";
    public static final String TENANT_IN_FLIGHT_LIMIT = "sns.sink.tenant.in-flight.limit";
    static final String TENANT_WAITING = "sns.sink.tenant.waiting";
    static final String TENANT_OLDEST_WAITING = "sns.sink.tenant.oldest-waiting.seconds";
    static final String CIRCUIT_STATE = "sns.sink.circuit.state";
    public static final String PARTITIONS_ASSIGNED = "sns.sink.partitions.assigned";
    public static final String PARTITIONS_REVOKED = "sns.sink.partitions.revoked";
    /** Counted by {@link io.statusnotify.schema.ConfigRefusals}, tag {@code rule}. */
    public static final String CONFIG_REFUSED = "sns.sink.config.refused";
    private static final List<String> TENANT_COUNTERS = List.of(DELIVERED, ATTEMPTS, FAILURES, PARKED, DEAD_LETTERED,
            DROPPED);
    /** One text for the three registrations: Prometheus takes a family's HELP line from the first meter of a name. */
    private static final String BUFFERED_HELP = "notifications this instance holds, by topic: read and not yet done"
            + " (notifications, retry), or parked and remembered by offset only, read again when due (retry-by-offset)";

    private final MeterRegistry registry;
    /** Looked up once per tenant: these two move for every notification. */
    private final Map<String, Counter> delivered = new ConcurrentHashMap<>();
    private final Map<String, Counter> attempts = new ConcurrentHashMap<>();
    private final Timer httpLatency;
    private final Timer endToEnd;

    private final TenantTags tags;
    private final MultiGauge tenantInFlight;
    private final MultiGauge tenantInFlightLimit;
    private final MultiGauge tenantWaiting;
    private final MultiGauge tenantOldestWaiting;
    private final MultiGauge circuitState;

    public SinkMetrics(MeterRegistry registry, int maxTenantTags) {
        this.registry = registry;
        this.tags = new TenantTags(maxTenantTags);
        this.tenantInFlight = MultiGauge.builder(TENANT_IN_FLIGHT).description("a tenant's HTTP requests open")
                .register(registry);
        this.tenantInFlightLimit = MultiGauge.builder(TENANT_IN_FLIGHT_LIMIT)
                .description("a tenant's concurrency limit now: the HTTP requests it may have open at once (adaptive,"
                        + " SNS_TENANT_LIMIT; at most its maxInFlight or SNS_TENANT_MAX_IN_FLIGHT)").register(registry);
        this.tenantWaiting = MultiGauge.builder(TENANT_WAITING)
                .description("a tenant's notifications held by this instance, not yet delivered").register(registry);
        this.tenantOldestWaiting = MultiGauge.builder(TENANT_OLDEST_WAITING)
                .description("age of a tenant's oldest undelivered notification held by this instance").register(registry);
        this.circuitState = MultiGauge.builder(CIRCUIT_STATE)
                .description("1 for each tenant's current delivery state (live, retrying, circuit-open, auth-failed,"
                        + " not-sending)").register(registry);
        this.httpLatency = Timer.builder(HTTP_LATENCY).description("time from request sent to response")
                .publishPercentiles(0.5, 0.95, 0.99).register(registry);
        this.endToEnd = Timer.builder(END_TO_END_LATENCY)
                .description("time from the notification record's timestamp (the portal event's time) to its 2xx")
                .publishPercentiles(0.5, 0.95, 0.99).register(registry);
    }

    /** Gauges read from the engine (its own counters are plain ints: read racily, which a gauge tolerates). */
    public void gauges(Supplier<Number> inFlight, Supplier<Number> bufferedRecords, Supplier<Number> bufferedRetries,
                Supplier<Number> retriesByOffset) {
        Gauge.builder(IN_FLIGHT, inFlight).description("HTTP requests open, all tenants").register(registry);
        Gauge.builder(BUFFERED, bufferedRecords).description(BUFFERED_HELP).tag("topic", "notifications").register(registry);
        Gauge.builder(BUFFERED, bufferedRetries).description(BUFFERED_HELP).tag("topic", "retry").register(registry);
        Gauge.builder(BUFFERED, retriesByOffset).description(BUFFERED_HELP).tag("topic", "retry-by-offset")
                .register(registry);
    }

    public void delivered(String tenant, long endToEndMillis) {
        delivered.computeIfAbsent(tenant, t -> Counter.builder(DELIVERED)
                .description("notifications the tenant's server accepted (2xx)").tag("tenant", tags.of(t))
                .register(registry)).increment();
        if (endToEndMillis >= 0) endToEnd.record(endToEndMillis, TimeUnit.MILLISECONDS);
    }

    public void attempt(String tenant) {
        attempts.computeIfAbsent(tenant, t -> Counter.builder(ATTEMPTS)
                .description("HTTP requests sent to the tenant's server, retries included").tag("tenant", tags.of(t))
                .register(registry)).increment();
    }

    /** One failed attempt; {@code cause} is a status class ({@code 5xx}) or an error kind ({@code timeout}). */
    public void failure(String tenant, String cause) {
        Counter.builder(FAILURES).description("failed attempts, by cause: a status class (4xx, 5xx, 3xx) or an error"
                        + " kind (connect, timeout, ...)")
                .tags("tenant", tags.of(tenant), "cause", cause).register(registry).increment();
    }

    public void parked(String tenant, String cause) {
        Counter.builder(PARKED).description("notifications moved to the retry topic to be tried again later, by cause")
                .tags("tenant", tags.of(tenant), "cause", cause).register(registry).increment();
    }

    public void deadLettered(String tenant, String reason) {
        Counter.builder(DEAD_LETTERED).description("notifications written to the notifications DLQ, by reason")
                .tags("tenant", tags.of(tenant), "reason", reason).register(registry).increment();
    }

    public void dropped(String tenant, String reason) {
        Counter.builder(DROPPED).description("notifications not sent because of the config (unknown, disabled or invalid"
                        + " tenant; global switch off), by reason")
                .tags("tenant", tags.of(tenant), "reason", reason).register(registry).increment();
    }

    /** The per-tenant gauges, from the engine's latest status (tenants past the tag cap are summed as {@code _other}). */
    public void tenants(List<TenantStatus> statuses) {
        Map<String, double[]> byTag = new HashMap<>();
        Map<List<String>, Double> states = new HashMap<>();
        for (TenantStatus status : statuses) {
            String tag = tags.of(status.tenant());
            double[] sums = byTag.computeIfAbsent(tag, t -> new double[4]);
            sums[0] += status.inFlight();
            sums[1] += status.waiting();
            if (status.oldestWaitingAgeMillis() != null) sums[2] = Math.max(sums[2], status.oldestWaitingAgeMillis() / 1000.0);
            if (status.inFlightLimit() != null) sums[3] += status.inFlightLimit();
            states.merge(List.of(tag, status.state()), 1.0, Double::sum);
        }
        tenantInFlight.register(rows(byTag, 0), true);
        tenantWaiting.register(rows(byTag, 1), true);
        tenantOldestWaiting.register(rows(byTag, 2), true);
        tenantInFlightLimit.register(rows(byTag, 3), true);
        circuitState.register(states.entrySet().stream().map(e -> MultiGauge.Row.of(
                Tags.of("tenant", e.getKey().get(0), "state", e.getKey().get(1)), e.getValue())).toList(), true);
    }

    /**
     * A forgotten tenant's counters leave the registry and its tag's place is freed; what it counted as
     * {@value TenantTags#OTHER} stays there. Its gauges go at the next {@link #tenants} without it.
     */
    public void forget(String tenant) {
        delivered.remove(tenant);
        attempts.remove(tenant);
        if (!tags.forget(tenant)) return;
        for (String name : TENANT_COUNTERS) {
            registry.find(name).tag("tenant", tenant).meters().forEach(registry::remove);
        }
        // A tenant counted as _other may now get the freed tag: its cached counters are looked up again.
        delivered.keySet().removeIf(t -> !tags.isNamed(t));
        attempts.keySet().removeIf(t -> !tags.isNamed(t));
    }

    private static List<MultiGauge.Row<?>> rows(Map<String, double[]> byTag, int index) {
        return byTag.entrySet().stream()
                .<MultiGauge.Row<?>>map(e -> MultiGauge.Row.of(Tags.of("tenant", e.getKey()), e.getValue()[index]))
                .toList();
    }

    /**
     * The group gave this instance partition {@code partition} of the {@code topic} ({@code notifications} or
     * {@code retry}): one series per partition, as many as the topics have, so which partitions moved in a rebalance
     * can be read off the instances.
     */
    public void partitionAssigned(String topic, int partition) {
        Counter.builder(PARTITIONS_ASSIGNED).description("partitions the consumer group assigned to this instance,"
                        + " by topic (notifications, retry) and partition number")
                .tags("topic", topic, "partition", Integer.toString(partition)).register(registry).increment();
    }

    /** This instance gave the partition up: revoked in a rebalance, lost (a missed session), or let go at shutdown. */
    public void partitionRevoked(String topic, int partition) {
        Counter.builder(PARTITIONS_REVOKED).description("partitions this instance gave up (revoked in a rebalance, lost"
                        + " after a missed session, or let go at shutdown), by topic (notifications, retry) and partition"
                        + " number")
                .tags("topic", topic, "partition", Integer.toString(partition)).register(registry).increment();
    }

    public void httpLatency(long nanos) {
        httpLatency.record(Duration.ofNanos(nanos));
    }
}
