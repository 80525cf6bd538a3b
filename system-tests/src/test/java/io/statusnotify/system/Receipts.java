package io.statusnotify.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The sink's delivery receipts topic, read whole and parsed: what the sink says happened to each notification. */
record Receipts(List<Receipt> all) {

    record Receipt(String tenant, String key, long sequenceNum, String outcome, int attempt, Integer status,
                   String cause) {
    }

    static Receipts read(String bootstrapServers, String topic) {
        List<Receipt> receipts = new ArrayList<>();
        for (ConsumerRecord<String, String> record : TopicReader.readAll(bootstrapServers, topic)) {
            JsonNode value = SeedNotification.read(record.value());
            receipts.add(new Receipt(value.path("tenant").asText(null), value.path("key").asText(record.key()),
                    value.path("sequenceNum").asLong(), value.path("outcome").asText(null),
                    value.path("attempt").asInt(), value.path("status").isNumber() ? value.path("status").asInt() : null,
                    value.path("cause").asText(null)));
        }
        return new Receipts(List.copyOf(receipts));
    }

    List<Receipt> withOutcome(String outcome) {
        return all.stream().filter(r -> outcome.equals(r.outcome())).toList();
    }

    List<Receipt> withOutcome(String outcome, String tenant) {
        return withOutcome(outcome).stream().filter(r -> tenant.equals(r.tenant())).toList();
    }

    Set<Long> sequenceNums(String outcome) {
        return withOutcome(outcome).stream().map(Receipt::sequenceNum).collect(Collectors.toSet());
    }

    /** How many receipts of each outcome, for the test's output. */
    Map<String, Long> countByOutcome() {
        return all.stream().collect(Collectors.groupingBy(r -> String.valueOf(r.outcome()), Collectors.counting()));
    }
}
