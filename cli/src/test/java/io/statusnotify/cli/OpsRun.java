package io.statusnotify.cli;

import io.statusnotify.settings.Settings;
import io.statusnotify.testing.TestKafka;
import io.statusnotify.topics.TopicLayout;
import io.statusnotify.topics.TopicNames;
import io.statusnotify.topics.TopicProvisioner;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;

/** Runs ops commands in this JVM against a test broker with topics of their own (SNS_TOPIC_* set to a fresh prefix). */
final class OpsRun {
    final TopicNames topics;
    final Map<String, String> environment;

    private OpsRun(TopicNames topics, Map<String, String> environment) {
        this.topics = topics;
        this.environment = environment;
    }

    /** Fresh topics, created as the apps create them (compacted config topic and all). */
    static OpsRun on(TestKafka kafka) {
        return on(kafka, TestKafka.uniqueName("ops"), Map.of());
    }

    /** Topics named {@code prefix}..., and {@code more} environment (the apps' settings, keys). */
    static OpsRun on(TestKafka kafka, String prefix, Map<String, String> more) {
        TopicNames topics = TopicNames.prefixed(prefix);
        Map<String, String> environment = new HashMap<>(topics.asEnvironment());
        environment.putAll(more);
        environment.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        environment.put("SNS_TOPIC_PARTITIONS", "3");
        environment.put("SNS_TOPIC_REPLICATION_FACTOR", "1");
        TopicProvisioner.ensureTopics(kafka.admin(), topics, TopicLayout.from(Settings.of(environment)));
        return new OpsRun(topics, Map.copyOf(environment));
    }

    /** The same topics, with more environment (e.g. SNS_SECRET_KEYS). */
    OpsRun with(Map<String, String> more) {
        Map<String, String> environment = new HashMap<>(this.environment);
        environment.putAll(more);
        return new OpsRun(topics, Map.copyOf(environment));
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = run(out, err, args);
        return new Result(code, out.toString(), err.toString());
    }

    int run(StringWriter out, StringWriter err, String... args) {
        CommandLine commandLine = StatusnotifyCommand.commandLine(new StatusnotifyCommand(), environment);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    record Result(int code, String out, String err) {
    }
}
