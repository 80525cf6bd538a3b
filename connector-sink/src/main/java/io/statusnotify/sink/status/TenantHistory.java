package io.statusnotify.sink.status;

import java.util.List;

/**
 * One tenant's last hour on this instance, minute by minute, for the web console's chart: {@code minutes} holds
 * {@value #MINUTES} entries, oldest first, the one starting at {@code startEpochMillis}; each spans
 * {@code minuteMillis} (one minute, on the epoch's minute boundaries) and the last is the minute in progress. The same
 * counts as {@link TenantStatus#deliveredLast5Minutes()} and {@link TenantStatus#failedLast5Minutes()}, taken at the
 * same moments, at most a second old.
 */
public record TenantHistory(String tenant, long startEpochMillis, int minuteMillis, List<Minute> minutes) {
    public static final int MINUTES = 60;
    public static final int MINUTE_MILLIS = 60_000;

    public TenantHistory {
        minutes = List.copyOf(minutes);
    }

    /**
     * @param deliveries attempts the tenant's server answered with a 2xx
     * @param failures   failed attempts (any other answer, or none), retries included
     * @param p99Millis  99th percentile of the HTTP latency (request sent to response, as {@code sns.sink.http.latency})
     *                   of that minute's deliveries; at most a quarter over the exact value; null when there were none
     */
    public record Minute(long deliveries, long failures, Long p99Millis) {
        public static final Minute NOTHING = new Minute(0, 0, null);
    }
}
