package io.statusnotify.sink;

import io.micrometer.core.instrument.MeterRegistry;

/** Every meter the sink records, in one place. Names are part of the operating contract (dashboards, tests). */
final class SinkMetrics {
    static final String DELIVERED = "sns.sink.delivered";
    static final String ATTEMPTS = "sns.sink.attempts";
    static final String FAILURES = "sns.sink.failures";
    static final String DEAD_LETTERED = "sns.sink.dead-lettered";
    static final String DROPPED = "sns.sink.dropped";

    private final MeterRegistry registry;

    SinkMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void delivered(String tenant) {
        registry.counter(DELIVERED, "tenant", tenant).increment();
    }

    void attempt(String tenant) {
        registry.counter(ATTEMPTS, "tenant", tenant).increment();
    }

    /** One failed attempt; {@code cause} is a status class ({@code 5xx}) or an error kind ({@code timeout}). */
    void failure(String tenant, String cause) {
        registry.counter(FAILURES, "tenant", tenant, "cause", cause).increment();
    }

    void deadLettered(String reason) {
        registry.counter(DEAD_LETTERED, "reason", reason).increment();
    }

    void dropped(String reason) {
        registry.counter(DROPPED, "reason", reason).increment();
    }
}
