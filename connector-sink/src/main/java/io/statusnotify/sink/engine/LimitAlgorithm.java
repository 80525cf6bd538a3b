package io.statusnotify.sink.engine;

/** {@code SNS_TENANT_LIMIT}: how a tenant's concurrency limit moves ({@link TenantLimit}). */
public enum LimitAlgorithm {
    /** Grows while answers come without failure and at a steady latency; shrinks on failures or rising latency. */
    GRADIENT,
    /** Grows by one per busy answer, shrinks by 10 % per failure (timeout, connection error, 408, 429, 5xx). */
    AIMD,
    /** Always the ceiling (the behaviour before the adaptive limit). */
    FIXED
}
