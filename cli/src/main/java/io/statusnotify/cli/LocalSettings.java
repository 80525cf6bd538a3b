package io.statusnotify.cli;

import io.statusnotify.secrets.SecretKeys;
import io.statusnotify.settings.Settings;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The settings the apps get inside {@code up}: the environment's {@code SNS_*} settings (topic names and the
 * like), pointed at the embedded broker. {@code KAFKA_*} variables are left out: they describe some other
 * cluster (security, hosts), not the plaintext broker on localhost. Secrets: a key file in the data directory
 * (unless {@code SNS_SECRET_KEYS*} are set) and clear-text passwords allowed (unless set otherwise).
 */
final class LocalSettings {
    private LocalSettings() {
    }

    static Settings forEmbeddedBroker(Map<String, String> environment, String bootstrapServers, Path dataDir) {
        return Settings.of(environmentFor(environment, bootstrapServers, dataDir));
    }

    /** The same as variables, for a part that adds its own (the console). */
    static Map<String, String> environmentFor(Map<String, String> environment, String bootstrapServers, Path dataDir) {
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
        // The demo seals its password with a key of the data directory unless the environment brings keys.
        if (!env.containsKey(SecretKeys.KEYS) && !env.containsKey(SecretKeys.KEYS_FILE)) {
            env.put(SecretKeys.KEYS_FILE, LocalKeys.ensure(dataDir).toString());
        }
        // A local sandbox: configs written by hand with kafka-console-producer (as the banner shows) are clear text.
        env.putIfAbsent("SNS_ALLOW_CLEARTEXT_PASSWORDS", "true");
        return Map.copyOf(env);
    }
}
