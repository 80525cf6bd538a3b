package io.statusnotify.system;

import java.util.List;

/**
 * A steady stream of notifications, the same every time it is played: message {@code i} goes to tenant
 * {@code i % tenants}, user {@code (i / tenants) % usersPerTenant}, so every tenant gets the same share and every
 * user of a tenant a message every {@code tenants * usersPerTenant} messages.
 */
record TrafficPlan(List<String> tenants, int usersPerTenant, int perSecond, int total) {

    TrafficPlan {
        tenants = List.copyOf(tenants);
        if (tenants.isEmpty() || usersPerTenant < 1 || perSecond < 1 || total < 1) {
            throw new IllegalArgumentException("empty traffic plan");
        }
    }

    static TrafficPlan of(List<String> tenants, int usersPerTenant, int perSecond, int seconds) {
        return new TrafficPlan(tenants, usersPerTenant, perSecond, perSecond * seconds);
    }

    String tenantOf(int index) {
        return tenants.get(index % tenants.size());
    }

    String memberOf(int index) {
        return Integer.toString((index / tenants.size()) % usersPerTenant);
    }

    /** How many messages are due {@code elapsedMillis} after the start. */
    int dueAt(long elapsedMillis) {
        return (int) Math.min(total, elapsedMillis * perSecond / 1000 + 1);
    }

    /** How many messages the plan has sent {@code seconds} into the run. */
    int sentAfterSeconds(double seconds) {
        return (int) Math.min(total, Math.round(seconds * perSecond));
    }
}
