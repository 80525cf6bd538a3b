package io.statusnotify.bench;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The receivers on the wire, byte for byte: what HTTP clients rarely do but may. */
class ReceiversWireTest {
    private static final String NO_CONTENT = "HTTP/1.1 204 No Content\r\n\r\n";
    private static final String NO_CONTENT_CLOSE = "HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n";
    private static final String CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n";
    private final Notifications notifications = new Notifications();
    private Receivers receivers;
    private Recorder recorder;

    @AfterEach
    void close() {
        if (receivers != null) receivers.close();
    }

    @Test
    void pipelinedRequestsAreAllAnsweredAndOnlyBodiesRecorded() throws Exception {
        // given
        start(0);
        try (Socket socket = connect()) {
            // when two POSTs and a GET arrive in one write
            send(socket, post("/t1", 1) + post("/t1", 2) + "GET /t1 HTTP/1.1\r\nHost: x\r\n\r\n");

            // then
            assertThat(answers(socket, 3)).isEqualTo(NO_CONTENT.repeat(3));
            assertThat(recorder.result(2).requests()).isEqualTo(2);
            assertThat(recorder.result(2).delivered()).isEqualTo(2);
        }
    }

    @Test
    void delayedAnswersKeepTheOrderOfTheirRequests() throws Exception {
        // given a receiver that answers after 200 ms
        start(200);
        try (Socket socket = connect()) {
            long sent = System.nanoTime();

            // when a request is followed at once by the head of one that expects 100-continue
            String secondBody = body(2);
            send(socket, post("/t1", 1) + "POST /t1 HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: "
                    + secondBody.length() + "\r\n\r\n");

            // then the 100 waits for the answer before it, and the first arrival was recorded before its answer
            assertThat(answers(socket, 2)).isEqualTo(NO_CONTENT + CONTINUE);
            assertThat((System.nanoTime() - sent) / 1_000_000).isGreaterThanOrEqualTo(200);
            assertThat(recorder.result(1).latency().max()).isLessThan(200);
            send(socket, secondBody);
            assertThat(answers(socket, 1)).isEqualTo(NO_CONTENT);
            assertThat(recorder.result(2).delivered()).isEqualTo(2);
        }
    }

    @Test
    void aHeadExpectingContinueGetsItBeforeItSendsTheBody() throws Exception {
        start(0);
        try (Socket socket = connect()) {
            String body = body(1);
            send(socket, "POST /t1 HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: " + body.length() + "\r\n\r\n");
            assertThat(answers(socket, 1)).isEqualTo(CONTINUE);

            send(socket, body);

            assertThat(answers(socket, 1)).isEqualTo(NO_CONTENT);
            assertThat(recorder.result(1).delivered()).isEqualTo(1);
        }
    }

    @Test
    void connectionCloseIsAnsweredThenClosed() throws Exception {
        start(0);
        try (Socket socket = connect()) {
            send(socket, post("/t1", 1).replace("Host: x", "Host: x\r\nConnection: close"));

            assertThat(answers(socket, 1)).isEqualTo(NO_CONTENT_CLOSE);
            assertThat(socket.getInputStream().read()).as("closed").isEqualTo(-1);
        }
    }

    @Test
    void http10IsClosedAfterItsAnswerUnlessItAsksToKeepAlive() throws Exception {
        start(0);
        try (Socket plain = connect(); Socket keepAlive = connect()) {
            send(plain, "GET /t1 HTTP/1.0\r\n\r\n");
            send(keepAlive, "GET /t1 HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");

            assertThat(answers(plain, 1)).isEqualTo(NO_CONTENT_CLOSE);
            assertThat(plain.getInputStream().read()).as("closed").isEqualTo(-1);
            assertThat(answers(keepAlive, 1)).isEqualTo("HTTP/1.1 204 No Content\r\nConnection: keep-alive\r\n\r\n");
            send(keepAlive, "GET /t1 HTTP/1.0\r\n\r\n");
            assertThat(answers(keepAlive, 1)).as("still open").isEqualTo(NO_CONTENT_CLOSE);
        }
    }

    @Test
    void aClientThatHalfClosesStillGetsItsDelayedAnswer() throws Exception {
        start(100);
        try (Socket socket = connect()) {
            send(socket, post("/t1", 1));
            socket.shutdownOutput();

            assertThat(answers(socket, 1)).isEqualTo(NO_CONTENT);
            assertThat(socket.getInputStream().read()).as("closed").isEqualTo(-1);
            assertThat(recorder.result(1).delivered()).isEqualTo(1);
        }
    }

    @Test
    void aMalformedRequestIsABadRequestAndTheConnectionIsClosed() throws Exception {
        start(0);
        try (Socket socket = connect()) {
            send(socket, post("/t1", 1) + "NOT HTTP\r\n\r\n" + post("/t1", 2));

            assertThat(answers(socket, 2)).isEqualTo(NO_CONTENT
                    + "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            assertThat(socket.getInputStream().read()).as("closed").isEqualTo(-1);
            assertThat(recorder.result(1).requests()).isEqualTo(1);
        }
    }

    @Test
    void anOversizedHeadIsTooLargeAndTheConnectionIsClosed() throws Exception {
        start(0);
        try (Socket socket = connect()) {
            send(socket, "POST /t1 HTTP/1.1\r\nX-Filler: " + "a".repeat(70_000) + "\r\n\r\n");

            assertThat(answers(socket, 1))
                    .isEqualTo("HTTP/1.1 413 Content Too Large\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            assertThat(socket.getInputStream().read()).as("closed").isEqualTo(-1);
        }
    }

    private void start(int delayMs) {
        receivers = Receivers.start(delayMs, List.of("t1"));
        recorder = new Recorder("wire", System.currentTimeMillis());
        receivers.recordInto(recorder);
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", URI.create(receivers.url("t1")).getPort());
        socket.setSoTimeout(5000);
        return socket;
    }

    private String post(String path, long seq) {
        String body = body(seq);
        return "POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length() + "\r\n\r\n" + body;
    }

    private String body(long seq) {
        return new String(notifications.value("t1", "1", seq, System.currentTimeMillis()), StandardCharsets.ISO_8859_1);
    }

    private static void send(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
    }

    /** The next {@code count} answers (none has a body), as text. */
    private static String answers(Socket socket, int count) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        int ends = 0;
        int last4 = 0;
        while (ends < count) {
            int b = in.read();
            if (b < 0) break;
            text.write(b);
            last4 = last4 << 8 | b;
            if (last4 == 0x0d0a0d0a) ends++;
        }
        return text.toString(StandardCharsets.ISO_8859_1);
    }
}
