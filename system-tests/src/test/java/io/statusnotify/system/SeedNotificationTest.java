package io.statusnotify.system;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The comparison the end-to-end tests rely on must itself catch a wrong key, type, nesting or value. */
class SeedNotificationTest {
    private static final String GOLDEN = Events.resource("/golden/seed-notification.json");

    @Test
    void theGoldenNotificationMatchesItselfWhateverThePipelineSetsItsNumbersTo() {
        String renumbered = GOLDEN.replace("1118325485454984", "4096").replace("1118335848153124", "1764079200000");

        assertThatCode(() -> SeedNotification.assertMatchesSeed(renumbered)).doesNotThrowAnyException();
    }

    @Test
    void aKeyWithOtherCasingIsCaught() {
        assertThatThrownBy(() -> SeedNotification.assertMatchesSeed(GOLDEN.replace("\"memberID\"", "\"memberId\"")))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void aNumberSentAsAStringIsCaught() {
        assertThatThrownBy(() -> SeedNotification.assertMatchesSeed(GOLDEN.replace("\"roomID\" : 20", "\"roomID\" : \"20\"")))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void aMissingNullGatewayFieldIsCaught() {
        assertThatThrownBy(() -> SeedNotification.assertMatchesSeed(GOLDEN.replace("\"gwid\" : null,", "")))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void aBodyFieldOutsideUserStatusNotificationIsCaught() {
        String flattened = GOLDEN.replace("\"version\" : 1,", "\"version\" : 1, \"tenantName\" : \"Default\",");

        assertThatThrownBy(() -> SeedNotification.assertMatchesSeed(flattened)).isInstanceOf(AssertionError.class);
    }

    @Test
    void aChangedValueIsCaught() {
        assertThatThrownBy(() -> SeedNotification.assertMatchesSeed(GOLDEN.replace("Krishnan Ram", "Someone Else")))
                .isInstanceOf(AssertionError.class);
    }
}
