package io.statusnotify.sink.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The {@code Authorization} header value of HTTP basic auth (RFC 7617, UTF-8). */
public final class BasicAuth {
    private BasicAuth() {
    }

    public static String header(String username, String password) {
        String pair = username + ":" + (password == null ? "" : password);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }
}
