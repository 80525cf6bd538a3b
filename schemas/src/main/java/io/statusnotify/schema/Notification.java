package io.statusnotify.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The notification POSTed to a tenant's server, exactly the seed's example message. On {@code sns.notifications}
 * {@code queueTimestamp} is absent; the sink sets it when it takes the message off the queue to send it.
 * Timestamps are epoch milliseconds.
 */
@JsonPropertyOrder({"version", "sequenceNum", "creationTimestamp", "queueTimestamp", "userStatusNotification"})
public record Notification(
        @JsonProperty("version") int version,
        @JsonProperty("sequenceNum") long sequenceNum,
        @JsonProperty("creationTimestamp") long creationTimestamp,
        @JsonProperty("queueTimestamp") Long queueTimestamp,
        @JsonProperty("userStatusNotification") UserStatus userStatusNotification) {

    public static final int VERSION = 1;

    public static Notification of(long sequenceNum, long creationTimestamp, UserStatus body) {
        return new Notification(VERSION, sequenceNum, creationTimestamp, null, body);
    }

    public Notification withQueueTimestamp(long epochMillis) {
        return new Notification(version, sequenceNum, creationTimestamp, epochMillis, userStatusNotification);
    }

    public String tenant() {
        return userStatusNotification == null || userStatusNotification.user() == null
                ? null : userStatusNotification.user().tenantName();
    }
}
