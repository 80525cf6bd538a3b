package io.statusnotify.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Who the notifications are for: record {@code n} goes to tenant {@code n mod tenants} and, within it, to user
 * {@code (n / tenants) mod users}, so every tenant gets the same share and each user a steady trickle in order.
 * Idle tenants are configured (they weigh on the sink's memory) but never get a notification.
 */
record Workload(List<String> tenants, int users, List<String> idleTenants) {

    static Workload of(int tenants, int users, int idleTenants) {
        return new Workload(names("bench-t", tenants), users, names("bench-idle-", idleTenants));
    }

    String tenantOf(long n) {
        return tenants.get((int) (n % tenants.size()));
    }

    String memberOf(long n) {
        return String.valueOf(1000 + (n / tenants.size()) % users);
    }

    /** How many times record {@code n}'s user has had a record before it: its user's {@code n}-th round. */
    long roundOf(long n) {
        return n / ((long) tenants.size() * users);
    }

    private static List<String> names(String prefix, int count) {
        int width = String.valueOf(Math.max(1, count)).length();
        List<String> names = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            names.add(prefix + String.format("%0" + width + "d", i));
        }
        return List.copyOf(names);
    }
}
