package io.statusnotify.bench;

import io.statusnotify.bench.Http1RequestParser.Persistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class Http1RequestParserTest {
    private static final String POST = "POST /t1 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5\r\n\r\nhello";
    private static final String CHUNKED = "POST /t2?x=1 HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "3;name=value\r\nabc\r\n4\r\ndefg\r\n0\r\nTrailer-One: 1\r\n\r\n";
    private static final String GET = "GET /t3 HTTP/1.1\r\n\r\n";

    private final Events events = new Events();
    private final Http1RequestParser parser = new Http1RequestParser(events);

    @Test
    void aPostWithContentLengthIsOneRequestThatKeepsTheConnection() {
        feed(POST);

        assertThat(events.seen).containsExactly("request /t1 hello KEEP_ALIVE");
    }

    @Test
    void requestsSplitAtAnyByteAreReadTheSame() {
        // given three requests (fixed-length, chunked and bodiless) back to back
        byte[] stream = bytes(POST + CHUNKED + GET);
        List<String> expected = List.of("request /t1 hello KEEP_ALIVE", "request /t2?x=1 abcdefg KEEP_ALIVE",
                "request /t3 - KEEP_ALIVE");

        for (int split = 0; split <= stream.length; split++) {
            // when they arrive in two reads split at that byte
            Events split2 = new Events();
            Http1RequestParser parser2 = new Http1RequestParser(split2);
            parser2.feed(stream, 0, split);
            parser2.feed(stream, split, stream.length - split);

            // then
            assertThat(split2.seen).as("split at %d", split).isEqualTo(expected);
        }
    }

    @Test
    void requestsArrivingOneByteAtATimeAreReadTheSame() {
        byte[] stream = bytes(POST + CHUNKED);

        for (int i = 0; i < stream.length; i++) parser.feed(stream, i, 1);

        assertThat(events.seen).containsExactly("request /t1 hello KEEP_ALIVE", "request /t2?x=1 abcdefg KEEP_ALIVE");
    }

    @Test
    void twoRequestsInOneReadAreBothReadInOrder() {
        feed(POST + POST.replace("/t1", "/t9").replace("hello", "world"));

        assertThat(events.seen).containsExactly("request /t1 hello KEEP_ALIVE", "request /t9 world KEEP_ALIVE");
    }

    @Test
    void aChunkedBodyIsJoinedWithoutItsExtensionsAndTrailers() {
        feed("POST /t HTTP/1.1\r\ntransfer-encoding: gzip, Chunked\r\n\r\n"
                + "A ; ext=\"q\"\r\n0123456789\r\n1\r\nX\r\n0;last\r\nX-Sum: 1\r\nX-Other: 2\r\n\r\n");

        assertThat(events.seen).containsExactly("request /t 0123456789X KEEP_ALIVE");
    }

    @Test
    void anEmptyChunkedBodyIsNoBody() {
        feed("POST /t HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n");

        assertThat(events.seen).containsExactly("request /t - KEEP_ALIVE");
    }

    @Test
    void headerNamesAreCaseInsensitiveAndValuesMayBePadded() {
        feed("POST /t HTTP/1.1\r\ncOnTeNt-LeNgTh: \t 3 \t\r\nCONNECTION:   Close  \r\n\r\nabc");

        assertThat(events.seen).containsExactly("request /t abc CLOSE");
    }

    @Test
    void expectContinueIsReportedBeforeTheBodyIsRead() {
        // given only the head of a request that expects 100-continue
        feed("POST /t HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n");
        assertThat(events.seen).containsExactly("continue");

        // when the body follows
        feed("ok");

        // then
        assertThat(events.seen).containsExactly("continue", "request /t ok KEEP_ALIVE");
    }

    @Test
    void expectContinueWithoutABodyIsJustARequest() {
        feed("GET /t HTTP/1.1\r\nExpect: 100-continue\r\n\r\n");

        assertThat(events.seen).containsExactly("request /t - KEEP_ALIVE");
    }

    @Test
    void connectionCloseEndsTheConnectionAndNothingAfterItIsRead() {
        feed("POST /t HTTP/1.1\r\nConnection: close\r\nContent-Length: 1\r\n\r\nx" + GET);

        assertThat(events.seen).containsExactly("request /t x CLOSE");
    }

    @Test
    void http10ClosesUnlessAskedToKeepAlive() {
        feed("GET /a HTTP/1.0\r\nConnection: keep-alive\r\n\r\n" + "GET /b HTTP/1.0\r\n\r\n" + GET);

        assertThat(events.seen).containsExactly("request /a - KEEP_ALIVE_HTTP_1_0", "request /b - CLOSE");
    }

    @Test
    void anH2cUpgradeIsIgnored() {
        feed("POST /t HTTP/1.1\r\nConnection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\nHTTP2-Settings: AAEAAEAAAAIAAAAA"
                + "\r\nContent-Length: 2\r\n\r\nhi");

        assertThat(events.seen).containsExactly("request /t hi KEEP_ALIVE");
    }

    @Test
    void emptyLinesBeforeARequestAreSkipped() {
        feed("\r\n\r\n" + GET);

        assertThat(events.seen).containsExactly("request /t3 - KEEP_ALIVE");
    }

    @Test
    void theSameTargetIsTheSameString() {
        feed(POST + POST);

        assertThat(events.targets).hasSize(2);
        assertThat(events.targets.get(1)).isSameAs(events.targets.get(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"GARBAGE\r\n\r\n", "GET /\r\n\r\n", "GET  / HTTP/1.1\r\n\r\n", "GET / HTTP/2.0\r\n\r\n",
            "GET / HTTP/1.1 extra\r\n\r\n", "G(T / HTTP/1.1\r\n\r\n", "GET / http/1.1\r\n\r\n"})
    void aMalformedRequestLineIsABadRequestAndEndsReading(String request) {
        feed(request + GET);

        assertThat(events.seen).containsExactly("rejected 400");
    }

    @ParameterizedTest
    @ValueSource(strings = {"No-Colon", "Space-Before-Colon : 1", " Folded: 1", "Content-Length: 1x",
            "Content-Length: -1", "Content-Length:", "Transfer-Encoding: gzip",
            "Content-Length: 3\r\nContent-Length: 4", "Content-Length: 3\r\nTransfer-Encoding: chunked"})
    void aMalformedHeaderOrConflictingFramingIsABadRequest(String header) {
        feed("POST /t HTTP/1.1\r\n" + header + "\r\n\r\n" + GET);

        assertThat(events.seen).containsExactly("rejected 400");
    }

    @Test
    void aBadChunkSizeIsABadRequest() {
        feed("POST /t HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n");

        assertThat(events.seen).containsExactly("rejected 400");
    }

    @Test
    void headersOverTheCapAreTooLarge() {
        // given a head growing past 64 KB without ending, in small reads
        feed("POST /t HTTP/1.1\r\n");
        String header = "X-Filler: " + "a".repeat(1000) + "\r\n";
        for (int i = 0; i < 70 && events.seen.isEmpty(); i++) feed(header);

        assertThat(events.seen).containsExactly("rejected 413");
    }

    @Test
    void oneLineOverTheCapIsTooLargeBeforeItEnds() {
        feed("GET /" + "a".repeat(Http1RequestParser.MAX_HEAD_BYTES));

        assertThat(events.seen).containsExactly("rejected 413");
    }

    @Test
    void aHeadJustUnderTheCapIsRead() {
        String start = "GET /t HTTP/1.1\r\nX-Filler: ";
        String end = "\r\n\r\n";
        feed(start + "a".repeat(Http1RequestParser.MAX_HEAD_BYTES - start.length() - end.length()) + end);

        assertThat(events.seen).containsExactly("request /t - KEEP_ALIVE");
    }

    @Test
    void aBodyOverTheCapIsTooLarge() {
        feed("POST /t HTTP/1.1\r\nContent-Length: " + (Http1RequestParser.MAX_BODY_BYTES + 1) + "\r\n\r\n");

        assertThat(events.seen).containsExactly("rejected 413");
    }

    @Test
    void chunksAddingUpOverTheCapAreTooLarge() {
        feed("POST /t HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n" + "800000\r\n");
        byte[] half = new byte[Http1RequestParser.MAX_BODY_BYTES / 2];
        parser.feed(half, 0, half.length);
        feed("\r\n800000\r\n");
        parser.feed(half, 0, half.length);
        feed("\r\n1\r\n");

        assertThat(events.seen).containsExactly("rejected 413");
    }

    private void feed(String text) {
        byte[] data = bytes(text);
        parser.feed(data, 0, data.length);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static final class Events implements Http1RequestParser.Listener {
        final List<String> seen = new ArrayList<>();
        final List<String> targets = new ArrayList<>();

        @Override
        public void continueExpected() {
            seen.add("continue");
        }

        @Override
        public void request(String target, byte[] body, Persistence persistence) {
            targets.add(target);
            String text = body == null ? "-" : new String(body, StandardCharsets.ISO_8859_1);
            seen.add("request " + target + " " + text + " " + persistence);
        }

        @Override
        public void rejected(int status) {
            seen.add("rejected " + status);
        }
    }
}
