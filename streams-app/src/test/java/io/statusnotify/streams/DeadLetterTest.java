package io.statusnotify.streams;

import io.statusnotify.schema.DeadLetterHeaders;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.statusnotify.streams.TopologyFixture.event;
import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterTest {
    @TempDir
    Path stateDir;
    TopologyFixture app;

    @BeforeEach
    void start() {
        app = new TopologyFixture(stateDir);
        app.enable("acme");
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "not json at all                                                      | not-json",
            "{\"user\":{\"userName\":\"a\",\"tenantName\":\"acme\",\"userState\":7}} | wrong-type",
            "{\"user\":{\"userName\":\"a\",\"tenantName\":\"acme\"}}                 | missing-field",
            "{\"room\":{\"roomID\":1}}                                             | missing-field",
            "[1,2,3]                                                              | wrong-type"})
    void unusableEventGoesToTheDlqWithItsOriginalBytesAndWhy(String value, String reason) {
        // given
        byte[] original = value.getBytes(StandardCharsets.UTF_8);
        // when
        app.send("acme/alice", original);
        // then
        List<TestRecord<String, byte[]>> dead = app.dlq.readRecordsToList();
        assertThat(dead).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo("acme/alice");
            assertThat(r.value()).isEqualTo(original);
            assertThat(header(r, DeadLetterHeaders.REASON)).isEqualTo(reason);
            assertThat(header(r, DeadLetterHeaders.MESSAGE)).isNotBlank();
            assertThat(header(r, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo("portal.user-status");
            assertThat(header(r, DeadLetterHeaders.SOURCE_PARTITION)).isEqualTo("0");
            assertThat(header(r, DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo("0");
            assertThat(Long.parseLong(header(r, DeadLetterHeaders.FAILED_AT))).isPositive();
        });
        assertThat(app.notifications()).isEmpty();
        assertThat(app.count(PipelineMeters.EVENTS_DEAD_LETTERED, "reason", reason)).isEqualTo(1);
    }

    @Test
    void nextGoodEventStillFlowsAfterABadOne() {
        app.send("acme/alice", "{oops".getBytes(StandardCharsets.UTF_8));
        app.send(event("acme", "alice", "Online"));

        assertThat(app.dlq.readRecordsToList()).hasSize(1);
        assertThat(app.notifications()).extracting(TestRecord::key).containsExactly("acme/alice");
    }

    @Test
    void eventWithoutValueGoesToTheDlq() {
        app.send("acme/alice", null);

        assertThat(app.dlq.readRecordsToList()).singleElement()
                .satisfies(r -> assertThat(header(r, DeadLetterHeaders.REASON)).isEqualTo("null-value"));
    }

    @Test
    void deadLetterKeepsTheInputHeadersAndTimestamp() {
        RecordHeaders headers = new RecordHeaders(new Header[]{
                new RecordHeader("trace-id", "t-1".getBytes(StandardCharsets.UTF_8))});
        Instant sent = Instant.ofEpochMilli(1_750_000_000_000L);

        app.events.pipeInput(new TestRecord<>("acme/alice", "nope".getBytes(StandardCharsets.UTF_8), headers, sent));

        assertThat(app.dlq.readRecordsToList()).singleElement().satisfies(r -> {
            assertThat(header(r, "trace-id")).isEqualTo("t-1");
            assertThat(r.timestamp()).isEqualTo(sent.toEpochMilli());
        });
    }

    @Test
    void aNotificationOverTheSizeLimitIsSetAsideWithItsInput() {
        // given a small limit and an event that fits under it, but whose notification does not
        try (TopologyFixture small = new TopologyFixture(stateDir.resolve("small"), Map.of("SNS_MAX_RECORD_BYTES", "20000"))) {
            small.enable("acme");
            String name = "x".repeat(20000 - DeadLetters.OVERHEAD_BYTES - 110);
            byte[] original = ("{\"user\":{\"userName\":\"a\",\"tenantName\":\"acme\",\"userState\":\"Online\",\"displayName\":\""
                    + name + "\"}}").getBytes(StandardCharsets.UTF_8);

            // when
            small.send("acme/a", original);
            small.send("acme/a", "{\"user\":{\"userName\":\"a\",\"tenantName\":\"acme\",\"userState\":\"Busy\"}}".getBytes(StandardCharsets.UTF_8));

            // then it is dead-lettered with its original bytes, and the next event still flows
            assertThat(small.dlq.readRecordsToList()).singleElement().satisfies(r -> {
                assertThat(header(r, DeadLetterHeaders.REASON)).isEqualTo("too-large");
                assertThat(r.value()).isEqualTo(original);
            });
            assertThat(small.notifications.readRecordsToList()).hasSize(1);
        }
    }

    @Test
    void aDeadLetterOverTheSizeLimitCarriesWhereTheOriginalIsInsteadOfItsBytes() {
        try (TopologyFixture small = new TopologyFixture(stateDir.resolve("tiny"), Map.of("SNS_MAX_RECORD_BYTES", "20000"))) {
            // when an unusable record larger than the limit arrives
            small.send("acme/a", "y".repeat(25000).getBytes(StandardCharsets.UTF_8));

            // then its dead letter has no value but says why and where the original is
            assertThat(small.dlq.readRecordsToList()).singleElement().satisfies(r -> {
                assertThat(r.value()).isNull();
                assertThat(r.key()).isEqualTo("acme/a");
                assertThat(header(r, DeadLetterHeaders.REASON)).isEqualTo("not-json");
                assertThat(header(r, DeadLetterHeaders.ORIGINAL_OMITTED)).contains("SNS_MAX_RECORD_BYTES");
                assertThat(header(r, DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo("0");
            });
        }
    }

    private static String header(TestRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
