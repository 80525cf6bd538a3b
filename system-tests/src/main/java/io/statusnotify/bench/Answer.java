package io.statusnotify.bench;

import java.nio.charset.StandardCharsets;

/** Every response the receivers send, ready as bytes. */
enum Answer {
    CONTINUE("100 Continue", ""),
    NO_CONTENT("204 No Content", ""),
    // An HTTP/1.0 client closes the connection unless told it stays open.
    NO_CONTENT_KEEP_ALIVE("204 No Content", "Connection: keep-alive\r\n"),
    NO_CONTENT_CLOSE("204 No Content", "Connection: close\r\n"),
    BAD_REQUEST("400 Bad Request", "Content-Length: 0\r\nConnection: close\r\n"),
    TOO_LARGE("413 Content Too Large", "Content-Length: 0\r\nConnection: close\r\n");

    final byte[] bytes;
    final boolean closes;

    Answer(String status, String headers) {
        this.bytes = ("HTTP/1.1 " + status + "\r\n" + headers + "\r\n").getBytes(StandardCharsets.US_ASCII);
        this.closes = headers.contains("Connection: close");
    }

    static Answer to(Http1RequestParser.Persistence persistence) {
        return switch (persistence) {
            case KEEP_ALIVE -> NO_CONTENT;
            case KEEP_ALIVE_HTTP_1_0 -> NO_CONTENT_KEEP_ALIVE;
            case CLOSE -> NO_CONTENT_CLOSE;
        };
    }

    static Answer rejecting(int status) {
        return status == 413 ? TOO_LARGE : BAD_REQUEST;
    }
}
