package io.statusnotify.sink.status;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code tenant} tag's value: the tenant's name for the first {@code SNS_METRICS_MAX_TENANTS} tenants seen, then
 * {@value #OTHER} for the rest, so thousands of tenants cannot blow up the metrics backend. A forgotten tenant's
 * name frees its place for the next tenant seen.
 */
final class TenantTags {
    static final String OTHER = "_other";
    private final int max;
    private final Set<String> named = ConcurrentHashMap.newKeySet();

    TenantTags(int max) {
        this.max = max;
    }

    String of(String tenant) {
        if (tenant == null) return OTHER;
        if (named.contains(tenant)) return tenant;
        if (named.size() >= max) return OTHER;
        named.add(tenant);
        return tenant;
    }

    boolean isNamed(String tenant) {
        return tenant != null && named.contains(tenant);
    }

    /** Frees the tenant's place; false when it had none (it was counted as {@value #OTHER}). */
    boolean forget(String tenant) {
        return tenant != null && named.remove(tenant);
    }
}
