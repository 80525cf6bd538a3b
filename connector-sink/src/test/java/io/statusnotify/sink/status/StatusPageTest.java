package io.statusnotify.sink.status;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.statusnotify.admin.AdminServer;
import io.statusnotify.admin.AdminSettings;
import io.statusnotify.admin.access.Passwords;
import io.statusnotify.admin.access.Role;
import io.statusnotify.admin.access.WebConfig;
import io.statusnotify.admin.access.WebUser;
import io.statusnotify.testing.TestHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class StatusPageTest {
    private static final TenantStatus ACME = new TenantStatus("acme+co", true, TenantStatus.LIVE, null, 0, 0, 3, 0,
            null, null, null, 64);
    private static final TenantStatus GLOBEX = new TenantStatus("globex", true, TenantStatus.LIVE, null, 0, 0, 1, 0,
            null, null, null, 64);
    private static final WebConfig USERS = WebConfig.empty()
            .with(new WebUser("ann", Role.TENANT_ADMIN, Set.of("acme+co")), Passwords.hash("ann-pass"))
            .with(new WebUser("vic", Role.VIEWER, Set.of()), Passwords.hash("vic-pass"))
            .with(new WebUser("sue", Role.SUPER_ADMIN, Set.of()), Passwords.hash("sue-pass"));
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
        start(blockTests, Optional.empty());
    }

    private void start(boolean blockTests, Optional<WebConfig> users) {
        StatusPage page = new StatusPage(() -> List.of(ACME, GLOBEX), tenant -> {
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
        }, tenant -> List.of(ACME, GLOBEX).stream().filter(t -> t.tenant().equals(tenant)).findFirst()
                .map(t -> hourOf(t.tenant())));
        server = AdminServer.start(new AdminSettings(0, "127.0.0.1", users), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                Map::of, Optional.of(page.handler()));
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

    @Test
    void givenAUsersFileEveryRouteButHealthAsksForALogin() throws Exception {
        start(false, Optional.of(USERS));

        assertThat(get("/").statusCode()).isEqualTo(401);
        assertThat(get("/api/tenants").statusCode()).isEqualTo(401);
        assertThat(post("/api/tenants/acme%2Bco/test", "application/json", null).statusCode()).isEqualTo(401);
        assertThat(get("/health/live").statusCode()).isEqualTo(200);
        assertThat(testedTenant).isNull();
    }

    @Test
    void givenATenantAdminTheListShowsOnlyTheirTenantsAndOnlyTheirsCanBeTested() throws Exception {
        start(false, Optional.of(USERS));

        HttpResponse<String> list = get("/api/tenants", "ann", "ann-pass");
        HttpResponse<String> other = postAs("/api/tenants/globex/test", "ann", "ann-pass");
        HttpResponse<String> own = postAs("/api/tenants/acme%2Bco/test", "ann", "ann-pass");

        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("\"tenant\":\"acme+co\"").doesNotContain("globex");
        assertThat(get("/", "ann", "ann-pass").statusCode()).isEqualTo(200);
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(testedTenant).isEqualTo("acme+co");
    }

    @Test
    void givenAViewerEveryTenantIsShownAndNoneCanBeTested() throws Exception {
        start(false, Optional.of(USERS));

        HttpResponse<String> list = get("/api/tenants", "vic", "vic-pass");
        HttpResponse<String> test = postAs("/api/tenants/globex/test", "vic", "vic-pass");

        assertThat(list.body()).contains("acme+co").contains("globex");
        assertThat(test.statusCode()).isEqualTo(403);
        assertThat(testedTenant).isNull();
        assertThat(postAs("/api/tenants/globex/test", "sue", "sue-pass").statusCode()).isEqualTo(200);
        assertThat(testedTenant).isEqualTo("globex");
    }

    @Test
    void aTestAskedForWithGetIsRefusedAsAMethodNotAllowed() throws Exception {
        start(false);

        assertThat(get("/api/tenants/acme/test").statusCode()).isEqualTo(405);
        assertThat(testedTenant).isNull();
    }

    @Test
    void aTenantsLastHourIsServedMinuteByMinuteAndAnUnknownTenantIs404() throws Exception {
        start(false);

        HttpResponse<String> hour = get("/api/tenants/acme%2Bco/history");

        assertThat(hour.statusCode()).isEqualTo(200);
        assertThat(hour.body()).startsWith("{\"tenant\":\"acme+co\",\"startEpochMillis\":1764633600000")
                .contains("{\"deliveries\":7,\"failures\":1,\"p99Millis\":42}");
        assertThat(get("/api/tenants/nobody/history").statusCode()).isEqualTo(404);
    }

    @Test
    void givenATenantAdminAnotherTenantsHourIs403() throws Exception {
        start(false, Optional.of(USERS));

        assertThat(get("/api/tenants/globex/history", "ann", "ann-pass").statusCode()).isEqualTo(403);
        assertThat(get("/api/tenants/acme%2Bco/history", "ann", "ann-pass").statusCode()).isEqualTo(200);
        assertThat(get("/api/tenants/globex/history", "vic", "vic-pass").statusCode()).isEqualTo(200);
    }

    private static TenantHistory hourOf(String tenant) {
        List<TenantHistory.Minute> minutes = new java.util.ArrayList<>(
                java.util.Collections.nCopies(TenantHistory.MINUTES - 1, TenantHistory.Minute.NOTHING));
        minutes.add(new TenantHistory.Minute(7, 1, 42L));
        return new TenantHistory(tenant, 1_764_633_600_000L, TenantHistory.MINUTE_MILLIS, minutes);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(TestHttp.request(url(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String user, String password) throws Exception {
        return http.send(TestHttp.request(url(path)).header("Authorization", basic(user, password)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postAs(String path, String user, String password) throws Exception {
        return http.send(TestHttp.request(url(path)).header("Content-Type", "application/json")
                .header("Authorization", basic(user, password)).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
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
