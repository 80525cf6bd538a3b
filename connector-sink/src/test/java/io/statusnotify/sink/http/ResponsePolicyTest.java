package io.statusnotify.sink.http;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ResponsePolicyTest {
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    private static Verdict status(int status, String retryAfter) {
        return ResponsePolicy.classify(new AttemptResult.Response(status, "x", retryAfter), NOW);
    }

    private static Verdict error(Exception e) {
        return ResponsePolicy.classify(new AttemptResult.Failure(e), NOW);
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 201, 202, 204, 299})
    void anyTwoHundredIsSuccess(int code) {
        assertThat(status(code, null)).isInstanceOf(Verdict.Success.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {408, 429, 500, 502, 503, 504})
    void transientStatusesAreRetried(int code) {
        assertThat(status(code, null)).isInstanceOf(Verdict.Retry.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {301, 302, 307, 400, 404, 413, 422})
    void redirectsAndOtherClientErrorsFailForGood(int code) {
        assertThat(status(code, null)).isEqualTo(new Verdict.Fail(code / 100 + "xx"));
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 403, 410})
    void refusalsParkTheTenantUntilItsConfigChanges(int code) {
        assertThat(status(code, null)).isEqualTo(new Verdict.Park("4xx"));
    }

    @Test
    void tooManyRequestsCarriesTheServersRetryAfter() {
        assertThat(status(429, "7")).isEqualTo(new Verdict.Retry("4xx", Optional.of(Duration.ofSeconds(7))));
        assertThat(status(503, "Wed, 25 Nov 2026 12:00:30 GMT"))
                .isEqualTo(new Verdict.Retry("5xx", Optional.of(Duration.ofSeconds(30))));
    }

    @Test
    void retryAfterOnOtherStatusesIsIgnored() {
        assertThat(status(500, "7")).isEqualTo(new Verdict.Retry("5xx", Optional.empty()));
    }

    @Test
    void connectionErrorsAndTimeoutsAreRetriedWithTheirKind() {
        assertThat(error(new HttpHostConnectException("refused"))).isEqualTo(new Verdict.Retry("connect", Optional.empty()));
        assertThat(error(new SocketTimeoutException("read timed out"))).isEqualTo(new Verdict.Retry("timeout", Optional.empty()));
        assertThat(error(new ConnectTimeoutException("connect timed out"))).isEqualTo(new Verdict.Retry("timeout", Optional.empty()));
        assertThat(error(new IOException("reset"))).isEqualTo(new Verdict.Retry("io", Optional.empty()));
    }

    @Test
    void aRequestThatCannotBeMadeFailsForGood() {
        assertThat(error(new IllegalArgumentException("bad uri"))).isEqualTo(new Verdict.Fail("request"));
    }

    @Test
    void troubleOnOurSideIsRetriedNotDeadLettered() {
        assertThat(error(new IllegalStateException("I/O reactor has been shut down")))
                .isEqualTo(new Verdict.Retry("request", Optional.empty()));
        assertThat(error(new java.util.concurrent.CancellationException("request cancelled")))
                .isEqualTo(new Verdict.Retry("request", Optional.empty()));
    }

    @Test
    void aRequestHttpClientRefusesToSendIsNotRetried() {
        Verdict verdict = error(new org.apache.hc.client5.http.ClientProtocolException("Request URI authority contains deprecated userinfo component"));

        assertThat(verdict).isEqualTo(new Verdict.Fail("protocol"));
    }
}
