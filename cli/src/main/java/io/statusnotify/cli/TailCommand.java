package io.statusnotify.cli;

import io.statusnotify.schema.ConfigEntry;
import io.statusnotify.tenants.ConfigSnapshot;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/** {@code statusnotify tail}: notifications as the streams app builds them, one line each. */
@Command(name = "tail", mixinStandardHelpOptions = true,
        header = "Prints notifications as they are built.",
        description = "Prints the notifications the streams app builds (SNS_TOPIC_NOTIFICATIONS) as they come, from the " +
                "end of the topic unless --from-beginning; one line each (time, tenant, user, state, call state, " +
                "sequenceNum, key) or, with --output json, one JSON object a line (topic, partition, offset, timestamp, " +
                "key, notification). Uses no consumer group: it changes nothing for the sink. Ctrl-C stops it.",
        exitCodeListHeading = OpsHelp.EXIT_CODES_HEADING,
        exitCodeList = {OpsHelp.OK, OpsHelp.FAILED, OpsHelp.USAGE},
        footerHeading = OpsHelp.EXAMPLES,
        footer = {"  statusnotify tail", "  statusnotify tail --tenant acme --from-beginning --max 20",
                "  statusnotify tail --output json | jq .notification.sequenceNum"})
final class TailCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    OpsOptions ops;

    @Option(names = "--from-beginning", description = "Start at the oldest notification still on the topic.")
    boolean fromBeginning;

    @Option(names = "--tenant", paramLabel = "T", description = "Only this tenant's notifications.")
    String tenant;

    @Option(names = "--max", paramLabel = "N", description = "Stop after N notifications.")
    Long max;

    @Override
    public Integer call() {
        if (max != null && max < 1) {
            throw OpsFailure.usage("--max: must be at least 1, was " + max);
        }
        String topic = ops.topics().notifications();
        KafkaClients clients = ops.clients();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (KafkaConsumer<String, byte[]> consumer = clients.consumer()) {
            List<TopicPartition> partitions = clients.partitions(consumer, topic);
            consumer.assign(partitions);
            if (fromBeginning) consumer.seekToBeginning(partitions); else consumer.seekToEnd(partitions);
            // Resolve the start now, so nothing written after the line below is missed.
            partitions.forEach(p -> clients.call("read " + topic, () -> consumer.position(p, clients.timeout())));
            err.println("Following " + topic + (tenant == null ? "" : " for tenant " + tenant) + " (Ctrl-C stops)...");
            err.flush();
            if (tenant != null) {
                // Read after the start is resolved: notifications written meanwhile are still printed, just later.
                String notice = configNotice(tenant, () -> new ConfigStore(clients, ops.topics().tenantConfig()).read());
                if (notice != null) err.println(notice);
                err.flush();
            }
            Thread hook = new Thread(consumer::wakeup, "statusnotify-tail-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                follow(consumer, clients, topic, out);
            } catch (WakeupException e) {
                // Ctrl-C: a normal end.
            } finally {
                removeHook(hook);
            }
        }
        return StatusnotifyCommand.OK;
    }

    private void follow(KafkaConsumer<String, byte[]> consumer, KafkaClients clients, String topic, PrintWriter out) {
        long printed = 0;
        while (max == null || printed < max) {
            for (ConsumerRecord<String, byte[]> record : clients.call("read " + topic, () -> consumer.poll(Duration.ofMillis(500)))) {
                TailLine line = TailLine.of(record);
                if (tenant != null && !tenant.equals(line.tenant())) {
                    continue;
                }
                out.println(ops.json() ? line.json() : line.text());
                out.flush();
                if (max != null && ++printed >= max) {
                    return;
                }
            }
        }
    }

    /**
     * Why {@code tenant} may get no notifications at all (the streams app builds none for a tenant without a valid
     * config record), or null when it has one, or when the config topic cannot be read: tail then waits as it would
     * anyway, and a tenant configured later does get notifications.
     */
    static String configNotice(String tenant, Supplier<ConfigSnapshot> config) {
        ConfigSnapshot snapshot;
        try {
            snapshot = config.get();
        } catch (OpsFailure | KafkaException e) {
            return null;
        }
        if (snapshot.tenants().containsKey(tenant)) return null;
        ConfigEntry.Invalid unusable = snapshot.unusable(tenant);
        String problem = unusable == null ? "has no config record"
                : "has an unusable config record (" + unusable.reason() + ")";
        return "tail: tenant '" + tenant + "' " + problem + ", so the streams app builds no notifications for it; "
                + "waiting for them anyway (it may be configured later)";
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // Shutting down already: the hook is what stopped us.
        }
    }
}
