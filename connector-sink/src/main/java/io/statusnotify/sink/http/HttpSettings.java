package io.statusnotify.sink.http;

import io.statusnotify.settings.Settings;

import java.time.Duration;

/** {@code SNS_HTTP_CONNECT_TIMEOUT} (default 5s), {@code SNS_HTTP_RESPONSE_TIMEOUT} (default 10s). */
public record HttpSettings(Duration connectTimeout, Duration responseTimeout) {
    public static HttpSettings from(Settings s) {
        Duration minTimeout = Duration.ofMillis(1);
        return new HttpSettings(
                s.duration("SNS_HTTP_CONNECT_TIMEOUT", Duration.ofSeconds(5), minTimeout, Duration.ofMinutes(5)),
                s.duration("SNS_HTTP_RESPONSE_TIMEOUT", Duration.ofSeconds(10), minTimeout, Duration.ofMinutes(5)));
    }
}
