package io.statusnotify.schema;

/**
 * A record that cannot be used. {@code reason} is a short stable code for metrics and DLQ headers
 * ({@code not-json}, {@code wrong-type}, {@code missing-field}, …); the message says what was wrong, never the
 * record's content beyond field names.
 */
public class BadRecordException extends RuntimeException {
    private final String reason;
    private final String field;

    public BadRecordException(String reason, String message) {
        this(reason, message, null, null);
    }

    public BadRecordException(String reason, String message, Throwable cause) {
        this(reason, message, cause, null);
    }

    /** {@code field}: the record's top-level field where reading failed, or null. */
    public BadRecordException(String reason, String message, Throwable cause, String field) {
        super(message, cause);
        this.reason = reason;
        this.field = field;
    }

    public String reason() {
        return reason;
    }

    /** The top-level field of the record where reading failed, or null (not JSON, or the record as a whole). */
    public String field() {
        return field;
    }
}
