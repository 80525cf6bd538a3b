package io.statusnotify.cli;

import io.statusnotify.tenants.ConfigWriter;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The Kafka clients of the ops commands, all from one base config ({@code --command-config} and the bootstrap
 * servers) and one timeout; every Kafka failure becomes one plain line ({@link OpsFailure}), never a stack trace.
 */
final class KafkaClients {
    static final String TRANSACTIONAL_ID_PREFIX = "statusnotify-cli-";
    private static final java.util.regex.Pattern CONFIG_NAME = java.util.regex.Pattern.compile("configuration ([a-z0-9.]+)");
    private final Properties base;
    private final Duration timeout;

    KafkaClients(Properties base, Duration timeout) {
        this.base = base;
        this.timeout = timeout;
    }

    /**
     * A short command says what went wrong in its own one line; the clients' warnings (a reconnect attempt every
     * few hundred ms while a broker is down) would bury it. Their errors still show.
     */
    static void quietClientLogs() {
        if (org.slf4j.LoggerFactory.getLogger("org.apache.kafka.clients") instanceof ch.qos.logback.classic.Logger logger) {
            logger.setLevel(ch.qos.logback.classic.Level.ERROR);
        }
    }

    Duration timeout() {
        return timeout;
    }

    /** A consumer without a group: it is assigned partitions and commits nothing. */
    KafkaConsumer<String, byte[]> consumer() {
        Properties props = copy();
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Long.toString(timeout.toMillis()));
        props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "statusnotify-ops");
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        return create(() -> new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer()));
    }

    /** A producer whose sends are acknowledged by every in-sync replica. */
    KafkaProducer<String, byte[]> producer() {
        Properties props = copy();
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Integer.toString(millis));
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Integer.toString(millis));
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        // Kafka requires delivery.timeout.ms >= linger.ms + request.timeout.ms.
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.toString(millis + 5));
        props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "statusnotify-ops");
        return create(() -> new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer()));
    }

    /**
     * Sends every record and waits for each acknowledgement; returns how many were acknowledged. A failure says how
     * many were sent before it, and {@code rerunHint} what running the command again does.
     */
    int sendAll(String topic, List<ProducerRecord<String, byte[]>> records, String rerunHint) {
        if (records.isEmpty()) return 0;
        try (KafkaProducer<String, byte[]> producer = producer()) {
            List<Future<RecordMetadata>> sends = new java.util.ArrayList<>();
            for (ProducerRecord<String, byte[]> record : records) {
                sends.add(call("write to " + topic, () -> producer.send(record)));
            }
            int acknowledged = 0;
            for (Future<RecordMetadata> sending : sends) {
                try {
                    await(sending, "write to " + topic);
                } catch (OpsFailure e) {
                    throw OpsFailure.failed(e.getMessage() + " (" + acknowledged + " of "
                            + Words.count(records.size(), "record") + " sent; " + rerunHint + ")");
                }
                acknowledged++;
            }
            return acknowledged;
        }
    }

    /** Waits for a send already made. */
    RecordMetadata await(Future<RecordMetadata> sent, String what) {
        try {
            return sent.get(timeout.toMillis() + 5_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw OpsFailure.failed("interrupted while waiting to " + what);
        } catch (ExecutionException e) {
            throw unreachable(what, e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw unreachable(what, new TimeoutException("no acknowledgement"));
        }
    }

    /** The partitions of {@code topic}; a missing topic is a plain failure naming it. */
    List<TopicPartition> partitions(KafkaConsumer<String, byte[]> consumer, String topic) {
        List<TopicPartition> partitions = call("read " + topic, () -> consumer.partitionsFor(topic, timeout)).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        if (partitions.isEmpty()) {
            throw noSuchTopic(topic);
        }
        return partitions;
    }

    static OpsFailure noSuchTopic(String topic) {
        return OpsFailure.failed("topic " + topic + " does not exist (the apps create it when they start; "
                + "or check SNS_TOPIC_* and --bootstrap-server)");
    }

    /**
     * A writer of config changes and their audit records, transactional. Its transactional id is this run's own
     * ({@value #TRANSACTIONAL_ID_PREFIX} and a random suffix), so that two commands running at once never fence
     * each other; the Kafka ACLs grant the prefix.
     */
    ConfigWriter configWriter(String configTopic, String auditTopic) {
        java.util.Map<String, Object> config = new java.util.HashMap<>();
        base.forEach((key, value) -> config.put(key.toString(), value));
        config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "statusnotify-ops");
        String transactionalId = TRANSACTIONAL_ID_PREFIX + java.util.UUID.randomUUID();
        return create(() -> new ConfigWriter(config, transactionalId, configTopic, auditTopic, timeout));
    }

    /** Runs a Kafka call, turning its failures into one plain line naming what was being done. */
    <T> T call(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (KafkaException e) {
            throw unreachable(what, e);
        }
    }

    private OpsFailure unreachable(String what, Throwable cause) {
        String servers = base.getProperty("bootstrap.servers");
        if (cause instanceof TimeoutException) {
            return OpsFailure.failed("cannot " + what + ": no answer from Kafka at " + servers + " within "
                    + timeout.toSeconds() + " s (is it running? is --bootstrap-server right?)");
        }
        return OpsFailure.failed("cannot " + what + " on Kafka at " + servers + ": " + firstLine(cause));
    }

    private <T> T create(Supplier<T> client) {
        try {
            return client.get();
        } catch (KafkaException e) {
            Throwable cause = e;
            while (!(cause instanceof ConfigException) && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof ConfigException && String.valueOf(cause.getMessage()).contains("bootstrap")) {
                // The servers are no secret, and naming them is what helps.
                throw OpsFailure.usage("--bootstrap-server: no usable host:port in '" + base.getProperty("bootstrap.servers")
                        + "' (a host that resolves and a port, e.g. localhost:9092)");
            }
            if (cause instanceof ConfigException) {
                // Only the config's name: Kafka's message can quote the value, and the value can be a JAAS password.
                java.util.regex.Matcher name = CONFIG_NAME.matcher(String.valueOf(cause.getMessage()));
                throw OpsFailure.usage("--command-config: Kafka refuses " + (name.find() ? "the value of " + name.group(1) : "a config"));
            }
            throw OpsFailure.usage("cannot create a Kafka client from --bootstrap-server/--command-config: " + firstLine(cause));
        }
    }

    private Properties copy() {
        Properties props = new Properties();
        props.putAll(base);
        return props;
    }

    private static String firstLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getMessage() == null) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
