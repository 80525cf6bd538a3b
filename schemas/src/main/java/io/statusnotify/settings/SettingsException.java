package io.statusnotify.settings;

import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigException;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A setting is missing or invalid; the message names the setting and the rule. */
public class SettingsException extends RuntimeException {
    private static final Pattern KAFKA_CONFIG_NAME = Pattern.compile("configuration ([a-z0-9.]+)");

    public SettingsException(String message) {
        super(message);
    }

    /**
     * A Kafka client refused a config passed through from a {@code KAFKA_*} variable: the same message, led by the
     * variable's name ({@code security.protocol} came from {@code KAFKA_SECURITY_PROTOCOL}).
     */
    public static SettingsException fromKafka(ConfigException e) {
        String message = String.valueOf(e.getMessage());
        Matcher matcher = KAFKA_CONFIG_NAME.matcher(message);
        String variable = matcher.find()
                ? "KAFKA_" + matcher.group(1).toUpperCase(Locale.ROOT).replace('.', '_')
                : message.contains("bootstrap.servers") ? "KAFKA_BOOTSTRAP_SERVERS" : "KAFKA_*";
        return new SettingsException(variable + ": " + message);
    }

    /** The config a Kafka client refused, when that is why {@code e} was thrown (clients wrap it), else null. */
    public static ConfigException refusedConfig(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConfigException refused) return refused;
        }
        return null;
    }

    /**
     * Why an app could not start, in one line: a config Kafka's clients refused (they wrap it, e.g. "Failed to create
     * new KafkaAdminClient") is named by its {@code KAFKA_*} variable. Any other Kafka failure is not a refused start
     * and is thrown on.
     */
    public static String whyNotStarted(RuntimeException e) {
        ConfigException refused = refusedConfig(e);
        if (e instanceof KafkaException kafka && refused == null) throw kafka;
        return refused != null ? fromKafka(refused).getMessage() : e.getMessage();
    }
}
