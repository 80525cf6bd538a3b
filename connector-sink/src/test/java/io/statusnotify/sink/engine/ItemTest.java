package io.statusnotify.sink.engine;

import io.statusnotify.sink.kafka.RetryHeaders;
import io.statusnotify.sink.SinkHarness;

import io.statusnotify.schema.Json;
import io.statusnotify.schema.Notification;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** When a notification's queueTimestamp is stamped, and that every attempt sends the same bytes. */
class ItemTest {
    private static final long FIRST_ATTEMPT = 1_764_080_000_123L;

    private static ConsumerRecord<String, byte[]> record(String topic, byte[] value) {
        return new ConsumerRecord<>(topic, 0, 5, "acme/2727", value);
    }

    private static Item item(ConsumerRecord<String, byte[]> record, boolean fromRetryTopic) {
        return new Item(record, NotificationStamp.read(record.value()), RetryHeaders.read(record, fromRetryTopic));
    }

    private static Long stampIn(byte[] body) {
        return Json.read(body, Notification.class).queueTimestamp();
    }

    private static byte[] unstamped() {
        return Json.write(SinkHarness.seedNotification("acme", 7));
    }

    @Test
    void givenAPolledNotification_whenNotYetAttempted_thenItsBodyHasNoStamp() {
        byte[] value = unstamped();

        Item item = item(record("sns.notifications", value), false);

        assertThat(item.body).isSameAs(value); // what a park before any attempt writes to the retry topic
        assertThat(stampIn(item.body)).isNull();
    }

    @Test
    void givenItsFirstAttempt_whenSentAndRetried_thenTheStampIsTheFirstAttemptsTimeAndTheBytesStayTheSame() {
        Item item = item(record("sns.notifications", unstamped()), false);
        item.firstAttemptAt = FIRST_ATTEMPT;

        byte[] first = item.bodyToSend();
        item.firstAttemptAt = FIRST_ATTEMPT + 5_000; // never changes in the dispatcher; the stamp would not follow
        byte[] retry = item.bodyToSend();

        assertThat(stampIn(first)).isEqualTo(FIRST_ATTEMPT);
        assertThat(retry).isSameAs(first);
        assertThat(item.body).isSameAs(first); // what a park after the attempt writes to the retry topic
    }

    @Test
    void givenACopyParkedAfterAnAttempt_whenReadBackFromTheRetryTopic_thenItsStampIsKept() {
        byte[] parked = Json.write(SinkHarness.seedNotification("acme", 7).withQueueTimestamp(FIRST_ATTEMPT));
        ConsumerRecord<String, byte[]> record = record("sns.notifications.retry", parked);
        record.headers().add(new RecordHeader(RetryHeaders.ATTEMPTS, "1".getBytes(StandardCharsets.UTF_8)));
        record.headers().add(new RecordHeader(RetryHeaders.FIRST_ATTEMPT_AT,
                String.valueOf(FIRST_ATTEMPT).getBytes(StandardCharsets.UTF_8)));

        Item item = item(record, true);

        assertThat(item.bodyToSend()).isSameAs(parked);
    }

    @Test
    void givenACopyParkedBeforeAnyAttempt_whenReadBackAndSent_thenItIsStampedAtThatAttempt() {
        Item item = item(record("sns.notifications.retry", unstamped()), true);
        item.firstAttemptAt = FIRST_ATTEMPT;

        assertThat(stampIn(item.bodyToSend())).isEqualTo(FIRST_ATTEMPT);
    }

    @Test
    void givenAProducersStampAndNoAttempt_whenSent_thenTheStampIsReplacedByTheFirstAttemptsTime() {
        byte[] producerStamped = Json.write(SinkHarness.seedNotification("acme", 7).withQueueTimestamp(5L));
        Item item = item(record("sns.notifications", producerStamped), false);
        item.firstAttemptAt = FIRST_ATTEMPT;

        assertThat(stampIn(item.bodyToSend())).isEqualTo(FIRST_ATTEMPT);
    }

    @Test
    void givenAnAttemptedParkedNotificationUnloaded_whenReadAgainAndRetried_thenItSendsTheSameBytes() {
        ConsumerRecord<String, byte[]> record = record("sns.notifications.retry", unstamped());
        Item item = item(record, true);
        item.firstAttemptAt = FIRST_ATTEMPT;
        byte[] first = item.bodyToSend().clone();

        item.unload();
        item.load(record, NotificationStamp.read(record.value()), RetryHeaders.read(record, true));

        assertThat(item.bodyToSend()).isEqualTo(first);
    }
}
