package io.statusnotify.sink.status;

/**
 * One tenant as the status page and the per-tenant gauges show it, taken on the engine thread.
 *
 * @param state             {@code live}, {@code retrying} (some notifications wait on the retry topic),
 *                          {@code circuit-open}, {@code auth-failed}, or {@code not-sending} (disabled, deleted or
 *                          switched off: {@code notSendingBecause} says which; for {@code auth-failed} because the
 *                          config's secrets cannot be used, it says why)
 * @param waiting           notifications held for it (queued, parked in memory), not counting those in flight
 * @param oldestWaitingAgeMillis age of its oldest undelivered notification held by this instance, null when none
 * @param lastErrorAt       epoch milliseconds, null when no attempt failed since this instance started
 * @param inFlightLimit     its current concurrency limit (adaptive, {@code SNS_TENANT_LIMIT}), null before anything
 *                          was sent to it
 */
public record TenantStatus(String tenant, boolean enabled, String state, String notSendingBecause, int inFlight,
                           int waiting, long deliveredLast5Minutes, long failedLast5Minutes, String lastError,
                           Long lastErrorAt, Long oldestWaitingAgeMillis, Integer inFlightLimit) {
    public static final String LIVE = "live";
    public static final String RETRYING = "retrying";
    public static final String CIRCUIT_OPEN = "circuit-open";
    public static final String AUTH_FAILED = "auth-failed";
    public static final String NOT_SENDING = "not-sending";
}
