package io.statusnotify.streams;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Every meter of the streams app, registered in the registry it is given. */
final class PipelineMeters {
    static final String EVENTS_IN = "sns.streams.events.in";
    static final String NOTIFICATIONS_OUT = "sns.streams.notifications.out";
    static final String EVENTS_DROPPED = "sns.streams.events.dropped";
    static final String EVENTS_DEAD_LETTERED = "sns.streams.events.dead-lettered";
    static final String UNKNOWN_VALUES = "sns.streams.unknown.values";

    private final MeterRegistry registry;
    private final Counter eventsIn;
    private final Counter notificationsOut;

    PipelineMeters(MeterRegistry registry) {
        this.registry = registry;
        this.eventsIn = Counter.builder(EVENTS_IN).description("user-status events read").register(registry);
        this.notificationsOut = Counter.builder(NOTIFICATIONS_OUT).description("notifications written").register(registry);
        for (DropReason reason : DropReason.values()) {
            dropCounter(reason); // visible at zero, so dashboards and alerts see every reason from the start
        }
    }

    void eventIn() {
        eventsIn.increment();
    }

    void notificationOut() {
        notificationsOut.increment();
    }

    void dropped(DropReason reason) {
        dropCounter(reason).increment();
    }

    void deadLettered(String reason) {
        Counter.builder(EVENTS_DEAD_LETTERED).description("unusable user-status events sent to the DLQ")
                .tag("reason", reason).register(registry).increment();
    }

    void unknownValue(String field) {
        Counter.builder(UNKNOWN_VALUES).description("enum values the seed does not document, passed through")
                .tag("field", field).register(registry).increment();
    }

    private Counter dropCounter(DropReason reason) {
        return Counter.builder(EVENTS_DROPPED).description("valid events that produced no notification")
                .tag("reason", reason.code()).register(registry);
    }
}
