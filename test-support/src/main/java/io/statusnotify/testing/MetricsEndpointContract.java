package io.statusnotify.testing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * What an app's /metrics must show once each of its meters has moved: every meter there, a non-empty
 * {@code # HELP} line for every {@code sns_} series, nothing promtool objects to in them, and no secret. A test
 * class extends it and sets the scene once, in a {@code @BeforeAll}: the app, its admin server, the traffic.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class MetricsEndpointContract {
    private static final String PREFIX = "sns_";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The class declaring the app's meter names ({@code static final String}s starting "sns."). */
    private final Class<?> meters;

    protected MetricsEndpointContract(Class<?> meters) {
        this.meters = meters;
    }

    /** The text /metrics served after the scene, which moved every meter of the app. */
    protected abstract String exposition();

    /** Passwords the scene configured: they must not show. */
    protected abstract List<String> secrets();

    @Test
    void everyMeterIsOnMetricsAndEverySnsSeriesHasAHelpLine() {
        Set<String> families = PrometheusText.helpByFamily(exposition()).keySet();
        List<String> names = DeclaredNames.withPrefix(meters, "sns.");

        assertThat(names).as("meter names of %s", meters.getSimpleName()).isNotEmpty();
        for (String name : names) {
            // As Micrometer names it for Prometheus: a gauge as it is, a counter with _total, a timer in _seconds.
            String base = name.replaceAll("[^A-Za-z0-9]", "_");
            assertThat(families).as("the family of meter %s on /metrics", name)
                    .containsAnyOf(base, base + "_total", base + "_seconds");
        }
        assertThat(PrometheusText.seriesWithoutHelp(exposition(), PREFIX)).isEmpty();
    }

    @Test
    void promtoolFindsNothingWrongWithTheSnsSeries() {
        assumeThat(Promtool.installed()).as(Promtool.BINARY + " (Debian package prometheus) is not installed").isTrue();

        Promtool.Lint lint = Promtool.checkMetrics(exposition());

        assertThat(lint.parsed()).as("promtool read /metrics: %s", lint.lines()).isTrue();
        assertThat(lint.about(PREFIX)).isEmpty();
    }

    @Test
    void metricsHoldNoSecret() {
        assertThat(secrets()).isNotEmpty().allSatisfy(secret -> assertThat(exposition()).doesNotContain(secret));
    }

    /** GET /metrics from an admin server on this host, as Prometheus does. */
    public static String scrape(int port) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) throw new IllegalStateException("/metrics answered " + response.statusCode());
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted scraping /metrics", e);
        }
    }
}
