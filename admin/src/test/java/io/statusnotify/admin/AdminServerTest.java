package io.statusnotify.admin;

import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.statusnotify.admin.access.Passwords;
import io.statusnotify.admin.access.Role;
import io.statusnotify.admin.access.WebConfig;
import io.statusnotify.admin.access.WebUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdminServerTest {
    /** Port 0 here: an ephemeral port for the test (the apps treat SNS_ADMIN_PORT=0 as "off" and never start one). */
    private static final AdminSettings ANY_PORT = new AdminSettings(0, "127.0.0.1");
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    /** Without a timeout a server that accepts and never answers would hang the build instead of failing a test. */
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private AdminServer server;

    @AfterEach
    void tearDown() {
        if (server != null) server.close();
    }

    @Test
    void liveAnswersUpWhileTheProcessRuns() throws Exception {
        server = AdminServer.start(ANY_PORT, registry, Map::of);

        HttpResponse<String> response = get("/health/live");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void readyIs503NamingTheFailingCheckUntilEveryCheckPasses() throws Exception {
        AtomicBoolean caughtUp = new AtomicBoolean(false);
        server = AdminServer.start(ANY_PORT, registry, () -> {
            Map<String, Boolean> checks = new LinkedHashMap<>();
            checks.put("running", true);
            checks.put("configCaughtUp", caughtUp.get());
            return checks;
        });

        HttpResponse<String> before = get("/health/ready");
        caughtUp.set(true);
        HttpResponse<String> after = get("/health/ready");

        assertThat(before.statusCode()).isEqualTo(503);
        assertThat(before.body()).isEqualTo("{\"status\":\"DOWN\",\"checks\":{\"running\":true,\"configCaughtUp\":false}}");
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.body()).startsWith("{\"status\":\"UP\"");
    }

    @Test
    void aReadinessCheckThatThrowsMeansNotReady() throws Exception {
        server = AdminServer.start(ANY_PORT, registry, () -> {
            throw new IllegalStateException("boom");
        });

        assertThat(get("/health/ready").statusCode()).isEqualTo(503);
    }

    @Test
    void metricsAreServedInPrometheusTextFormat() throws Exception {
        Counter.builder("sns.sink.delivered").tag("tenant", "acme").register(registry).increment(3);
        server = AdminServer.start(ANY_PORT, registry, Map::of);

        HttpResponse<String> response = get("/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
        assertThat(response.body()).contains("sns_sink_delivered_total{tenant=\"acme\"} 3.0");
    }

    @Test
    void onlyGetAndHeadAreAnswered() throws Exception {
        server = AdminServer.start(ANY_PORT, registry, Map::of);

        HttpResponse<String> response = http.send(request(url("/health/live"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(405);
    }

    @Test
    void aPortInUseIsRefusedNamingTheAddressAndTheSettings() {
        server = AdminServer.start(ANY_PORT, registry, Map::of);
        AdminSettings taken = new AdminSettings(server.port(), "127.0.0.1");

        assertThatThrownBy(() -> AdminServer.start(taken, registry, Map::of))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("127.0.0.1:" + server.port())
                .hasMessageContaining("SNS_ADMIN_PORT");
    }

    @Test
    void givenAUsersFileMetricsAskForALoginAndHealthStaysOpenForProbes() throws Exception {
        WebConfig users = WebConfig.empty().with(new WebUser("prometheus", Role.VIEWER, Set.of()), Passwords.hash("scrape-pass"));
        server = AdminServer.start(new AdminSettings(0, "127.0.0.1", Optional.of(users)), registry, Map::of);

        HttpResponse<String> anonymous = get("/metrics");
        HttpResponse<String> wrong = http.send(request(url("/metrics")).header("Authorization", basic("prometheus", "nope"))
                .build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> scraped = http.send(request(url("/metrics")).header("Authorization", basic("prometheus", "scrape-pass"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("www-authenticate")).hasValue("Basic realm=\"statusnotify\", charset=\"UTF-8\"");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(scraped.statusCode()).isEqualTo(200);
        assertThat(get("/health/live").statusCode()).isEqualTo(200);
        assertThat(get("/health/ready").statusCode()).isEqualTo(200);
    }

    @Test
    void givenATenantAdminMetricsAreRefusedForTheyShowEveryTenant() throws Exception {
        WebConfig users = WebConfig.empty().with(new WebUser("ann", Role.TENANT_ADMIN, Set.of("acme")), Passwords.hash("ann-pass"));
        server = AdminServer.start(new AdminSettings(0, "127.0.0.1", Optional.of(users)), registry, Map::of);

        HttpResponse<String> response = http.send(request(url("/metrics")).header("Authorization", basic("ann", "ann-pass"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void givenNoUsersFileItListensOnLoopbackOnlyWhateverTheBindSays() {
        AdminSettings everywhere = new AdminSettings(0, "0.0.0.0");

        assertThat(everywhere.listenAddress()).isEqualTo("127.0.0.1");
        assertThat(new AdminSettings(0, "0.0.0.0", Optional.of(WebConfig.empty())).listenAddress()).isEqualTo("0.0.0.0");
    }

    @Test
    void anUnknownPathIs404() throws Exception {
        server = AdminServer.start(ANY_PORT, registry, Map::of);

        assertThat(get("/nothing-here").statusCode()).isEqualTo(404);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(request(url(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private static HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(TIMEOUT);
    }
}
