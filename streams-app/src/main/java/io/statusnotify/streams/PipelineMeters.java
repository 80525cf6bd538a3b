package io.statusnotify.streams;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Every meter of the streams app, registered in the registry it is given. */
final class PipelineMeters {
    static final String EVENTS_IN = "sns.streams.events.in";
    static final String NOTIFICATIONS_OUT = "sns.streams.notifications.out";
    static final String EVENTS_DROPPED = "sns.streams.events.dropped";
    static final String EVENTS_DEAD_LETTERED = "sns.streams.events.dead-lettered";
    static final String UNKNOWN_VALUES = "sns.streams.unknown.values";
    /** Counted by {@link io.statusnotify.schema.ConfigRefusals}, tag {@code rule}. */
    static final String CONFIG_REFUSED = "sns.streams.config.refused";

    private final MeterRegistry registry;
    private final Counter eventsIn;
    private final Counter notificationsOut;
    /** By tag value, resolved once: a registry lookup per record built a meter id and hashed its tags each time. */
    private final Map<String, Counter> deadLettered = new ConcurrentHashMap<>();
    private final Map<String, Counter> unknownValues = new ConcurrentHashMap<>();
    private final Map<DropReason, Counter> drops = new EnumMap<>(DropReason.class);

    PipelineMeters(MeterRegistry registry) {
        this.registry = registry;
        this.eventsIn = Counter.builder(EVENTS_IN).description("user-status events read").register(registry);
        this.notificationsOut = Counter.builder(NOTIFICATIONS_OUT).description("notifications written").register(registry);
        for (DropReason reason : DropReason.values()) {
            // Visible at zero, so dashboards and alerts see every reason from the start.
            drops.put(reason, dropCounter(reason));
        }
    }

    void eventIn() {
        eventsIn.increment();
    }

    void notificationOut() {
        notificationsOut.increment();
    }

    void dropped(DropReason reason) {
        drops.get(reason).increment();
    }

    void deadLettered(String reason) {
        deadLettered.computeIfAbsent(reason, r -> Counter.builder(EVENTS_DEAD_LETTERED)
                .description("unusable user-status events sent to the DLQ").tag("reason", r).register(registry))
                .increment();
    }

    void unknownValue(String field) {
        unknownValues.computeIfAbsent(field, f -> Counter.builder(UNKNOWN_VALUES)
                .description("enum values the seed does not document, passed through").tag("field", f)
                .register(registry)).increment();
    }

    private Counter dropCounter(DropReason reason) {
        return Counter.builder(EVENTS_DROPPED).description("valid events that produced no notification")
                .tag("reason", reason.code()).register(registry);
    }
}
