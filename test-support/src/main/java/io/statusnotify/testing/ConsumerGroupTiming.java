package io.statusnotify.testing;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The timing of a consumer group on the consumer group protocol (KIP-848), which its members may not set themselves:
 * group configs, set as {@code kafka-configs --entity-type groups --alter} does, before or after the group exists.
 * The test brokers lower the minimums they accept ({@link TestKafka}).
 */
public final class ConsumerGroupTiming {
    /** A member learns of a new assignment at its next heartbeat: hand-overs within about a second. */
    public static final Duration TEST_HEARTBEAT = Duration.ofMillis(500);
    /** A member gone without leaving (SIGKILL) loses its partitions after this, not the broker's 45 s. */
    public static final Duration TEST_SESSION = Duration.ofSeconds(6);

    private ConsumerGroupTiming() {
    }

    /** The group's {@code consumer.heartbeat.interval.ms}. */
    public static void heartbeat(Admin admin, String groupId, Duration heartbeat) {
        set(admin, groupId, Map.of("consumer.heartbeat.interval.ms", heartbeat));
    }

    /** The group's {@code consumer.heartbeat.interval.ms} and {@code consumer.session.timeout.ms}. */
    public static void heartbeatAndSession(Admin admin, String groupId, Duration heartbeat, Duration session) {
        set(admin, groupId, Map.of("consumer.heartbeat.interval.ms", heartbeat, "consumer.session.timeout.ms", session));
    }

    private static void set(Admin admin, String groupId, Map<String, Duration> configs) {
        ConfigResource group = new ConfigResource(ConfigResource.Type.GROUP, groupId);
        List<AlterConfigOp> ops = configs.entrySet().stream().map(e -> new AlterConfigOp(
                new ConfigEntry(e.getKey(), Long.toString(e.getValue().toMillis())), AlterConfigOp.OpType.SET)).toList();
        try {
            admin.incrementalAlterConfigs(Map.of(group, ops)).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot set " + configs + " on group " + groupId, e);
        }
    }
}
