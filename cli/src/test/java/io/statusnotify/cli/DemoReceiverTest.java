package io.statusnotify.cli;

import io.statusnotify.schema.Json;
import io.statusnotify.schema.Notification;
import io.statusnotify.schema.UserStatus;
import io.statusnotify.testing.TestHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class DemoReceiverTest {
    private static final Credentials RIGHT = new Credentials("demo", "s3cret-pass");
    private final List<String> printed = new CopyOnWriteArrayList<>();
    private final DemoReceiver receiver = DemoReceiver.start("127.0.0.1", 0, RIGHT, printed::add);
    private final HttpClient http = TestHttp.client();

    @AfterEach
    void stop() {
        receiver.close();
    }

    private static byte[] notification(long sequenceNum) {
        UserStatus body = new UserStatus(DemoUser.ROSTER.get(0).withState("Online"), null, null, null, null, null, null);
        return Json.write(Notification.of(sequenceNum, 1_000L, body).withQueueTimestamp(2_000L));
    }

    private HttpResponse<String> post(byte[] body, String authorization) throws Exception {
        HttpRequest.Builder request = TestHttp.request(URI.create(receiver.url("127.0.0.1")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void rightCredentialsAreAcceptedCountedAndPrinted() throws Exception {
        HttpResponse<String> response = post(notification(77), RIGHT.basicAuthorization());

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(receiver.accepted()).isEqualTo(1);
        assertThat(receiver.notifications()).extracting(Notification::sequenceNum).containsExactly(77L);
        assertThat(printed).singleElement().asString()
                .contains("tenant=demo", "user=alice", "Online", "seq=77", "auth=ok");
    }

    @Test
    void wrongPasswordIsRejectedWith401AndNotCounted() throws Exception {
        HttpResponse<String> response = post(notification(1), new Credentials("demo", "guess").basicAuthorization());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        assertThat(receiver.accepted()).isZero();
        assertThat(receiver.rejected()).isEqualTo(1);
        assertThat(printed).singleElement().asString().contains("auth=REJECTED").doesNotContain("guess");
    }

    @Test
    void missingCredentialsAreRejectedWith401() throws Exception {
        HttpResponse<String> response = post(notification(1), null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(receiver.accepted()).isZero();
    }

    @Test
    void bodyThatIsNotANotificationGets400() throws Exception {
        HttpResponse<String> response = post("{\"hello\":".getBytes(), RIGHT.basicAuthorization());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(receiver.accepted()).isZero();
        assertThat(printed).singleElement().asString().contains("not a notification");
    }

    @Test
    void withoutCredentialsConfiguredEverythingIsAcceptedUnchecked() throws Exception {
        try (DemoReceiver open = DemoReceiver.start("127.0.0.1", 0, null, printed::add)) {
            HttpResponse<String> response = http.send(TestHttp.request(URI.create(open.url("127.0.0.1")))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(notification(5))).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(204);
            assertThat(open.accepted()).isEqualTo(1);
            assertThat(printed).singleElement().asString().contains("auth=not checked");
        }
    }

    @Test
    void postsToAnyPathAreAcceptedSoTheReadmesSnsUrlWorks() throws Exception {
        Credentials readme = new Credentials("portal", "s3cret");
        try (DemoReceiver anyPath = DemoReceiver.start("127.0.0.1", 0, readme, printed::add)) {
            HttpResponse<String> response = http.send(TestHttp.request(
                            URI.create("http://127.0.0.1:" + anyPath.port() + "/sns"))
                    .header("Authorization", readme.basicAuthorization())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(notification(9))).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(204);
            assertThat(anyPath.accepted()).isEqualTo(1);
            assertThat(printed).singleElement().asString().contains("seq=9", "auth=ok");
        }
    }

    @Test
    void credentialsNeverShowThePassword() {
        assertThat(RIGHT.toString()).doesNotContain("s3cret-pass");
    }
}
