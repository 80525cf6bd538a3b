package io.statusnotify.sink;

import io.statusnotify.sink.status.StatusPage;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.statusnotify.admin.AdminServer;
import io.statusnotify.admin.AdminSettings;
import io.statusnotify.testing.HeadlessBrowser;
import io.statusnotify.testing.RecordingReceiver;
import io.statusnotify.testing.RecordingReceiver.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/** The tenant status page, in a real headless Chromium, after real deliveries and failures. */
class StatusPageBrowserIT {
    private static final Duration WAIT = Duration.ofSeconds(40);
    @RegisterExtension
    final SinkHarnessExtension harness = new SinkHarnessExtension().with("SNS_RETRY_MAX_ATTEMPTS", "0")
            .with("SNS_RETRY_DELAYS", "30s");
    private final SinkHarness sink = harness.sink();
    private final RecordingReceiver healthy = harness.receiverFor("acme");
    private final RecordingReceiver failing = harness.receiverFor("broken");
    private SinkApp app;
    private AdminServer admin;

    @BeforeEach
    void setUp() {
        assumeThat(HeadlessBrowser.isAvailable())
                .as("Debian's chromium and chromium-driver packages (.ci/run installs them)").isTrue();
        failing.respondWith(r -> Reply.status(503));
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        app = SinkApp.start(sink.settings(), registry);
        await().atMost(WAIT).until(app::isReady);
        admin = AdminServer.start(new AdminSettings(0, "127.0.0.1"), registry, app::readinessChecks,
                Optional.of(new StatusPage(app::tenantStatuses, app::testConnection, app::tenantHistory).handler()));
    }

    /** Runs before the extension closes the harness and the receivers. */
    @AfterEach
    void tearDown() {
        if (admin != null) admin.close();
        if (app != null) app.close();
    }

    @Test
    void thePageShowsWhichTenantsReceiveTheirNotificationsAndWhyOthersDoNot() throws Exception {
        for (int n = 1; n <= 3; n++) sink.notify("acme", n);
        for (int n = 1; n <= 4; n++) sink.notify("broken", "u" + n, n);
        await().atMost(WAIT).until(() -> healthy.requestsTo("/hook").size() == 3);

        try (HeadlessBrowser browser = HeadlessBrowser.start()) {
            browser.open("http://127.0.0.1:" + admin.port() + "/");

            // The page refreshes itself: the failing tenant's circuit opens while it is shown.
            await().atMost(WAIT).ignoreExceptions().until(() -> "circuit open".equals(
                    browser.text("tr[data-tenant='broken'] .state")));
            assertThat(browser.text("tr[data-tenant='acme'] .state")).isEqualTo("live");
            assertThat(browser.text("tr[data-tenant='acme'] td:nth-child(4)")).isEqualTo("3");
            assertThat(browser.text("tr[data-tenant='broken'] td:nth-child(5)")).isNotEqualTo("0");
            assertThat(browser.text("tr[data-tenant='broken'] .error")).contains("503");
            assertThat(browser.text("tr[data-tenant='broken'] td:nth-child(7)")).endsWith(" s");

            browser.click("tr[data-tenant='acme'] button");
            await().atMost(WAIT).ignoreExceptions().until(() -> browser.text("tr[data-tenant='acme'] .result.passed") != null);
            assertThat(browser.text("tr[data-tenant='acme'] .result")).startsWith("HTTP 204").endsWith(": passed");
            assertThat(healthy.requests()).anyMatch(r -> r.header("statusnotify-test") != null);

            Path shot = browser.screenshot(Path.of("target", "status-page.png"));
            assertThat(Files.size(shot)).isGreaterThan(1_000);
        }
    }
}
