package io.statusnotify.sink.engine;

import io.statusnotify.sink.kafka.RetryHeaders;

import io.statusnotify.schema.TenantConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.statusnotify.sink.engine.EngineFixture.header;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the dispatcher sends when, driven through the engine with a fake sender and a fake clock: one user in order,
 * the tenant and global in-flight limits, the rate cap, and a failed attempt parked on the retry topic.
 */
class DispatcherTest {
    private EngineFixture sink;

    @AfterEach
    void close() {
        if (sink != null) sink.close();
    }

    @Test
    void givenTwoNotificationsOfOneUser_whenTheFirstIsInFlight_thenTheSecondIsSentOnlyAfterItsAnswer() {
        sink = EngineFixture.start().tenants("acme").assign(0);
        sink.notification(0, "acme", "m1", 1);
        sink.notification(0, "acme", "m1", 2);
        sink.notification(0, "acme", "m2", 3);

        sink.step();
        assertThat(sink.sender.sent()).containsExactly(1L, 3L);

        sink.sender.answer(3, 200);
        sink.step();
        assertThat(sink.sender.sent()).as("another user's answer does not let it go").containsExactly(1L, 3L);

        sink.sender.answer(1, 200);
        sink.step();
        assertThat(sink.sender.sent()).containsExactly(1L, 3L, 2L);
    }

    @Test
    void givenAFixedTenantLimitOfTwo_whenThreeUsersWait_thenTheThirdGoesWhenOneAnswersAndOtherTenantsAreNotHeld() {
        sink = EngineFixture.start("SNS_TENANT_LIMIT", "fixed", "SNS_TENANT_MAX_IN_FLIGHT", "2")
                .tenants("acme", "globex").assign(0);
        sink.usersEach("acme", 1, 2, 3);
        sink.usersEach("globex", 10);

        sink.step();
        assertThat(sink.sender.sent()).containsExactly(1L, 2L, 10L);

        sink.sender.answer(10, 200);
        sink.step();
        assertThat(sink.sender.sent()).as("globex's answer frees none of acme's slots").containsExactly(1L, 2L, 10L);

        sink.sender.answer(2, 200);
        sink.step();
        assertThat(sink.sender.sent()).containsExactly(1L, 2L, 10L, 3L);
    }

    @Test
    void givenTheGlobalLimitReached_whenARequestAnswers_thenTheSlotGoesToTheTenantThatWaitedFirst() {
        sink = EngineFixture.start("SNS_TENANT_LIMIT", "fixed", "SNS_SINK_MAX_IN_FLIGHT", "3")
                .tenants("acme", "globex").assign(0);
        sink.usersEach("acme", 1, 2, 3);
        sink.usersEach("globex", 10);
        sink.usersEach("acme", 4);

        sink.step();
        assertThat(sink.sender.sent()).containsExactly(1L, 2L, 3L);

        sink.sender.answer(1, 200);
        sink.step();
        assertThat(sink.sender.sent()).as("globex waited for a slot before acme's fourth").containsExactly(1L, 2L, 3L, 10L);

        sink.sender.answer(2, 200);
        sink.step();
        assertThat(sink.sender.sent()).containsExactly(1L, 2L, 3L, 10L, 4L);
        assertThat(sink.sender.open()).hasSize(3);
    }

    @Test
    void givenARateCapOfTwoPerSecond_whenFourUsersWait_thenTwoGoAtOnceAndEachNextOneHalfASecondLater() {
        sink = EngineFixture.start()
                .tenant("acme", new TenantConfig(true, "http://acme.example/hook", "acme", "pw", null, 2.0)).assign(0);
        sink.usersEach("acme", 1, 2, 3, 4);

        sink.step();
        assertThat(sink.sender.sent()).as("the burst").containsExactly(1L, 2L);

        sink.advance(Duration.ofMillis(499));
        sink.step();
        assertThat(sink.sender.sent()).containsExactly(1L, 2L);

        sink.advance(Duration.ofMillis(1));
        sink.step();
        assertThat(sink.sender.sent()).containsExactly(1L, 2L, 3L);

        sink.advance(Duration.ofMillis(499));
        sink.step();
        assertThat(sink.sender.sent()).containsExactly(1L, 2L, 3L);

        sink.advance(Duration.ofMillis(1));
        sink.step();
        assertThat(sink.sender.sent()).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void givenA5xx_whenTheUsersNextNotificationComes_thenBothWaitOnTheRetryTopicInOrderAndAreSentInOrderAfterTheDelay() {
        sink = EngineFixture.start().tenants("acme").assign(0);
        sink.notification(0, "acme", "m1", 1);
        sink.notification(0, "acme", "m1", 2);
        sink.step();

        sink.sender.answer(1, 500);
        sink.step();
        sink.step(); // 2 is parked behind 1 once 1's write is acknowledged: a task queued during the turn before

        String retryTopic = sink.settings.topics().notificationsRetry();
        List<ProducerRecord<String, byte[]>> parked = sink.written(retryTopic);
        assertThat(parked).extracting(EngineFixture::sequenceNum).containsExactly(1L, 2L);
        ProducerRecord<String, byte[]> failed = parked.get(0);
        assertThat(failed.partition()).isZero();
        assertThat(header(failed, RetryHeaders.ATTEMPTS)).isEqualTo("1");
        assertThat(header(failed, RetryHeaders.STATUS)).isEqualTo("500");
        assertThat(header(failed, RetryHeaders.SOURCE_OFFSET)).isEqualTo("0");
        assertThat(header(failed, RetryHeaders.GROUP)).isEqualTo(sink.settings.groupId());
        assertThat(header(failed, RetryHeaders.NOT_BEFORE)).isEqualTo(String.valueOf(EngineFixture.START.toEpochMilli() + 100));
        assertThat(header(parked.get(1), RetryHeaders.ATTEMPTS)).as("never tried: it only follows the first").isEqualTo("0");
        assertThat(sink.sender.sent()).containsExactly(1L);

        sink.readBackRetryTopic();
        sink.advance(Duration.ofMillis(99));
        sink.step();
        assertThat(sink.sender.sent()).as("before SNS_RETRY_DELAYS' first delay").containsExactly(1L);

        sink.advance(Duration.ofMillis(1));
        sink.step();
        assertThat(sink.sender.sent()).containsExactly(1L, 1L);

        sink.sender.answer(1, 200);
        sink.step();
        assertThat(sink.sender.sent()).containsExactly(1L, 1L, 2L);

        sink.sender.answer(2, 200);
        sink.commit();
        assertThat(sink.committed(sink.notifications(0)).offset()).isEqualTo(2);
        assertThat(sink.committed(sink.retry(0)).offset()).isEqualTo(2);
        assertThat(sink.written(retryTopic)).as("nothing parked again").hasSize(2);
    }
}
