package io.statusnotify.cli;

import io.statusnotify.secrets.SecretKeys;
import io.statusnotify.settings.Settings;
import io.statusnotify.settings.SettingsException;
import io.statusnotify.topics.TopicNames;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

/**
 * The options every ops command shares (a picocli mixin): where Kafka is, how to reach it, how long to try, and
 * text or JSON output. Topic names come from the same {@code SNS_TOPIC_*} variables the apps read.
 */
final class OpsOptions {
    enum Output { text, json }

    private final Map<String, String> environment;

    @Option(names = "--bootstrap-server", paramLabel = "HOST:PORT",
            description = "Kafka brokers (default: $KAFKA_BOOTSTRAP_SERVERS). Topic names: the apps' SNS_TOPIC_* variables.")
    String bootstrapServer;

    @Option(names = "--command-config", paramLabel = "FILE",
            description = "Kafka client properties (security.protocol, ssl.*, sasl.*) for every client this command makes.")
    Path commandConfig;

    @Option(names = "--output", paramLabel = "text|json", defaultValue = "text",
            description = "text for people, json for scripts (default: ${DEFAULT-VALUE}).")
    Output output;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "15s",
            description = "How long to wait for Kafka before giving up (default: ${DEFAULT-VALUE}).")
    String timeout;

    OpsOptions() {
        this(System.getenv());
    }

    OpsOptions(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    boolean json() {
        return output == Output.json;
    }

    Duration timeout() {
        try {
            return Settings.of(Map.of("--timeout", timeout)).duration("--timeout", null, Duration.ofSeconds(1), Duration.ofHours(1));
        } catch (SettingsException e) {
            throw OpsFailure.usage(e.getMessage());
        }
    }

    /** The apps' topic names: {@code SNS_TOPIC_*} or the defaults. */
    TopicNames topics() {
        try {
            return TopicNames.from(Settings.of(environment));
        } catch (SettingsException e) {
            throw OpsFailure.usage(e.getMessage());
        }
    }

    /** The key ring of {@code SNS_SECRET_KEYS_FILE} / {@code SNS_SECRET_KEYS} / {@code SNS_SECRET_KEY_ID}; may be empty. */
    SecretKeys secretKeys() {
        try {
            return SecretKeys.from(Settings.of(environment));
        } catch (SettingsException e) {
            throw OpsFailure.usage(e.getMessage());
        }
    }

    /** The environment the settings come from (the process's, or a test's). */
    Map<String, String> environment() {
        return environment;
    }

    String bootstrapServers() {
        String servers = bootstrapServer != null ? bootstrapServer : environment.get("KAFKA_BOOTSTRAP_SERVERS");
        if (servers == null || servers.isBlank()) {
            throw OpsFailure.usage("--bootstrap-server: not given, and KAFKA_BOOTSTRAP_SERVERS is not set either");
        }
        return servers.trim();
    }

    /** The {@code --command-config} properties plus the bootstrap servers: the base of every client's config. */
    Properties clientProperties() {
        Properties props = new Properties();
        if (commandConfig != null) {
            try (Reader reader = Files.newBufferedReader(commandConfig, StandardCharsets.UTF_8)) {
                props.load(reader);
            } catch (IOException | IllegalArgumentException e) {
                throw OpsFailure.usage("--command-config: cannot read " + commandConfig + " (" + e.getClass().getSimpleName() + ")");
            }
        }
        props.put("bootstrap.servers", bootstrapServers());
        return props;
    }

    KafkaClients clients() {
        KafkaClients.quietClientLogs();
        return new KafkaClients(clientProperties(), timeout());
    }

    /** Prints {@code value} as one line of JSON. */
    static void printJson(PrintWriter out, Object value) {
        out.println(new String(io.statusnotify.schema.Json.write(value), StandardCharsets.UTF_8));
        out.flush();
    }
}
