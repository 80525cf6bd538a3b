package io.statusnotify.cli;

import io.statusnotify.settings.Settings;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The settings the apps get inside {@code up}: the environment's {@code SNS_*} settings (topic names and the
 * like), pointed at the embedded broker. {@code KAFKA_*} variables are left out: they describe some other
 * cluster (security, hosts), not the plaintext broker on localhost.
 */
final class LocalSettings {
    private LocalSettings() {
    }

    static Settings forEmbeddedBroker(Map<String, String> environment, String bootstrapServers, Path dataDir) {
        Map<String, String> env = new HashMap<>();
        environment.forEach((name, value) -> {
            if (!name.startsWith("KAFKA_")) {
                env.put(name, value);
            }
        });
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
        env.put("SNS_STATE_DIR", dataDir.resolve("streams").toString());
        // One broker: topics the apps create can have one replica only.
        env.put("SNS_TOPIC_REPLICATION_FACTOR", "1");
        return Settings.of(env);
    }
}
