package io.statusnotify.sink.engine;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A failing tenant's half-open probe through the whole core ({@link EngineFixture}; one failure opens the circuit,
 * for 100 ms): one probe at a time, also when the circuit closed and opened again while an older probe was still out.
 */
class HalfOpenProbeTest {
    private static final Duration OPEN_FOR = Duration.ofMillis(100);
    private EngineFixture sink;

    @AfterEach
    void close() {
        if (sink != null) sink.close();
    }

    /** Three users' notifications failed, wait on the retry topic, and the first went as the probe when it was due. */
    private void probing() {
        sink = EngineFixture.start("SNS_CIRCUIT_FAILURES_TO_OPEN", "1").tenants("acme").assign(0);
        sink.usersEach("acme", 1, 2, 3);
        sink.step();
        for (long sequenceNum = 1; sequenceNum <= 3; sequenceNum++) sink.sender.answer(sequenceNum, 500);
        sink.step();
        sink.readBackRetryTopic();
        sink.step();
        assertThat(sink.sender.open()).as("open: nothing is tried").isEmpty();

        sink.advance(OPEN_FOR);
        sink.step();
        assertThat(sink.sender.open()).as("half open: one probe").containsExactly(1L);
    }

    @Test
    void givenAHalfOpenTenant_whenItsProbeIsOut_thenNothingElseOfItIsTriedUntilItAnswers() {
        probing();

        sink.step();
        assertThat(sink.sender.open()).containsExactly(1L);

        sink.sender.answer(1, 200);
        sink.step();
        assertThat(sink.sender.open()).as("closed again: the others go").containsExactly(2L, 3L);
    }

    @Test
    void givenAProbeStillOutWhenTheCircuitClosedAndOpenedAgain_whenThatOldProbeEnds_thenOnlyTheNewProbeIsOut() {
        probing();
        sink.tenant("acme", EngineFixture.config("acme")); // its record written again: "try now" closes the circuit
        sink.step();
        assertThat(sink.sender.open()).containsExactly(1L, 2L, 3L);
        sink.sender.answer(2, 500); // opens it again
        sink.sender.answer(3, 500);
        sink.step();
        sink.advance(OPEN_FOR);
        sink.step();
        assertThat(sink.sender.open()).as("the new probe beside the old one").containsExactly(1L, 2L);

        sink.sender.answer(1, 400); // the old probe ends without settling anything: dead-lettered
        sink.step();

        assertThat(sink.sender.open()).as("still one probe of this opening").containsExactly(2L);
        sink.sender.answer(2, 200);
        sink.step();
        assertThat(sink.sender.open()).containsExactly(3L);
    }
}
