package io.statusnotify.cli;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Sends dead-lettered notifications back to delivery: to the notifications topic with the same key and " +
                "the same bytes (so the same sequenceNum; receivers de-duplicate by it), stamped with the header " +
                DlqReplayCommand.REPLAY_HEADER + " = <dlq topic>:<partition>:<offset>. The record time is the replay time, so the sink's " +
                "max age starts again. Safe to run twice: before sending, the notifications topic is read from the time " +
                "of the oldest dead letter to replay, and those already replayed (by that header) are skipped. " +
                "Not replayed: dead letters the sink could not read (reason malformed) or that carry no value. " +
                "Malformed portal events (SNS_TOPIC_USER_STATUS_DLQ) are never replayed: they are not notifications. " +
                "If a replayed notification fails again, it is dead-lettered again as a new record.",
        exitCodeListHeading = OpsHelp.EXIT_CODES_HEADING,
        exitCodeList = {OpsHelp.OK, OpsHelp.FAILED, OpsHelp.USAGE},
        footerHeading = OpsHelp.EXAMPLES,
        footer = {"  statusnotify dlq replay --tenant acme --since 2h --dry-run", "  statusnotify dlq replay --tenant acme --since 2h",
                "  statusnotify dlq replay --since 2026-11-25T08:00:00Z --output json"})
final class DlqReplayCommand implements Callable<Integer> {
    static final String REPLAY_HEADER = "sns.replay.of";
    private static final java.time.Duration CLOCK_SKEW_MARGIN = java.time.Duration.ofHours(1);

    @Spec
    CommandSpec spec;

    @Mixin
    OpsOptions ops;

    @Mixin
    DeadLetterFilter filter;

    @Option(names = "--dry-run", description = "Show what would be replayed; send nothing.")
    boolean dryRun;

    @Override
    public Integer call() {
        Instant from = filter.from();
        KafkaClients clients = ops.clients();
        String dlq = ops.topics().notificationsDlq();
        String notifications = ops.topics().notifications();
        List<ConsumerRecord<String, byte[]>> candidates = new ArrayList<>();
        int[] notReplayable = {0};
        TopicToEnd.read(clients, dlq, from, record -> {
            DeadLetterView letter = DeadLetterView.of(record);
            if (!filter.matches(letter)) return;
            if (letter.replayable()) candidates.add(record); else notReplayable[0]++;
        });
        Set<String> done = alreadyReplayed(clients, notifications, candidates);
        List<ConsumerRecord<String, byte[]>> toSend = candidates.stream().filter(r -> !done.contains(marker(r))).toList();
        PrintWriter out = spec.commandLine().getOut();
        if (dryRun && !ops.json()) {
            toSend.forEach(record -> out.println("would replay: " + DeadLetterView.of(record).text()));
        }
        int sent = dryRun ? 0 : send(clients, notifications, toSend);
        report(out, dryRun ? toSend.size() : sent, candidates.size() - toSend.size(), notReplayable[0], notifications);
        return StatusnotifyCommand.OK;
    }

    /** The markers of replays already on the notifications topic (they are younger than their dead letters). */
    private static Set<String> alreadyReplayed(KafkaClients clients, String topic, List<ConsumerRecord<String, byte[]>> candidates) {
        Set<String> done = new HashSet<>();
        if (candidates.isEmpty()) return done;
        long oldest = candidates.stream().mapToLong(ConsumerRecord::timestamp).min().orElseThrow();
        // Record times come from different hosts' clocks (the sink's, ours): start well before, in case they differ.
        TopicToEnd.read(clients, topic, Instant.ofEpochMilli(oldest).minus(CLOCK_SKEW_MARGIN), record -> {
            Header header = record.headers().lastHeader(REPLAY_HEADER);
            if (header != null && header.value() != null) {
                done.add(new String(header.value(), StandardCharsets.UTF_8));
            }
        });
        return done;
    }

    private static int send(KafkaClients clients, String topic, List<ConsumerRecord<String, byte[]>> records) {
        List<ProducerRecord<String, byte[]>> replays = records.stream().map(record -> new ProducerRecord<>(topic, null, null,
                record.key(), record.value(),
                List.<Header>of(new RecordHeader(REPLAY_HEADER, marker(record).getBytes(StandardCharsets.UTF_8))))).toList();
        return clients.sendAll(topic, replays, "running replay again sends only the rest");
    }

    private void report(PrintWriter out, int replayed, int already, int notReplayable, String topic) {
        if (ops.json()) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("dryRun", dryRun);
            result.put(dryRun ? "wouldReplay" : "replayed", replayed);
            result.put("alreadyReplayed", already);
            result.put("notReplayable", notReplayable);
            OpsOptions.printJson(out, result);
            return;
        }
        out.println(summary(dryRun, replayed, already, notReplayable, topic));
        out.flush();
    }

    static String summary(boolean dryRun, int replayed, int already, int notReplayable, String topic) {
        return (dryRun ? "Would replay " : "Replayed ") + Words.count(replayed, "dead letter") + " to " + topic
                + "; " + already + " already replayed before (skipped); " + notReplayable
                + " not replayable (malformed or without a value).";
    }

    static String marker(ConsumerRecord<String, byte[]> record) {
        return record.topic() + ":" + record.partition() + ":" + record.offset();
    }
}
