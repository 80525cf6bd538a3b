package io.statusnotify.topics;

import io.statusnotify.settings.Settings;
import io.statusnotify.settings.SettingsException;

import java.util.LinkedHashMap;
import java.util.Map;

/** The names of the project's topics; every one settable, the defaults below. */
public record TopicNames(
        String userStatus,
        String tenantConfig,
        String notifications,
        String userStatusDlq,
        String notificationsDlq,
        String notificationsRetry,
        String deliveryReceipts,
        String audit) {

    public static final String USER_STATUS = "portal.user-status";
    public static final String TENANT_CONFIG = "sns.tenant-config";
    public static final String NOTIFICATIONS = "sns.notifications";
    public static final String USER_STATUS_DLQ = "sns.user-status.dlq";
    public static final String NOTIFICATIONS_DLQ = "sns.notifications.dlq";
    public static final String NOTIFICATIONS_RETRY = "sns.notifications.retry";
    public static final String DELIVERY_RECEIPTS = "sns.delivery-receipts";
    public static final String AUDIT = "sns.audit";

    public static TopicNames defaults() {
        return new TopicNames(USER_STATUS, TENANT_CONFIG, NOTIFICATIONS, USER_STATUS_DLQ, NOTIFICATIONS_DLQ,
                NOTIFICATIONS_RETRY, DELIVERY_RECEIPTS, AUDIT);
    }

    /** From {@code SNS_TOPIC_USER_STATUS}, {@code SNS_TOPIC_TENANT_CONFIG}, {@code SNS_TOPIC_NOTIFICATIONS}, {@code SNS_TOPIC_USER_STATUS_DLQ}, {@code SNS_TOPIC_NOTIFICATIONS_DLQ}, {@code SNS_TOPIC_NOTIFICATIONS_RETRY}, {@code SNS_TOPIC_DELIVERY_RECEIPTS}, {@code SNS_TOPIC_AUDIT}. */
    public static TopicNames from(Settings settings) {
        TopicNames names = new TopicNames(
                settings.topicName("SNS_TOPIC_USER_STATUS", USER_STATUS),
                settings.topicName("SNS_TOPIC_TENANT_CONFIG", TENANT_CONFIG),
                settings.topicName("SNS_TOPIC_NOTIFICATIONS", NOTIFICATIONS),
                settings.topicName("SNS_TOPIC_USER_STATUS_DLQ", USER_STATUS_DLQ),
                settings.topicName("SNS_TOPIC_NOTIFICATIONS_DLQ", NOTIFICATIONS_DLQ),
                settings.topicName("SNS_TOPIC_NOTIFICATIONS_RETRY", NOTIFICATIONS_RETRY),
                settings.topicName("SNS_TOPIC_DELIVERY_RECEIPTS", DELIVERY_RECEIPTS),
                settings.topicName("SNS_TOPIC_AUDIT", AUDIT));
        names.requireDistinct();
        return names;
    }

    /** Every topic under one prefix ({@code p.user-status}, {@code p.tenant-config}, …): one test's or deployment's own set. */
    public static TopicNames prefixed(String prefix) {
        return new TopicNames(prefix + ".user-status", prefix + ".tenant-config", prefix + ".notifications",
                prefix + ".user-status.dlq", prefix + ".notifications.dlq", prefix + ".notifications.retry",
                prefix + ".delivery-receipts", prefix + ".audit");
    }

    /** The {@code SNS_TOPIC_*} variables that {@link #from(Settings)} reads back as these names. */
    public Map<String, String> asEnvironment() {
        return Map.of("SNS_TOPIC_USER_STATUS", userStatus, "SNS_TOPIC_TENANT_CONFIG", tenantConfig,
                "SNS_TOPIC_NOTIFICATIONS", notifications, "SNS_TOPIC_USER_STATUS_DLQ", userStatusDlq,
                "SNS_TOPIC_NOTIFICATIONS_DLQ", notificationsDlq, "SNS_TOPIC_NOTIFICATIONS_RETRY", notificationsRetry,
                "SNS_TOPIC_DELIVERY_RECEIPTS", deliveryReceipts, "SNS_TOPIC_AUDIT", audit);
    }

    /** Two roles on one topic would feed one app's output to another's input as if it were something else. */
    private void requireDistinct() {
        Map<String, String> seen = new LinkedHashMap<>();
        String[][] roles = {{"SNS_TOPIC_USER_STATUS", userStatus}, {"SNS_TOPIC_TENANT_CONFIG", tenantConfig},
                {"SNS_TOPIC_NOTIFICATIONS", notifications}, {"SNS_TOPIC_USER_STATUS_DLQ", userStatusDlq},
                {"SNS_TOPIC_NOTIFICATIONS_DLQ", notificationsDlq},
                {"SNS_TOPIC_NOTIFICATIONS_RETRY", notificationsRetry}, {"SNS_TOPIC_DELIVERY_RECEIPTS", deliveryReceipts},
                {"SNS_TOPIC_AUDIT", audit}};
        for (String[] role : roles) {
            String other = seen.putIfAbsent(role[1], role[0]);
            if (other != null) {
                throw new SettingsException(role[0] + ": must differ from " + other + " (both are '" + role[1] + "')");
            }
        }
    }
}
