package io.statusnotify.schema;

/**
 * A record that cannot be used. {@code reason} is a short stable code for metrics and DLQ headers
 * ({@code not-json}, {@code wrong-type}, {@code missing-field}, …); the message says what was wrong, never the
 * record's content beyond field names.
 */
public class BadRecordException extends RuntimeException {
    private final String reason;

    public BadRecordException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public BadRecordException(String reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
