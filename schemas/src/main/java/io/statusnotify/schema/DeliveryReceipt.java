package io.statusnotify.schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One outcome of one notification, as the sink publishes it on {@code sns.delivery-receipts} (key: the
 * notification's key). Never carries credentials or the notification body.
 *
 * @param outcome    {@code delivered}, {@code retried}, {@code parked}, {@code dead-lettered} or {@code dropped}
 * @param attempt    HTTP attempts made for this notification so far (0 when none was made)
 * @param status     the HTTP status of the last attempt, when there was a response
 * @param cause      why it was not delivered: a status class ({@code 5xx}), an error kind ({@code timeout},
 *                   {@code connect}), a drop reason ({@code tenant-disabled}) or a dead-letter reason
 * @param latencyMs  from the notification record's timestamp (the portal event's time) to this outcome
 * @param time       when the outcome happened (epoch ms)
 */
@JsonPropertyOrder({"tenant", "key", "sequenceNum", "outcome", "attempt", "status", "cause", "latencyMs", "time"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record DeliveryReceipt(
        @JsonProperty("tenant") String tenant,
        @JsonProperty("key") String key,
        @JsonProperty("sequenceNum") Long sequenceNum,
        @JsonProperty("outcome") String outcome,
        @JsonProperty("attempt") int attempt,
        @JsonProperty("status") Integer status,
        @JsonProperty("cause") String cause,
        @JsonProperty("latencyMs") Long latencyMs,
        @JsonProperty("time") long time) {

    public static final String DELIVERED = "delivered";
    public static final String RETRIED = "retried";
    public static final String PARKED = "parked";
    public static final String DEAD_LETTERED = "dead-lettered";
    public static final String DROPPED = "dropped";
}
