package io.statusnotify.cli;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The ops commands' messages that carry a count read right for one and for many: never "(s)", never "1 records". */
class CountedMessagesTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        // No broker: events send with a bad line sends nothing, so it never makes a Kafka client.
        CommandLine commandLine = StatusnotifyCommand.commandLine(new StatusnotifyCommand(),
                Map.of("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:1"));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void dlqReplaySaysOneDeadLetterAndTwoDeadLetters() {
        assertThat(DlqReplayCommand.summary(false, 1, 0, 1, "sns.notifications"))
                .isEqualTo("Replayed 1 dead letter to sns.notifications; 0 already replayed before (skipped); "
                        + "1 not replayable (malformed or without a value).");
        assertThat(DlqReplayCommand.summary(true, 2, 1, 0, "sns.notifications"))
                .startsWith("Would replay 2 dead letters to sns.notifications;");
    }

    @Test
    void dlqListCountsTheDeadLettersFound() {
        assertThat(DlqListCommand.shownLine(1, 1)).isEqualTo("1 of 1 dead letter shown.");
        assertThat(DlqListCommand.shownLine(2, 5)).isEqualTo("2 of 5 dead letters shown.");
        assertThat(DlqListCommand.shownLine(0, 0)).isEqualTo("0 of 0 dead letters shown.");
    }

    @Test
    void rekeySaysOneSecretLeftAsItIsWithoutParentheses() {
        String one = TenantRekeyCommand.summary(false, 2, 4, "k2", 1);
        String two = TenantRekeyCommand.summary(true, 0, 1, "k2", 2);

        assertThat(one).isEqualTo("Rewrote 2 of 4 tenant records with key k2; "
                + "1 secret left as it is: configure its key and run it again.");
        assertThat(two).isEqualTo("Dry run: would rewrite 0 of 1 tenant record with key k2; "
                + "2 secrets left as they are: configure their keys and run it again.");
        assertThat(one + two).doesNotContain("(s)");
        assertThat(TenantRekeyCommand.summary(false, 1, 1, "k2", 0)).isEqualTo("Rewrote 1 of 1 tenant record with key k2.");
    }

    @Test
    void eventsSendCountsEventsAndLines() {
        assertThat(EventsSendCommand.summary(1, 0, 1, "sns.user-status", false)).isEqualTo("Sent 1 event to sns.user-status.");
        assertThat(EventsSendCommand.summary(2, 1, 2, "sns.user-status", true))
                .isEqualTo("Sent 2 events to sns.user-status; skipped 1 bad line.");
        assertThat(EventsSendCommand.summary(1, 1, 0, "sns.user-status", false))
                .isEqualTo("Sent nothing: 1 of 2 lines is bad. Fix it, or give --skip-bad to send the 1 good one.");
        assertThat(EventsSendCommand.summary(5, 2, 0, "sns.user-status", false))
                .isEqualTo("Sent nothing: 2 of 7 lines are bad. Fix them, or give --skip-bad to send the 5 good ones.");
        assertThat(EventsSendCommand.summary(0, 3, 0, "sns.user-status", false))
                .isEqualTo("Sent nothing: none of the 3 lines is a valid event.");
    }

    @Test
    void eventsSendOfOneBadLineSaysSoInTheSingular(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("one.jsonl"), "not json\n");

        int code = run("events", "send", "--file", file.toString());

        assertThat(code).isEqualTo(2);
        assertThat(out.toString()).isEqualToIgnoringNewLines("Sent nothing: the only line is not a valid event.");
        assertThat(err.toString()).contains("line 1: not-json");
    }

    @Test
    void eventsSendCountsTheBadLinesItDoesNotShowInTheSingularForOne(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("bad.jsonl"), "not json\n".repeat(21));

        int code = run("events", "send", "--file", file.toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("line 20: not-json", "... and 1 more bad line (--output json lists them all)")
                .doesNotContain("line 21:");
        assertThat(out.toString()).contains("none of the 21 lines is a valid event");
    }

    @Test
    void aSendThatFailsSaysHowManyOfOneRecordWereSent() {
        Properties props = new Properties();
        props.put("bootstrap.servers", "127.0.0.1:1");
        KafkaClients clients = new KafkaClients(props, Duration.ofSeconds(1));

        OpsFailure failure = catchThrowableOfType(OpsFailure.class, () -> clients.sendAll("nowhere",
                List.of(new ProducerRecord<>("nowhere", "k", new byte[]{1})), "running it again sends it again"));

        assertThat(failure.getMessage()).endsWith("(0 of 1 record sent; running it again sends it again)");
    }
}
