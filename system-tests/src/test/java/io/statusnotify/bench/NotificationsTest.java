package io.statusnotify.bench;

import io.statusnotify.schema.Json;
import io.statusnotify.schema.Notification;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationsTest {

    @Test
    void aBenchmarkRecordIsTheSeedNotificationWithItsOwnKeyAndNumbers() {
        // when
        byte[] value = new Notifications().value("bench-t07", "1234", 42, 1_764_000_000_123L);

        // then it is a valid notification, as the streams app would write it, of about 1.3 KB
        Notification notification = Json.read(value, Notification.class);
        assertThat(notification.sequenceNum()).isEqualTo(42);
        assertThat(notification.creationTimestamp()).isEqualTo(1_764_000_000_123L);
        assertThat(notification.queueTimestamp()).isNull();
        assertThat(notification.tenant()).isEqualTo("bench-t07");
        assertThat(notification.userStatusNotification().user().memberID()).isEqualTo("1234");
        assertThat(notification.userStatusNotification().conference().callState()).isEqualTo("IN PROGRESS");
        assertThat(value.length).isBetween(1100, 1500);
    }

    @Test
    void theScannerReadsWhatTheGeneratorWrote() {
        byte[] value = new Notifications().value("t", "77", 123456, 987654321L);

        NotificationScanner.Fields fields = NotificationScanner.scan(value);

        assertThat(fields).isEqualTo(new NotificationScanner.Fields(123456, 987654321L, "77"));
        assertThat(fields.complete()).isTrue();
    }

    @Test
    void theScannerReadsPrettyPrintedJsonToo() throws IOException {
        // given the seed's example message as the spec prints it (spaces around the colons)
        byte[] seed;
        try (InputStream in = Notifications.class.getResourceAsStream("seed-notification.json")) {
            seed = in.readAllBytes();
        }

        NotificationScanner.Fields fields = NotificationScanner.scan(seed);

        assertThat(fields).isEqualTo(new NotificationScanner.Fields(1118325485454984L, 1118335848153124L, "2727"));
    }

    @Test
    void missingFieldsMakeAnIncompleteResult() {
        NotificationScanner.Fields fields = NotificationScanner.scan(
                "{\"sequenceNum\":\"x\",\"memberID\":12}".getBytes(StandardCharsets.UTF_8));

        assertThat(fields).isEqualTo(new NotificationScanner.Fields(-1, -1, null));
        assertThat(fields.complete()).isFalse();
    }

    @Test
    void workloadSpreadsRecordsEvenlyOverTenantsAndUsers() {
        Workload workload = Workload.of(3, 2, 12);

        assertThat(workload.tenants()).containsExactly("bench-t1", "bench-t2", "bench-t3");
        assertThat(workload.idleTenants()).hasSize(12).startsWith("bench-idle-01").endsWith("bench-idle-12");
        assertThat(java.util.stream.LongStream.range(0, 6).mapToObj(n -> workload.tenantOf(n) + "/" + workload.memberOf(n)))
                .containsExactly("bench-t1/1000", "bench-t2/1000", "bench-t3/1000",
                        "bench-t1/1001", "bench-t2/1001", "bench-t3/1001");
        assertThat(workload.tenantOf(6) + "/" + workload.memberOf(6)).isEqualTo("bench-t1/1000");
    }
}
