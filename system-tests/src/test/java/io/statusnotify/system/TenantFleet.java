package io.statusnotify.system;

import io.statusnotify.testing.ExactCount;
import io.statusnotify.testing.RecordingReceiver.Received;
import org.awaitility.core.ConditionTimeoutException;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;

/** Tenants, each with its own HTTP server, configured on one test's tenant config topic. */
final class TenantFleet implements AutoCloseable {
    static final String USERNAME = "fleet-user";
    static final String PASSWORD = "fleet-password-for-tests";
    private final Map<String, Endpoint> endpoints = new LinkedHashMap<>();

    private TenantFleet() {
    }

    static List<String> names(int count) {
        return IntStream.range(0, count).mapToObj(i -> "tenant" + i).toList();
    }

    /** One endpoint per tenant, from {@code endpointFor}; all closed if one cannot start. */
    static TenantFleet start(List<String> tenants, Function<String, Endpoint> endpointFor) {
        TenantFleet fleet = new TenantFleet();
        try {
            tenants.forEach(t -> fleet.endpoints.put(t, endpointFor.apply(t)));
            return fleet;
        } catch (RuntimeException e) {
            fleet.close();
            throw e;
        }
    }

    static String path(String tenant) {
        return "/hooks/" + tenant;
    }

    List<String> tenants() {
        return List.copyOf(endpoints.keySet());
    }

    /** Writes an enabled config record for every tenant, pointing at its endpoint. */
    void configure(PipelineEnv env) {
        try (PortalProducer admin = new PortalProducer(env.bootstrapServers())) {
            endpoints.forEach((tenant, endpoint) -> admin.send(env.topics().tenantConfig(), tenant,
                    TenantConfigs.enabled(endpoint.url(path(tenant)), USERNAME, PASSWORD)));
        }
    }

    Deliveries deliveries(String tenant) {
        return Deliveries.of(endpoints.get(tenant).requests());
    }

    /** What {@code tenant}'s server received so far, in arrival order. */
    List<Received> requests(String tenant) {
        return endpoints.get(tenant).requests();
    }

    int requestCount(String tenant) {
        return endpoints.get(tenant).requests().size();
    }

    /** Whether {@code tenant}'s server got every notification the feed sent it (at least once each). */
    boolean hasEverything(String tenant, NotificationFeed feed) {
        int expected = feed.sentTo(tenant);
        // Counting requests first spares parsing thousands of bodies on every poll.
        return requestCount(tenant) >= expected && deliveries(tenant).sequenceNums().size() >= expected;
    }

    boolean allHaveEverything(NotificationFeed feed) {
        return endpoints.keySet().stream().allMatch(t -> hasEverything(t, feed));
    }

    /**
     * Waits until every tenant got every notification the feed sent it (on timeout says who is short of how many),
     * then until no more requests come for {@link ExactCount#QUIET_PERIOD}: a late redelivery is counted too.
     */
    void awaitEverything(NotificationFeed feed, Duration timeout) {
        try {
            await("every tenant got every notification").atMost(timeout).pollInterval(Duration.ofMillis(500))
                    .until(() -> allHaveEverything(feed));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("Not every notification arrived within " + timeout + "; distinct notifications"
                    + " received/sent per tenant: " + progress(feed), e);
        }
        ExactCount.awaitSettled("requests to the tenants", timeout, this::requestCount);
    }

    /** Requests received so far, all tenants together. */
    int requestCount() {
        return endpoints.keySet().stream().mapToInt(this::requestCount).sum();
    }

    /** {@code tenant0=812/990, …}: distinct notifications received of those sent, per tenant. */
    String progress(NotificationFeed feed) {
        return endpoints.keySet().stream()
                .map(t -> t + "=" + deliveries(t).sequenceNums().size() + "/" + feed.sentTo(t))
                .collect(Collectors.joining(", "));
    }

    @Override
    public void close() {
        endpoints.values().forEach(Endpoint::close);
    }
}
