package io.statusnotify.sink;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Every meter the sink records, in one place. Names are part of the operating contract (dashboards, tests). */
final class SinkMetrics {
    static final String DELIVERED = "sns.sink.delivered";
    static final String ATTEMPTS = "sns.sink.attempts";
    static final String FAILURES = "sns.sink.failures";
    static final String PARKED = "sns.sink.parked";
    static final String DEAD_LETTERED = "sns.sink.dead-lettered";
    static final String DROPPED = "sns.sink.dropped";
    static final String HTTP_LATENCY = "sns.sink.http.latency";
    static final String END_TO_END_LATENCY = "sns.sink.end-to-end.latency";
    static final String IN_FLIGHT = "sns.sink.in-flight";
    static final String BUFFERED = "sns.sink.buffered";

    private final MeterRegistry registry;
    /** Looked up once per tenant: these two move for every notification. */
    private final Map<String, Counter> delivered = new ConcurrentHashMap<>();
    private final Map<String, Counter> attempts = new ConcurrentHashMap<>();
    private final Timer httpLatency;
    private final Timer endToEnd;

    SinkMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.httpLatency = Timer.builder(HTTP_LATENCY).description("time from request sent to response")
                .publishPercentiles(0.5, 0.95, 0.99).register(registry);
        this.endToEnd = Timer.builder(END_TO_END_LATENCY)
                .description("time from the notification record's timestamp (the portal event's time) to its 2xx")
                .publishPercentiles(0.5, 0.95, 0.99).register(registry);
    }

    /** Gauges read from the engine (its own counters are plain ints: read racily, which a gauge tolerates). */
    void gauges(Supplier<Number> inFlight, Supplier<Number> bufferedRecords, Supplier<Number> bufferedRetries,
                Supplier<Number> retriesByOffset) {
        Gauge.builder(IN_FLIGHT, inFlight).description("HTTP requests open").register(registry);
        Gauge.builder(BUFFERED, bufferedRecords).tag("topic", "notifications").register(registry);
        Gauge.builder(BUFFERED, bufferedRetries).tag("topic", "retry").register(registry);
        Gauge.builder(BUFFERED, retriesByOffset).tag("topic", "retry-by-offset")
                .description("parked notifications remembered by offset only, read again when due").register(registry);
    }

    void delivered(String tenant, long endToEndMillis) {
        delivered.computeIfAbsent(tenant, t -> registry.counter(DELIVERED, "tenant", t)).increment();
        if (endToEndMillis >= 0) endToEnd.record(endToEndMillis, TimeUnit.MILLISECONDS);
    }

    void attempt(String tenant) {
        attempts.computeIfAbsent(tenant, t -> registry.counter(ATTEMPTS, "tenant", t)).increment();
    }

    /** One failed attempt; {@code cause} is a status class ({@code 5xx}) or an error kind ({@code timeout}). */
    void failure(String tenant, String cause) {
        registry.counter(FAILURES, "tenant", tenant, "cause", cause).increment();
    }

    void parked(String tenant, String cause) {
        registry.counter(PARKED, "tenant", tenant, "cause", cause).increment();
    }

    void deadLettered(String reason) {
        registry.counter(DEAD_LETTERED, "reason", reason).increment();
    }

    void dropped(String reason) {
        registry.counter(DROPPED, "reason", reason).increment();
    }

    void httpLatency(long nanos) {
        httpLatency.record(Duration.ofNanos(nanos));
    }
}
