package io.statusnotify.sink.engine;

import java.time.Duration;

/**
 * @param maxInFlight           {@code SNS_SINK_MAX_IN_FLIGHT} (default 1000): requests open at once, all tenants
 * @param tenantMaxInFlight     {@code SNS_TENANT_MAX_IN_FLIGHT} (default 1000): the ceiling of a tenant's
 *                              concurrency limit ({@link TenantLimitSettings}), unless its config says {@code maxInFlight}
 * @param tenantMaxQueued       {@code SNS_TENANT_MAX_QUEUED} (default 1000): a tenant with more waiting than this
 *                              has its newer notifications moved to the retry topic
 * @param tenantMaxQueueWait    {@code SNS_TENANT_MAX_QUEUE_WAIT} (default 5s): the same when the waiting ones would
 *                              take longer than this at the tenant's recent response time (a slow tenant)
 * @param maxBufferedRecords    {@code SNS_SINK_MAX_BUFFERED_RECORDS} (default 10000): notifications held in memory;
 *                              at the cap the notifications topic is paused
 * @param maxBufferedRetries    {@code SNS_SINK_MAX_BUFFERED_RETRIES} (default 10000): parked notifications held in
 *                              memory whole; beyond it they are remembered by offset and read again when due
 * @param maxParkedByOffset     {@code SNS_SINK_MAX_PARKED_BY_OFFSET} (default 200000): parked notifications
 *                              remembered by offset only (about 170 bytes each); at the cap the retry topic is paused
 * @param metricsMaxTenants     {@code SNS_METRICS_MAX_TENANTS} (default 100): tenants named in metric tags; the
 *                              rest are counted together as {@code tenant="_other"}
 * @param failuresToOpen        {@code SNS_CIRCUIT_FAILURES_TO_OPEN} (default 3): failed attempts in a row (no
 *                              success between) that open a tenant's circuit; fewer only park the failing ones
 */
public record LimitSettings(int maxInFlight, int tenantMaxInFlight, int tenantMaxQueued, Duration tenantMaxQueueWait,
                            int maxBufferedRecords, int maxBufferedRetries, int maxParkedByOffset, int metricsMaxTenants,
                            int failuresToOpen, TenantLimitSettings tenantLimits) {
}
