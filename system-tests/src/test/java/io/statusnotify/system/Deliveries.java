package io.statusnotify.system;

import com.fasterxml.jackson.databind.JsonNode;
import io.statusnotify.testing.RecordingReceiver.Received;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What a receiver got, read as notifications: who, which sequenceNum, in arrival order. */
record Deliveries(List<Delivery> all) {

    record Delivery(String userKey, String tenant, long sequenceNum, long creationTimestamp, long queueTimestamp,
                    long receivedAtMillis) {
        /** From the notification's creation to its arrival at the receiver. */
        long latencyMillis() {
            return receivedAtMillis - creationTimestamp;
        }
    }

    static Deliveries of(List<Received> requests) {
        List<Delivery> deliveries = new ArrayList<>();
        for (Received request : requests) {
            JsonNode body = SeedNotification.read(request.body());
            JsonNode user = body.path("userStatusNotification").path("user");
            String tenant = user.path("tenantName").asText();
            deliveries.add(new Delivery(Events.key(tenant, user.path("memberID").asText()), tenant,
                    body.path("sequenceNum").asLong(), body.path("creationTimestamp").asLong(),
                    body.path("queueTimestamp").asLong(), request.receivedAtMillis()));
        }
        return new Deliveries(List.copyOf(deliveries));
    }

    Set<Long> sequenceNums() {
        Set<Long> seen = new LinkedHashSet<>();
        all.forEach(d -> seen.add(d.sequenceNum()));
        return seen;
    }

    /** Deliveries of a sequenceNum already delivered before (at-least-once redelivery). */
    int duplicates() {
        return all.size() - sequenceNums().size();
    }

    /** The sequenceNums delivered more than once. */
    Set<Long> redelivered() {
        Set<Long> seen = new LinkedHashSet<>();
        Set<Long> again = new LinkedHashSet<>();
        all.forEach(d -> {
            if (!seen.add(d.sequenceNum())) again.add(d.sequenceNum());
        });
        return again;
    }

    /** Each sequenceNum's first delivery, in arrival order (redeliveries left out). */
    List<Delivery> firstDeliveries() {
        Set<Long> seen = new LinkedHashSet<>();
        return all.stream().filter(d -> seen.add(d.sequenceNum())).toList();
    }

    /** Per user, the sequenceNums in the order they were first delivered (redeliveries left out). */
    Map<String, List<Long>> firstDeliveriesByUser() {
        Set<Long> seen = new LinkedHashSet<>();
        Map<String, List<Long>> byUser = new LinkedHashMap<>();
        for (Delivery d : all) {
            if (seen.add(d.sequenceNum())) {
                byUser.computeIfAbsent(d.userKey(), k -> new ArrayList<>()).add(d.sequenceNum());
            }
        }
        return byUser;
    }
}
