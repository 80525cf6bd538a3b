package io.statusnotify.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.statusnotify.schema.DeadLetterHeaders;
import io.statusnotify.schema.Json;
import io.statusnotify.testing.SharedKafka;
import io.statusnotify.testing.TestKafka;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** dlq list and dlq replay against a real broker, with dead letters shaped as the sink writes them. */
@ExtendWith(SharedKafka.class)
class DlqCommandsIT {
    private static final byte[] ACME_NOTIFICATION = EventsAndTailIT.notification("acme", "kram", 8193).getBytes(StandardCharsets.UTF_8);

    private static void deadLetter(TestKafka kafka, String topic, String key, byte[] value, Map<String, String> headers) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(kafka.producerProps(), new StringSerializer(), new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
            headers.forEach((name, v) -> record.headers().add(new RecordHeader(name, v.getBytes(StandardCharsets.UTF_8))));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static OpsRun withDeadLetters(TestKafka kafka) {
        OpsRun ops = OpsRun.on(kafka);
        deadLetter(kafka, ops.topics.notificationsDlq(), "acme/2727", ACME_NOTIFICATION, Map.of(
                DeadLetterHeaders.TENANT, "acme", DeadLetterHeaders.REASON, "http-status", DeadLetterHeaders.STATUS, "500",
                DeadLetterHeaders.MESSAGE, "HTTP 500 Internal Server Error", DeadLetterHeaders.ATTEMPTS, "6"));
        deadLetter(kafka, ops.topics.notificationsDlq(), "acme/9", "{\"version\":".getBytes(StandardCharsets.UTF_8), Map.of(
                DeadLetterHeaders.TENANT, "acme", DeadLetterHeaders.REASON, "malformed", DeadLetterHeaders.MESSAGE, "not valid JSON"));
        deadLetter(kafka, ops.topics.notificationsDlq(), "other/1", EventsAndTailIT.notification("other", "bob", 4097)
                .getBytes(StandardCharsets.UTF_8), Map.of(DeadLetterHeaders.TENANT, "other", DeadLetterHeaders.REASON, "max-age-exceeded"));
        return ops;
    }

    @Test
    void listShowsOneLinePerDeadLetterWithTenantKeySequenceAndReason(TestKafka kafka) throws Exception {
        OpsRun ops = withDeadLetters(kafka);

        OpsRun.Result list = ops.run("dlq", "list", "--tenant", "acme");
        OpsRun.Result json = ops.run("dlq", "list", "--output", "json", "--max", "2");

        assertThat(list.code()).isZero();
        assertThat(list.out()).hasLineCount(2)
                .contains("tenant=acme", "key=acme/2727", "seq=8193", "reason=http-status status=500: HTTP 500 Internal Server Error",
                        "reason=malformed", "[not replayable]")
                .doesNotContain("other/1");
        List<String> lines = json.out().lines().toList();
        assertThat(lines).hasSize(2);
        JsonNode first = Json.mapper().readTree(lines.get(0));
        assertThat(first.path("sequenceNum").asLong()).isEqualTo(8193);
        assertThat(first.path("reason").asText()).isEqualTo("http-status");
        assertThat(first.path("replayable").asBoolean()).isTrue();
    }

    @Test
    void listSinceTheFutureShowsNothing(TestKafka kafka) {
        OpsRun ops = withDeadLetters(kafka);

        OpsRun.Result list = ops.run("dlq", "list", "--since", "2999-01-01T00:00:00Z");

        assertThat(list.code()).isZero();
        assertThat(list.out()).isEmpty();
        assertThat(list.err()).contains("0 of 0 dead letters shown");
    }

    @Test
    void replayMovesADeadLetterBackWithTheSameKeyAndBytesOnceOnly(TestKafka kafka) throws Exception {
        // given
        OpsRun ops = withDeadLetters(kafka);

        // a dry run sends nothing
        OpsRun.Result dryRun = ops.run("dlq", "replay", "--tenant", "acme", "--dry-run");
        assertThat(dryRun.code()).isZero();
        assertThat(dryRun.out()).contains("would replay:", "key=acme/2727", "Would replay 1 dead letter to", "1 not replayable");
        assertThat(kafka.readAll(ops.topics.notifications())).isEmpty();

        // when
        OpsRun.Result replay = ops.run("dlq", "replay", "--tenant", "acme", "--since", "1h");

        // then acme's notification is back on the notifications topic, same key, same bytes, marked as a replay
        assertThat(replay.code()).as(replay.err()).isZero();
        assertThat(replay.out()).contains("Replayed 1 dead letter to", "0 already replayed", "1 not replayable");
        List<ConsumerRecord<String, byte[]>> replayed = kafka.readAll(ops.topics.notifications());
        assertThat(replayed).hasSize(1);
        assertThat(replayed.get(0).key()).isEqualTo("acme/2727");
        assertThat(replayed.get(0).value()).isEqualTo(ACME_NOTIFICATION);
        assertThat(TestKafka.header(replayed.get(0), DlqReplayCommand.REPLAY_HEADER)).startsWith(ops.topics.notificationsDlq() + ":");

        // and a second run sends nothing again
        OpsRun.Result again = ops.run("dlq", "replay", "--tenant", "acme", "--output", "json");
        JsonNode summary = Json.mapper().readTree(again.out());
        assertThat(summary.path("replayed").asInt()).isZero();
        assertThat(summary.path("alreadyReplayed").asInt()).isEqualTo(1);
        assertThat(kafka.readAll(ops.topics.notifications())).hasSize(1);
    }
}
