package io.statusnotify.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.statusnotify.schema.Json;
import io.statusnotify.testing.SharedKafka;
import io.statusnotify.testing.TestKafka;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** events send and tail against a real broker. */
@ExtendWith(SharedKafka.class)
class EventsAndTailIT {
    private static final String KRAM = "{\"user\":{\"userName\":\"kram\",\"memberID\":\"2727\",\"userState\":\"Busy\",\"tenantName\":\"acme\"},\"eventTimestamp\":1764079200000}";
    private static final String GUEST = "{\"user\":{\"userName\":\"guest7\",\"userState\":\"Online\",\"tenantName\":\"acme\"}}";
    private static final String NO_USER_NAME = "{\"user\":{\"memberID\":\"9\",\"userState\":\"Busy\",\"tenantName\":\"acme\"}}";
    private static final String WRONG_TYPE = "{\"user\":{\"userName\":\"x\",\"userState\":\"Busy\",\"tenantName\":\"acme\"},\"room\":{\"roomID\":\"20\"}}";
    private final ExecutorService runner = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        runner.shutdownNow();
    }

    private static Path mixedFile(Path dir) throws Exception {
        return Files.writeString(dir.resolve("events.jsonl"),
                KRAM + "\n" + NO_USER_NAME + "\n\n" + GUEST + "\r\nnot json at all\n" + WRONG_TYPE + "\n");
    }

    @Test
    void aFileWithBadLinesSendsNothingAndNamesEachBadLine(TestKafka kafka, @TempDir Path dir) throws Exception {
        OpsRun ops = OpsRun.on(kafka);

        OpsRun.Result send = ops.run("events", "send", "--file", mixedFile(dir).toString());

        assertThat(send.code()).isEqualTo(2);
        assertThat(send.err()).contains("line 2: missing-field: required field missing or empty: user.userName",
                "line 5: not-json", "line 6: wrong-type: field 'room.roomID': expected an integer, got a string");
        assertThat(send.out()).contains("Sent nothing: 3 of 5 lines are bad");
        assertThat(kafka.readAll(ops.topics.userStatus())).isEmpty();
    }

    @Test
    void skipBadSendsTheGoodLinesKeyedAsThePortalDoesWithTheirBytesAndStillExitsTwo(TestKafka kafka, @TempDir Path dir) throws Exception {
        OpsRun ops = OpsRun.on(kafka);

        OpsRun.Result send = ops.run("events", "send", "--file", mixedFile(dir).toString(), "--skip-bad", "--output", "json");

        assertThat(send.code()).isEqualTo(2);
        JsonNode summary = Json.mapper().readTree(send.out());
        assertThat(summary.path("sent").asInt()).isEqualTo(2);
        assertThat(summary.path("bad")).extracting(line -> line.path("line").asInt()).containsExactly(2, 5, 6);
        List<ConsumerRecord<String, byte[]>> records = kafka.awaitRecords(ops.topics.userStatus(), 2, Duration.ofSeconds(30));
        assertThat(records).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("acme/2727", "acme/guest7");
        assertThat(records).extracting(r -> new String(r.value(), StandardCharsets.UTF_8)).containsExactlyInAnyOrder(KRAM, GUEST);
    }

    @Test
    void aGoodFileIsSentWhole(TestKafka kafka, @TempDir Path dir) throws Exception {
        OpsRun ops = OpsRun.on(kafka);
        Path file = Files.writeString(dir.resolve("good.jsonl"), KRAM + "\n" + GUEST + "\n");

        OpsRun.Result send = ops.run("events", "send", "--file", file.toString());

        assertThat(send.code()).as(send.err()).isZero();
        assertThat(send.out()).contains("Sent 2 events to " + ops.topics.userStatus());
        assertThat(kafka.readAll(ops.topics.userStatus())).hasSize(2);
    }

    @Test
    void tailPrintsANotificationWrittenAfterItStarted(TestKafka kafka) throws Exception {
        // given tail following the end of the notifications topic, for one tenant that has no config record
        OpsRun ops = OpsRun.on(kafka);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Future<Integer> tail = runner.submit(() -> ops.run(out, err, "tail", "--tenant", "acme", "--max", "1"));
        await().atMost(Duration.ofSeconds(30)).until(() -> err.toString().contains("Following"));

        // when another tenant's and then acme's notifications are written
        kafka.send(ops.topics.notifications(), "other/1", notification("other", "bob", 4097));
        kafka.send(ops.topics.notifications(), "acme/2727", notification("acme", "kram", 8193));

        // then it prints acme's only, and stops after one; it said acme has no config record, and waited anyway
        assertThat(tail.get(30, TimeUnit.SECONDS)).isZero();
        assertThat(out.toString()).hasLineCount(1).contains("tenant=acme", "user=kram", "Busy", "seq=8193", "key=acme/2727")
                .doesNotContain("bob");
        assertThat(err.toString()).contains("tail: tenant 'acme' has no config record");
    }

    @Test
    void tailOfAConfiguredTenantSaysNothingAboutItsConfig(TestKafka kafka) throws Exception {
        OpsRun ops = OpsRun.on(kafka);
        kafka.send(ops.topics.tenantConfig(), "acme", "{\"enabled\":true,\"serverUrl\":\"https://a.example/sns\"}");
        kafka.send(ops.topics.notifications(), "acme/2727", notification("acme", "kram", 8193));

        OpsRun.Result tail = ops.run("tail", "--tenant", "acme", "--from-beginning", "--max", "1");

        assertThat(tail.code()).isZero();
        assertThat(tail.out()).contains("seq=8193");
        assertThat(tail.err()).contains("Following").doesNotContain("config record");
    }

    @Test
    void tailFromTheBeginningInJsonPrintsTheNotificationAsIs(TestKafka kafka) throws Exception {
        OpsRun ops = OpsRun.on(kafka);
        kafka.send(ops.topics.notifications(), "acme/2727", notification("acme", "kram", 8193));

        OpsRun.Result tail = ops.run("tail", "--from-beginning", "--max", "1", "--output", "json");

        assertThat(tail.code()).isZero();
        JsonNode line = Json.mapper().readTree(tail.out());
        assertThat(line.path("key").asText()).isEqualTo("acme/2727");
        assertThat(line.path("notification")).isEqualTo(Json.mapper().readTree(notification("acme", "kram", 8193)));
    }

    static String notification(String tenant, String user, long sequenceNum) {
        return "{\"version\":1,\"sequenceNum\":" + sequenceNum + ",\"creationTimestamp\":1764079200000,"
                + "\"userStatusNotification\":{\"user\":{\"userName\":\"" + user + "\",\"memberID\":\"2727\","
                + "\"userState\":\"Busy\",\"tenantName\":\"" + tenant + "\"}}}";
    }
}
