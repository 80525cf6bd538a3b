package io.statusnotify.bench;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReceiversTest {
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Notifications notifications = new Notifications();

    @Test
    void eachBusyTenantHasItsOwnPortAndEveryPostIsRecordedUnderItsPath() throws Exception {
        // given receivers with a port for t1 and t2; idle tenants share one
        try (Receivers receivers = Receivers.start(0, List.of("t1", "t2"))) {
            Recorder recorder = new Recorder("sink", System.currentTimeMillis());
            receivers.recordInto(recorder);

            // when each tenant gets a notification
            int status1 = post(receivers.url("t1"), notifications.value("t1", "7", 1, System.currentTimeMillis()));
            int status2 = post(receivers.url("t2"), notifications.value("t2", "7", 2, System.currentTimeMillis()));
            int status3 = post(receivers.url("idle-1"), notifications.value("idle-1", "7", 3, System.currentTimeMillis()));

            // then
            assertThat(List.of(status1, status2, status3)).containsOnly(204);
            assertThat(List.of(port(receivers.url("t1")), port(receivers.url("t2")), port(receivers.url("idle-1"))))
                    .doesNotHaveDuplicates();
            assertThat(receivers.url("idle-2")).isEqualTo(receivers.url("idle-1").replace("idle-1", "idle-2"));
            PhaseResult result = recorder.result(3);
            assertThat(result.delivered()).isEqualTo(3);
            assertThat(result.orderViolations()).as("same member id, different tenants").isZero();
        }
    }

    @Test
    void aDelayedReceiverAnswersAfterTheDelayButRecordsTheArrivalAtOnce() throws Exception {
        try (Receivers receivers = Receivers.start(300, List.of("t1"))) {
            Recorder recorder = new Recorder("sink", System.currentTimeMillis());
            receivers.recordInto(recorder);
            long created = System.currentTimeMillis();

            int status = post(receivers.url("t1"), notifications.value("t1", "1", 1, created));

            long answeredAfter = System.currentTimeMillis() - created;
            assertThat(status).isEqualTo(204);
            assertThat(answeredAfter).isGreaterThanOrEqualTo(300);
            assertThat(recorder.result(1).latency().max()).isLessThan(300);
        }
    }

    @Test
    void nothingIsRecordedBetweenPhases() throws Exception {
        try (Receivers receivers = Receivers.start(0, List.of("t1"))) {
            Recorder recorder = new Recorder("sink", System.currentTimeMillis());
            receivers.recordInto(recorder);
            receivers.recordInto(null);

            int status = post(receivers.url("t1"), notifications.value("t1", "1", 1, System.currentTimeMillis()));

            assertThat(status).isEqualTo(204);
            assertThat(recorder.result(0).requests()).isZero();
        }
    }

    private int post(String url, byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static int port(String url) {
        return URI.create(url).getPort();
    }
}
