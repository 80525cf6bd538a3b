package io.statusnotify.bench;

import io.statusnotify.testing.TestHttp;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.async.MinimalHttpAsyncClient;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http2.config.H2Config;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.TimeValue;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ReceiversTest {
    private final HttpClient http = TestHttp.clientBuilder().version(HttpClient.Version.HTTP_1_1).build();
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

    @Test
    void theSinksAsyncClientKeepsItsPooledConnectionsAndEveryRequestIsRecordedOnce() throws Exception {
        // given a slow-ish receiver (so requests overlap) and the sink's client: minimal, pooling, keep-alive
        PoolingAsyncClientConnectionManager pool = PoolingAsyncClientConnectionManagerBuilder.create()
                .setMaxConnTotal(200).setMaxConnPerRoute(200).build();
        MinimalHttpAsyncClient client = HttpAsyncClients.createMinimal(H2Config.DEFAULT, Http1Config.DEFAULT,
                IOReactorConfig.custom().setIoThreadCount(2).build(), pool);
        client.start();
        try (Receivers receivers = Receivers.start(20, List.of("t1"))) {
            Recorder recorder = new Recorder("sink", System.currentTimeMillis());
            receivers.recordInto(recorder);

            // when 3000 notifications are posted at once
            List<Future<SimpleHttpResponse>> answers = new ArrayList<>();
            for (int seq = 1; seq <= 3000; seq++) {
                byte[] body = notifications.value("t1", String.valueOf(seq % 50), seq, System.currentTimeMillis());
                answers.add(client.execute(SimpleRequestBuilder.post(receivers.url("t1"))
                        .setBody(body, ContentType.APPLICATION_JSON).build(), null));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<SimpleHttpResponse> answer : answers) statuses.add(answer.get(30, TimeUnit.SECONDS).getCode());

            // then every one was answered and recorded once, over connections the pool kept open
            assertThat(statuses).hasSize(3000).containsOnly(204);
            PhaseResult result = recorder.result(3000);
            assertThat(result.requests()).isEqualTo(3000);
            assertThat(result.delivered()).isEqualTo(3000);
            assertThat(result.duplicates()).isZero();
            assertThat(result.unreadable()).isZero();
            assertThat(pool.getTotalStats().getAvailable()).as("connections kept alive").isGreaterThan(1);
        } finally {
            // As the sink does: letting the reactor stop first avoids its ClosedSelectorException noise.
            client.initiateShutdown();
            client.awaitShutdown(TimeValue.ofSeconds(2));
            client.close(CloseMode.IMMEDIATE);
        }
    }

    @Test
    void theJdkClientsDefaultHttp2UpgradeIsAnsweredOverHttp11() throws Exception {
        // given the JDK client as it comes: HTTP/2, which over http:// asks for an h2c upgrade
        HttpClient http2 = TestHttp.client();
        try (Receivers receivers = Receivers.start(0, List.of("t1"))) {
            Recorder recorder = new Recorder("baseline", System.currentTimeMillis());
            receivers.recordInto(recorder);

            // when it posts twice
            List<HttpResponse<Void>> responses = new ArrayList<>();
            for (int seq = 1; seq <= 2; seq++) {
                responses.add(http2.send(TestHttp.request(URI.create(receivers.url("t1")))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(
                                notifications.value("t1", "1", seq, System.currentTimeMillis()))).build(),
                        HttpResponse.BodyHandlers.discarding()));
            }

            // then the upgrade was declined: plain HTTP/1.1 answers, both recorded
            assertThat(responses).extracting(HttpResponse::statusCode).containsExactly(204, 204);
            assertThat(responses).extracting(HttpResponse::version)
                    .containsOnly(HttpClient.Version.HTTP_1_1);
            assertThat(recorder.result(2).delivered()).isEqualTo(2);
        }
    }

    @Test
    void aChunkedBodyFromTheJdkClientIsRecordedWhole() throws Exception {
        try (Receivers receivers = Receivers.start(0, List.of("t1"))) {
            Recorder recorder = new Recorder("baseline", System.currentTimeMillis());
            receivers.recordInto(recorder);

            // when bodies of unknown length (sent chunked) follow each other on one connection
            for (int seq = 1; seq <= 20; seq++) {
                byte[] body = notifications.value("t1", "1", seq, System.currentTimeMillis());
                int status = http.send(TestHttp.request(URI.create(receivers.url("t1")))
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                assertThat(status).isEqualTo(204);
            }

            // then every body was read whole (an unreadable one would lack its fields)
            PhaseResult result = recorder.result(20);
            assertThat(result.delivered()).isEqualTo(20);
            assertThat(result.unreadable()).isZero();
            assertThat(result.orderViolations()).isZero();
        }
    }

    @Test
    void aClientExpectingContinueIsLetThrough() throws Exception {
        try (Receivers receivers = Receivers.start(0, List.of("t1"))) {
            Recorder recorder = new Recorder("baseline", System.currentTimeMillis());
            receivers.recordInto(recorder);

            int status = http.send(TestHttp.request(URI.create(receivers.url("t1"))).expectContinue(true)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(
                            notifications.value("t1", "1", 1, System.currentTimeMillis()))).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();

            assertThat(status).isEqualTo(204);
            assertThat(recorder.result(1).delivered()).isEqualTo(1);
        }
    }

    @Test
    void theTenantIsThePathWithoutItsQuery() {
        assertThat(Receivers.tenantOf("/t1?x=1")).isEqualTo("t1");
        assertThat(Receivers.tenantOf("/idle-3")).isEqualTo("idle-3");
        assertThat(Receivers.tenantOf("http://127.0.0.1:8080/t2?y")).isEqualTo("t2");
        assertThat(Receivers.tenantOf("*")).isEqualTo("*");
    }

    private int post(String url, byte[] body) throws Exception {
        return http.send(TestHttp.request(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static int port(String url) {
        return URI.create(url).getPort();
    }
}
