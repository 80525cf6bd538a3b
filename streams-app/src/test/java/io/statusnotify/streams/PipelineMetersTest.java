package io.statusnotify.streams;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.statusnotify.schema.ConfigEntry;
import io.statusnotify.schema.ConfigRefusals;
import io.statusnotify.testing.DeclaredNames;
import org.junit.jupiter.api.Test;
import org.slf4j.helpers.NOPLogger;

import static org.assertj.core.api.Assertions.assertThat;

class PipelineMetersTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final PipelineMeters meters = new PipelineMeters(registry);

    @Test
    void givenEveryMeterMoved_whenListed_thenEachMeterOfTheStreamsAppIsThereWithADescription() {
        meters.eventIn();
        meters.notificationOut();
        meters.dropped(DropReason.UNKNOWN_TENANT);
        meters.deadLettered("not-json");
        meters.unknownValue("user.userState");
        // The refusal counter is registered by the reader's ConfigRefusals, under the name PipelineMeters declares.
        new ConfigRefusals(registry, PipelineMeters.CONFIG_REFUSED, NOPLogger.NOP_LOGGER)
                .refused(new ConfigEntry.Invalid("acme", "password.length", "too long"));

        // Each name's meters (every tag combination) describe themselves: /metrics prints it as the family's HELP.
        assertThat(registry.getMeters().stream().map(m -> m.getId().getName()).distinct())
                .containsExactlyInAnyOrderElementsOf(DeclaredNames.withPrefix(PipelineMeters.class, "sns."));
        assertThat(registry.getMeters()).allSatisfy(meter -> assertThat(meter.getId().getDescription())
                .as("description of %s", meter.getId()).isNotBlank());
    }
}
