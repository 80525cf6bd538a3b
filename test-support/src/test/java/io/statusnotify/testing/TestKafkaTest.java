package io.statusnotify.testing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(SharedKafka.class)
class TestKafkaTest {

    @Test
    void producedRecordsCanBeReadBack(TestKafka kafka) {
        String topic = TestKafka.uniqueName("roundtrip");
        kafka.createTopic(topic, 2, Map.of());

        kafka.send(topic, "k", "v");

        var records = kafka.awaitRecords(topic, 1, Duration.ofSeconds(30));
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo("k");
            assertThat(new String(r.value())).isEqualTo("v");
        });
    }

    @Test
    void givenOneRecordMoreThanAwaited_whenAwaitingAnExactCount_thenItFails(TestKafka kafka) {
        String topic = TestKafka.uniqueName("one-too-many");
        kafka.createTopic(topic, 1, Map.of());
        kafka.send(topic, "k", "first");
        kafka.send(topic, "k", "duplicate");

        assertThatThrownBy(() -> kafka.awaitRecords(topic, 1, Duration.ofSeconds(30)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("expected exactly 1 but got 2");
    }

    @Test
    void receiverRecordsRequestsAndCanGoDownAndComeBack() throws Exception {
        try (RecordingReceiver receiver = RecordingReceiver.start()) {
            HttpClient http = TestHttp.client();
            HttpRequest post = TestHttp.request(URI.create(receiver.url("/hook")))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).header("X-Test", "1").build();
            assertThat(http.send(post, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(204);

            receiver.stop();
            assertThatThrownBy(() -> http.send(post, HttpResponse.BodyHandlers.discarding())).isInstanceOf(java.io.IOException.class);

            receiver.restart();
            receiver.respondWith(500);
            assertThat(http.send(post, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(500);
            assertThat(receiver.requestsTo("/hook")).hasSize(2)
                    .allSatisfy(r -> assertThat(r.header("x-test")).isEqualTo("1"));
        }
    }
}
