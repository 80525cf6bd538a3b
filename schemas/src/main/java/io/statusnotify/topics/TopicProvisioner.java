package io.statusnotify.topics;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Creates the project's missing topics at start and refuses to go on when the tenant config topic exists but is
 * not compacted (a deleting config topic would forget tenants).
 */
public final class TopicProvisioner {
    private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioner.class);
    private static final long TIMEOUT_SECONDS = 60;
    private static final long VISIBILITY_SECONDS = 15;
    private static final long VISIBILITY_PAUSE_MILLIS = 100;
    public static final long RETRY_RETENTION_MS = TimeUnit.DAYS.toMillis(14);
    public static final long AUDIT_RETENTION_MS = TimeUnit.DAYS.toMillis(30);

    private TopicProvisioner() {
    }

    public static void ensureTopics(Admin admin, TopicNames names, TopicLayout layout) {
        try {
            Set<String> existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (String topic : List.of(names.userStatus(), names.notifications(), names.userStatusDlq(),
                    names.notificationsDlq(), names.deliveryReceipts())) {
                if (!existing.contains(topic)) {
                    missing.add(new NewTopic(topic, Optional.of(layout.partitions()), Optional.of(layout.replicationFactor())));
                }
            }
            if (!existing.contains(names.notificationsRetry())) {
                int partitions = existing.contains(names.notifications())
                        ? partitionCount(admin, names.notifications()) : layout.partitions();
                // Longer than the sink's default max age (7 days), so a parked notification is dead-lettered, not deleted.
                missing.add(new NewTopic(names.notificationsRetry(), Optional.of(partitions),
                        Optional.of(layout.replicationFactor()))
                        .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(RETRY_RETENTION_MS))));
            }
            if (!existing.contains(names.tenantConfig())) {
                // One partition: the config view is small and read whole by every instance.
                missing.add(new NewTopic(names.tenantConfig(), Optional.of(1), Optional.of(layout.replicationFactor()))
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
            }
            if (!existing.contains(names.audit())) {
                // One partition: the changes in the order they were made. Deleted after 30 days, never compacted
                // (compaction would keep only each tenant's last change).
                missing.add(new NewTopic(names.audit(), Optional.of(1), Optional.of(layout.replicationFactor()))
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                                TopicConfig.RETENTION_MS_CONFIG, String.valueOf(AUDIT_RETENTION_MS))));
            }
            create(admin, missing);
            requireCompacted(admin, names.tenantConfig());
            requireSamePartitions(admin, names.notifications(), names.notificationsRetry());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot check or create topics: " + rootMessage(e), e);
        }
    }

    private static void create(Admin admin, List<NewTopic> missing) throws InterruptedException, TimeoutException, ExecutionException {
        if (missing.isEmpty()) return;
        var result = admin.createTopics(missing);
        for (NewTopic topic : missing) {
            try {
                result.values().get(topic.name()).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                LOG.info("Created topic {} ({} partitions{})", topic.name(), topic.numPartitions(),
                        topic.configs() == null ? "" : ", " + topic.configs());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) throw e;
                // Another instance created it first.
            }
        }
    }

    static void requireCompacted(Admin admin, String topic) throws InterruptedException, ExecutionException, TimeoutException {
        Config config = describeWhenVisible(admin, topic);
        var entry = config.get(TopicConfig.CLEANUP_POLICY_CONFIG);
        String policy = entry == null || entry.value() == null ? "delete" : entry.value();
        // "compact,delete" would still forget a tenant whose record is older than retention.ms.
        if (!Set.of(TopicConfig.CLEANUP_POLICY_COMPACT).equals(policySet(policy))) {
            throw new IllegalStateException("Topic '" + topic + "' must be compacted (cleanup.policy=compact) but has"
                    + " cleanup.policy=" + policy + ". Fix it with: kafka-configs.sh --bootstrap-server <broker> --alter"
                    + " --entity-type topics --entity-name " + topic + " --add-config cleanup.policy=compact");
        }
    }

    /**
     * The sink moves a notification to the retry topic's partition of the same number, so that one instance owns a
     * user's notifications in both topics (per-user order across the two).
     */
    static void requireSamePartitions(Admin admin, String notifications, String retry)
            throws InterruptedException, ExecutionException, TimeoutException {
        int main = partitionCountWhenVisible(admin, notifications);
        int retries = partitionCountWhenVisible(admin, retry);
        if (main != retries) {
            throw new IllegalStateException("Topic '" + retry + "' must have as many partitions as '" + notifications
                    + "' (" + main + ") but has " + retries + ". Fix it with: kafka-topics.sh --bootstrap-server <broker>"
                    + " --alter --topic <the smaller one> --partitions " + Math.max(main, retries)
                    + " (both topics must then have the same count)");
        }
    }

    private static int partitionCount(Admin admin, String topic) throws InterruptedException, ExecutionException, TimeoutException {
        return admin.describeTopics(List.of(topic)).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .get(topic).partitions().size();
    }

    private static int partitionCountWhenVisible(Admin admin, String topic)
            throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(VISIBILITY_SECONDS);
        while (true) {
            try {
                return partitionCount(admin, topic);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) throw e;
                TimeUnit.MILLISECONDS.sleep(VISIBILITY_PAUSE_MILLIS);
            }
        }
    }

    /** The topic's {@code retention.ms} (-1: forever). */
    public static long retentionMs(Admin admin, String topic) {
        try {
            var entry = describeWhenVisible(admin, topic).get(TopicConfig.RETENTION_MS_CONFIG);
            return entry == null || entry.value() == null ? -1 : Long.parseLong(entry.value());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the configs of topic " + topic + ": " + rootMessage(e), e);
        }
    }

    private static Set<String> policySet(String policy) {
        return Arrays.stream(policy.split(",")).map(String::trim).filter(p -> !p.isEmpty()).collect(Collectors.toSet());
    }

    /** A topic just created may not be known yet to the broker that answers; ask again for a short while. */
    private static Config describeWhenVisible(Admin admin, String topic)
            throws InterruptedException, ExecutionException, TimeoutException {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(VISIBILITY_SECONDS);
        while (true) {
            try {
                return admin.describeConfigs(List.of(resource)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).get(resource);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) throw e;
                TimeUnit.MILLISECONDS.sleep(VISIBILITY_PAUSE_MILLIS);
            }
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) t = t.getCause();
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
