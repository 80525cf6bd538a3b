package io.statusnotify.sink.http;

/** What one POST came back with: an HTTP response, or the exception that stopped it before a response. */
public sealed interface AttemptResult {

    /** {@code retryAfter} is the raw Retry-After header, or null. */
    record Response(int status, String reasonPhrase, String retryAfter) implements AttemptResult {
        public String statusLine() {
            return reasonPhrase == null || reasonPhrase.isBlank() ? "HTTP " + status : "HTTP " + status + " " + reasonPhrase;
        }
    }

    record Failure(Exception error) implements AttemptResult {
    }
}
