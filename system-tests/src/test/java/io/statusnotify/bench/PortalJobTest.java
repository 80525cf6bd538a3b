package io.statusnotify.bench;

import io.statusnotify.schema.Json;
import io.statusnotify.schema.Notification;
import io.statusnotify.streams.SequenceNumbers;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PortalJobTest {
    private static final long AT = 1_764_000_000_123L;
    private final PortalJob job = new PortalJob(Map.of("bench-t1", LoadProducer.config("http://127.0.0.1:1/bench-t1")));

    @Test
    void givenAnEventOfAConfiguredTenant_whenTheBaselineTakesIt_thenItPostsTheNotificationTheStreamsAppWouldBuild() {
        // given the event at partition 2, offset 5
        byte[] event = new PortalEvents().value("bench-t1", "1001", 3, AT);

        // when
        Baseline.Post post = job.post(new ConsumerRecord<>("portal.user-status", 2, 5, "bench-t1/1001", event));

        // then
        assertThat(post.url()).isEqualTo("http://127.0.0.1:1/bench-t1");
        assertThat(post.authorization()).isEqualTo("Basic "
                + Base64.getEncoder().encodeToString("u:p".getBytes(StandardCharsets.UTF_8)));
        Notification notification = Json.read(post.body(), Notification.class);
        assertThat(notification.sequenceNum()).isEqualTo(SequenceNumbers.of(2, 5));
        assertThat(notification.creationTimestamp()).isEqualTo(AT);
        assertThat(notification.userStatusNotification().user().userState()).isEqualTo("Busy");
        assertThat(NotificationScanner.scan(post.body()).complete()).as("the receivers can read it").isTrue();
    }

    @Test
    void givenAnUnknownTenantOrAnUnusableEvent_whenTheBaselineTakesIt_thenItIsSkipped() {
        byte[] other = new PortalEvents().value("bench-t9", "1001", 0, AT);

        assertThat(job.post(new ConsumerRecord<>("portal.user-status", 0, 0, "bench-t9/1001", other))).isNull();
        assertThat(job.post(new ConsumerRecord<>("portal.user-status", 0, 1, "x",
                "not json".getBytes(StandardCharsets.UTF_8)))).isNull();
    }
}
