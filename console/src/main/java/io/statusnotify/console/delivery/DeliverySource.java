package io.statusnotify.console.delivery;

import io.statusnotify.sink.status.TenantHistory;
import io.statusnotify.sink.status.TenantStatus;

import java.util.List;
import java.util.Optional;

/** The tenants' delivery state as the sinks see it: over their admin ports, or straight from a sink in this process. */
public interface DeliverySource {
    /** Every tenant some sink instance lists, each instance's rows merged; empty when no sink answered. */
    List<TenantStatus> statuses();

    /** The tenant's last hour, summed over the instances; empty when no sink knows the tenant. */
    Optional<TenantHistory> history(String tenant);

    /** Whether any sink is configured at all (the pages say "unknown" otherwise). */
    boolean configured();

    /** A sink in this process ({@code up}, tests): its own rows and hours, nothing to merge. */
    static DeliverySource of(java.util.function.Supplier<List<TenantStatus>> statuses,
                             java.util.function.Function<String, Optional<TenantHistory>> history) {
        return new DeliverySource() {
            @Override
            public List<TenantStatus> statuses() {
                return statuses.get();
            }

            @Override
            public Optional<TenantHistory> history(String tenant) {
                return history.apply(tenant);
            }

            @Override
            public boolean configured() {
                return true;
            }
        };
    }

    static DeliverySource none() {
        return new DeliverySource() {
            @Override
            public List<TenantStatus> statuses() {
                return List.of();
            }

            @Override
            public Optional<TenantHistory> history(String tenant) {
                return Optional.empty();
            }

            @Override
            public boolean configured() {
                return false;
            }
        };
    }
}
