package io.statusnotify.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The checks every fault test makes, with failure messages short enough to read when thousands of notifications
 * are involved (a plain map comparison would print them all).
 */
final class DeliveryAssertions {
    private static final int EXAMPLES = 5;
    private static final Duration RECEIPTS_TIMEOUT = Duration.ofSeconds(20);

    private DeliveryAssertions() {
    }

    /** Every notification sent arrived at least once, and each user's first deliveries came in the order sent. */
    static void assertAllDeliveredInPerUserOrder(String who, Deliveries got, Map<String, List<Long>> sent) {
        Map<String, List<Long>> first = got.firstDeliveriesByUser();
        Set<Long> delivered = got.sequenceNums();
        List<String> problems = new ArrayList<>();
        int missing = 0;
        for (Map.Entry<String, List<Long>> user : sent.entrySet()) {
            List<Long> expected = user.getValue();
            List<Long> actual = first.getOrDefault(user.getKey(), List.of());
            long absent = expected.stream().filter(seq -> !delivered.contains(seq)).count();
            missing += absent;
            if (!actual.equals(expected) && problems.size() < EXAMPLES) {
                problems.add(describe(user.getKey(), expected, actual, absent));
            }
        }
        Set<String> unexpectedUsers = new LinkedHashSet<>(first.keySet());
        unexpectedUsers.removeAll(sent.keySet());
        int total = sent.values().stream().mapToInt(List::size).sum();
        assertThat(missing).as("%s: notifications never delivered, of %d sent; %s", who, total, problems).isZero();
        assertThat(unexpectedUsers).as("%s: deliveries for users never sent to", who).isEmpty();
        assertThat(problems).as("%s: users whose first deliveries are not in the order sent", who).isEmpty();
    }

    /**
     * Every notification sent arrived exactly once (no redelivery: the tenant's server answered every request), each
     * user's in the order sent.
     */
    static void assertExactlyOnceInPerUserOrder(String who, Deliveries got, Map<String, List<Long>> sent) {
        assertAllDeliveredInPerUserOrder(who, got, sent);
        assertThat(got.duplicates()).as("%s: requests for a notification already delivered, of %d requests", who,
                got.all().size()).isZero();
    }

    /**
     * Every request arrived within {@code bound} of its notification's creation (its write to the notifications
     * topic): nothing waited behind another tenant's trouble. A bound, not a latency figure: it is far above what
     * a healthy run takes here and far below the fault it is set against.
     */
    static void assertEachArrivedWithin(String who, Deliveries got, Duration bound) {
        List<Deliveries.Delivery> late = got.all().stream().filter(d -> d.latencyMillis() > bound.toMillis()).toList();
        long slowest = got.all().stream().mapToLong(Deliveries.Delivery::latencyMillis).max().orElse(0);
        assertThat(late.size()).as("%s: requests (of %d) that came later than %s after their notification was written,"
                        + " e.g. %s; the slowest after %d ms", who, got.all().size(), bound,
                late.stream().limit(EXAMPLES).map(d -> d.sequenceNum() + " after " + d.latencyMillis() + " ms").toList(),
                slowest).isZero();
    }

    /**
     * Each of {@code tenants} got each of its notifications exactly once, in per-user order, and each within
     * {@code bound}: another tenant's fault did not touch them. Returns their slowest arrival, in ms.
     */
    static long assertUnaffected(IsolationResult result, List<String> tenants, Duration bound) {
        for (String tenant : tenants) {
            Deliveries got = result.byTenant().get(tenant);
            assertExactlyOnceInPerUserOrder(tenant, got, result.sentByUserOf(tenant));
            assertEachArrivedWithin(tenant, got, bound);
        }
        return tenants.stream().flatMap(t -> result.byTenant().get(t).all().stream())
                .mapToLong(Deliveries.Delivery::latencyMillis).max().orElseThrow();
    }

    /** A {@code delivered} receipt exists for every notification sent. */
    static void assertDeliveredReceipts(Receipts receipts, Collection<Long> sent) {
        Set<Long> withoutReceipt = new LinkedHashSet<>(sent);
        withoutReceipt.removeAll(receipts.sequenceNums("delivered"));
        assertThat(withoutReceipt.size()).as("notifications (of %d) without a delivered receipt, e.g. %s; receipts: %s",
                sent.size(), withoutReceipt.stream().limit(EXAMPLES).toList(), receipts.countByOutcome()).isZero();
    }

    /** Waits (a little) until the receipts topic has a {@code delivered} receipt for every notification sent. */
    static Receipts awaitDeliveredReceipts(PipelineEnv env, Collection<Long> sent) {
        await("a delivered receipt for every notification").atMost(RECEIPTS_TIMEOUT).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertDeliveredReceipts(read(env), sent));
        return read(env);
    }

    private static Receipts read(PipelineEnv env) {
        return Receipts.read(env.bootstrapServers(), env.topics().deliveryReceipts());
    }

    private static String describe(String user, List<Long> expected, List<Long> actual, long absent) {
        int i = 0;
        while (i < Math.min(expected.size(), actual.size()) && expected.get(i).equals(actual.get(i))) i++;
        return user + ": " + absent + " missing; first difference at #" + i + ": expected "
                + expected.subList(i, Math.min(expected.size(), i + 3)) + " but got "
                + actual.subList(i, Math.min(actual.size(), i + 3));
    }
}
