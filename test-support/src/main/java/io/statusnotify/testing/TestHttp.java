package io.statusnotify.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;

/**
 * The JDK HTTP client for tests, with a connect and a request timeout: without them a server that accepts and never
 * answers hangs the test (and the build) instead of failing it.
 */
public final class TestHttp {
    /** Long enough for a stall of a shared two-core machine, short enough to fail one test rather than CI. */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    private TestHttp() {
    }

    public static HttpClient client() {
        return clientBuilder().build();
    }

    /** For a client with other settings too (e.g. the HTTP version). */
    public static HttpClient.Builder clientBuilder() {
        return HttpClient.newBuilder().connectTimeout(TIMEOUT);
    }

    public static HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(TIMEOUT);
    }
}
