package io.statusnotify.schema;

/**
 * The header names on both dead-letter topics, part of the contract: tools that list or replay dead letters read
 * them. Values are UTF-8 strings; numbers and epoch-millisecond times are decimal.
 */
public final class DeadLetterHeaders {
    /** Short stable code of why the record was dead-lettered ({@code not-json}, {@code http-status}, …). */
    public static final String REASON = "sns.error.reason";
    /** What was wrong, in words; never credentials or record content beyond field names. */
    public static final String MESSAGE = "sns.error.message";
    public static final String SOURCE_TOPIC = "sns.source.topic";
    public static final String SOURCE_PARTITION = "sns.source.partition";
    public static final String SOURCE_OFFSET = "sns.source.offset";
    /** User-status DLQ: when the streams app set the record aside. */
    public static final String FAILED_AT = "sns.failed.at";
    /** Notifications DLQ: the tenant, the last HTTP status, attempts and their times. */
    public static final String TENANT = "sns.tenant";
    public static final String STATUS = "sns.error.status";
    public static final String ATTEMPTS = "sns.attempts";
    public static final String FIRST_ATTEMPT_AT = "sns.first.attempt.at";
    public static final String LAST_ATTEMPT_AT = "sns.last.attempt.at";
    /**
     * Present when the dead letter could not carry the original key and bytes (too large for the DLQ topic): why.
     * The original is then only at {@link #SOURCE_TOPIC}/{@link #SOURCE_PARTITION}/{@link #SOURCE_OFFSET}.
     */
    public static final String ORIGINAL_OMITTED = "sns.original.omitted";

    private DeadLetterHeaders() {
    }
}
