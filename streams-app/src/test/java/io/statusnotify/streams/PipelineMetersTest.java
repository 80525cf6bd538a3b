package io.statusnotify.streams;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.statusnotify.testing.DeclaredNames;
import org.junit.jupiter.api.Test;

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

        // Each name's meters (every tag combination) describe themselves: /metrics prints it as the family's HELP.
        assertThat(registry.getMeters().stream().map(m -> m.getId().getName()).distinct())
                .containsExactlyInAnyOrderElementsOf(DeclaredNames.withPrefix(PipelineMeters.class, "sns."));
        assertThat(registry.getMeters()).allSatisfy(meter -> assertThat(meter.getId().getDescription())
                .as("description of %s", meter.getId()).isNotBlank());
    }
}
