package io.statusnotify.system;

import io.statusnotify.testing.SharedKafka;
import io.statusnotify.testing.TestKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The seed's example, end to end on the in-process broker: portal topic -> streams app -> sink -> HTTP receiver. */
@ExtendWith(SharedKafka.class)
class SeedExampleEndToEndIT {

    @Test
    void seedExampleReachesTheTenantsReceiverWithTheSeedsKeysTypesAndBasicAuth(TestKafka kafka) {
        SeedScenario.runAgainst(kafka.bootstrapServers(), "seed");
    }
}
