package io.statusnotify.system;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The notifications a sink tried, failed to hear back from (a timeout, say) and put on the retry topic: each such
 * record is one more request, and the tenant may have received the one before. Told by the retry topic's contract
 * header {@code sns.retry.attempts} (docs/contract.md); notifications parked before any attempt carry 0.
 */
record RetriedNotifications(List<Long> retries) {
    static final String ATTEMPTS = "sns.retry.attempts";

    RetriedNotifications {
        retries = List.copyOf(retries);
    }

    static RetriedNotifications on(PipelineEnv env) {
        return new RetriedNotifications(TopicReader.readAll(env.bootstrapServers(), env.topics().notificationsRetry())
                .stream().filter(RetriedNotifications::afterAnAttempt)
                .map(r -> SeedNotification.read(r.value()).path("sequenceNum").asLong()).toList());
    }

    private static boolean afterAnAttempt(ConsumerRecord<String, String> record) {
        Header attempts = record.headers().lastHeader(ATTEMPTS);
        return attempts != null && Long.parseLong(new String(attempts.value(), StandardCharsets.UTF_8).trim()) > 0;
    }

    Set<Long> sequenceNums() {
        return retries.stream().collect(Collectors.toSet());
    }

    /** Requests made again after an attempt, at most one per retry record. */
    int count() {
        return retries.size();
    }
}
