package io.statusnotify.sink.status;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.statusnotify.admin.AdminServer;
import io.statusnotify.admin.AdminSettings;
import io.statusnotify.testing.TestHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class StatusPageTest {
    private static final TenantStatus ACME = new TenantStatus("acme+co", true, TenantStatus.LIVE, null, 0, 0, 3, 0,
            null, null, null, 64);
    private final HttpClient http = TestHttp.client();
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch started = new CountDownLatch(1);
    private AdminServer server;
    private volatile String testedTenant;

    @AfterEach
    void tearDown() {
        release.countDown();
        if (server != null) server.close();
    }

    private void start(boolean blockTests) {
        StatusPage page = new StatusPage(() -> List.of(ACME), tenant -> {
            testedTenant = tenant;
            started.countDown();
            if (blockTests) {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return new StatusPage.ConnectionCheck(true, "HTTP 204 No Content in 3 ms: passed");
        });
        server = AdminServer.start(new AdminSettings(0, "127.0.0.1"), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                Map::of, page.handlers());
    }

    @Test
    void theApiListsTenantsAsJsonAndThePageIsServedAtTheRootOnly() throws Exception {
        start(false);

        assertThat(get("/api/tenants").body()).contains("\"tenant\":\"acme+co\"").contains("\"deliveredLast5Minutes\":3")
                .contains("\"inFlightLimit\":64");
        assertThat(get("/").body()).contains("<title>statusnotify sink: tenants</title>");
        assertThat(get("/nothing-here").statusCode()).isEqualTo(404);
    }

    @Test
    void theTestButtonsRequestTestsTheNamedTenantOnce() throws Exception {
        start(false);

        HttpResponse<String> response = post("/api/tenants/acme%2Bco/test", "application/json", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"passed\":true");
        assertThat(testedTenant).isEqualTo("acme+co");
    }

    @Test
    void aTestAskedForByAnotherSiteOrWithoutJsonIsRefused() throws Exception {
        start(false);

        assertThat(post("/api/tenants/acme/test", "text/plain", null).statusCode()).isEqualTo(403);
        assertThat(post("/api/tenants/acme/test", "application/json", "http://evil.example").statusCode()).isEqualTo(403);
        assertThat(testedTenant).isNull();
    }

    @Test
    void aSecondTestWhileOneRunsIsToldToWaitAndHealthStillAnswers() throws Exception {
        start(true);
        CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() -> {
            try {
                return post("/api/tenants/acme/test", "application/json", null);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        HttpResponse<String> second = post("/api/tenants/acme/test", "application/json", null);
        HttpResponse<String> health = get("/health/live");
        release.countDown();

        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(health.statusCode()).isEqualTo(200);
        await().atMost(java.time.Duration.ofSeconds(10)).until(first::isDone);
        assertThat(first.get().statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(TestHttp.request(url(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String contentType, String origin) throws Exception {
        HttpRequest.Builder request = TestHttp.request(url(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString("{}"));
        if (origin != null) request.header("Origin", origin);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }
}
