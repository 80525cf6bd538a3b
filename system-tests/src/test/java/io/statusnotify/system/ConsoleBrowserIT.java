package io.statusnotify.system;

import io.statusnotify.admin.access.Passwords;
import io.statusnotify.admin.access.Role;
import io.statusnotify.admin.access.WebConfig;
import io.statusnotify.admin.access.WebConfigFile;
import io.statusnotify.admin.access.WebUser;
import io.statusnotify.console.ConsoleApp;
import io.statusnotify.console.ConsoleSettings;
import io.statusnotify.console.delivery.DeliverySource;
import io.statusnotify.secrets.SecretKeys;
import io.statusnotify.settings.Settings;
import io.statusnotify.testing.HeadlessBrowser;
import io.statusnotify.testing.RecordingReceiver;
import io.statusnotify.testing.SharedKafka;
import io.statusnotify.testing.TestCertificates;
import io.statusnotify.testing.TestKafka;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The console in a real headless Chromium, on the whole pipeline (streams app, sink, console, a real HTTPS receiver
 * with a certificate made here): the Tenant Admin flow from login to a real notification at the receiver, Save
 * withheld after a failed test or a changed field, the Super Admin switch stopping notifications, the audit trail.
 * Takes the screenshots of docs/console.md. Skipped, saying so, where Chromium is not installed.
 */
@ExtendWith(SharedKafka.class)
class ConsoleBrowserIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String PASSWORD = "Tenant-Server-Pass-7";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private RecordingReceiver receiver;
    private Pipeline pipeline;
    private ConsoleApp console;
    private PortalProducer portal;
    private PipelineEnv env;
    private String base;

    @BeforeEach
    void givenThePipelineAConsoleAndAnHttpsReceiver(TestKafka kafka) throws Exception {
        Assumptions.assumeTrue(HeadlessBrowser.isAvailable(), "Chromium and chromedriver are not installed: skipped");
        Path dir = Files.createTempDirectory("console-browser");
        TestCertificates ca = TestCertificates.createCa(dir, "Console browser CA");
        receiver = RecordingReceiver.startHttps(ca.issue("localhost", "DNS:localhost,IP:127.0.0.1").context(null), false);
        receiver.respondWith(request -> RecordingReceiver.Reply.status(request.path().equals("/down") ? 503 : 204));
        Path users = dir.resolve("web.config.yml");
        WebConfigFile.write(users, WebConfig.empty()
                .with(new WebUser("alice", Role.SUPER_ADMIN, Set.of()), Passwords.hash("alice-pass"))
                .with(new WebUser("ann", Role.TENANT_ADMIN, Set.of("acme")), Passwords.hash("ann-pass"))
                .with(new WebUser("tom", Role.VIEWER, Set.of()), Passwords.hash("tom-pass")));
        env = PipelineEnv.fresh(kafka, "console").provisionTopics()
                .with(SecretKeys.KEYS, SecretKeys.generateLine("k1").replaceFirst("=", ":"))
                .with("SNS_TLS_CA_BUNDLE", Files.writeString(dir.resolve("ca.pem"), ca.caPem()).toString())
                .with("SNS_DESTINATION_ALLOW", "127.0.0.1/32,::1/128")
                .without("SNS_ALLOW_CLEARTEXT_PASSWORDS");
        pipeline = Pipeline.start(env);
        Map<String, String> consoleEnv = new java.util.HashMap<>(env.variables());
        consoleEnv.put("SNS_WEB_CONFIG", users.toString());
        consoleEnv.put("SNS_CONSOLE_PORT", "0");
        consoleEnv.put("SNS_CONSOLE_BIND", "127.0.0.1");
        consoleEnv.put("SNS_CONSOLE_TRANSACTIONAL_ID", TestKafka.uniqueName("console-browser"));
        SinkAppView sink = new SinkAppView(pipeline);
        console = ConsoleApp.start(ConsoleSettings.from(Settings.of(consoleEnv)), DeliverySource.of(sink::statuses, sink::history));
        base = "http://localhost:" + console.port();
        portal = new PortalProducer(kafka.bootstrapServers());
    }

    @AfterEach
    void stop() {
        if (portal != null) portal.close();
        if (console != null) console.close();
        if (pipeline != null) pipeline.close();
        if (receiver != null) receiver.close();
    }

    @Test
    void aTenantAdminTestsSavesAndGetsNotificationsUntilTheSuperAdminSwitchesTheServiceOff() throws Exception {
        String url = receiver.url("/acme").replace("127.0.0.1", "localhost");
        try (HeadlessBrowser browser = HeadlessBrowser.start()) {
            // a wrong password is refused
            browser.open(base + "/");
            awaitTrue(() -> browser.url().endsWith("/login"));
            browser.type("#username", "ann");
            browser.type("#password", "not-it");
            browser.click("#login");
            awaitText(browser, "#message", "Wrong user name or password.");

            // the tenant admin logs in and lands on their tenant's page
            browser.type("#username", "ann");
            browser.type("#password", "ann-pass");
            browser.click("#login");
            awaitTrue(() -> browser.url().endsWith("/tenants/acme"));
            awaitTrue(() -> browser.enabled("#connection-test"));

            // a failed Connection test offers no Save
            if (!browser.selected("#enabled")) browser.click("#enabled");
            browser.type("#server-url", receiver.url("/down").replace("127.0.0.1", "localhost"));
            browser.type("#user-name", "portal");
            browser.type("#password", PASSWORD);
            browser.click("#connection-test");
            awaitText(browser, "#test-outcome", "Connection test failed");
            assertThat(browser.enabled("#save")).isFalse();

            // a passed one does, until a field changes
            browser.type("#server-url", url);
            browser.click("#connection-test");
            awaitText(browser, "#test-outcome", "Connection test passed");
            assertThat(browser.enabled("#save")).isTrue();
            browser.type("#user-name", "portal2");
            assertThat(browser.enabled("#save")).isFalse();
            assertThat(browser.text("#save-status")).contains("Changed since the last test");
            browser.type("#user-name", "portal");
            browser.click("#connection-test");
            awaitText(browser, "#test-outcome", "Connection test passed");
            browser.click("#save");
            awaitText(browser, "#save-status", "Saved.");
            browser.screenshot(SCREENSHOTS.resolve("console-tenant-admin.png"));
            assertThat(browser.source()).doesNotContain(PASSWORD);

            // then a real status change reaches the receiver with that user and password
            portal.send(env.topics().userStatus(), Events.key("acme", "m-1"), Events.statusOf("acme", "m-1", "Online"));
            await("the notification at the receiver").atMost(WAIT).until(() -> !receiver.requestsTo("/acme").stream()
                    .filter(r -> r.header("statusnotify-test") == null).toList().isEmpty());
            assertThat(receiver.requestsTo("/acme")).allSatisfy(request -> assertThat(request.header("authorization"))
                    .isEqualTo("Basic " + Base64.getEncoder().encodeToString(("portal:" + PASSWORD).getBytes(StandardCharsets.UTF_8))));

            // another tenant's page is refused
            browser.open(base + "/tenants/globex");
            awaitTrue(() -> browser.source().contains("403"));

            // the super admin switches the service off: the tenant page says so, and events go nowhere
            browser.open(base + "/tenants/acme");
            awaitTrue(() -> browser.enabled("#logout"));
            browser.click("#logout");
            awaitText(browser, "#message", "You are logged out.");
            browser.type("#username", "alice");
            browser.type("#password", "alice-pass");
            browser.click("#login");
            awaitTrue(() -> browser.url().endsWith("/super-admin"));
            awaitTrue(() -> browser.enabled("#save-global"));
            assertThat(browser.selected("#allow-tenant-config")).isTrue();
            browser.click("#allow-tenant-config");
            browser.click("#save-global");
            awaitText(browser, "#global-status", "Saved.");
            portal.send(env.topics().userStatus(), Events.key("acme", "m-2"), Events.statusOf("acme", "m-2", "Online"));
            browser.open(base + "/tenants/acme");
            awaitText(browser, "#switch-off-notice", "has not allowed Tenant Admins");
            assertThat(browser.enabled("#enabled")).isTrue(); // ticked: it may be unticked, not ticked again

            // switched on again, the next event arrives and the one sent while off never does
            browser.open(base + "/super-admin");
            awaitTrue(() -> browser.enabled("#save-global"));
            browser.click("#allow-tenant-config");
            browser.click("#save-global");
            awaitText(browser, "#global-status", "Saved.");
            portal.send(env.topics().userStatus(), Events.key("acme", "m-3"), Events.statusOf("acme", "m-3", "Online"));
            await("the event after the switch").atMost(WAIT).until(() -> bodies().contains("m-3"));
            assertThat(bodies()).doesNotContain("m-2");

            // the audit trail lists the changes, never a secret
            awaitText(browser, "#audit", "ann");
            assertThat(browser.text("#audit")).contains("acme", "alice").doesNotContain(PASSWORD);
            browser.screenshot(SCREENSHOTS.resolve("console-super-admin.png"));
            browser.windowSize(375, 800);
            browser.screenshot(SCREENSHOTS.resolve("console-super-admin-phone.png"));

            // five wrong passwords, and the right one is not even tried for a while
            browser.click("#logout");
            awaitText(browser, "#message", "You are logged out.");
            for (int i = 0; i < 5; i++) {
                browser.open(base + "/login"); // a fresh page each time: the same message must come from this try
                browser.type("#username", "tom");
                browser.type("#password", "guess-" + i);
                browser.click("#login");
                awaitText(browser, "#message", "Wrong user name or password.");
            }
            browser.open(base + "/login");
            browser.type("#username", "tom");
            browser.type("#password", "tom-pass");
            browser.click("#login");
            // 30 s from the fifth failure, shown in whole seconds: 29 or 30 by the time the page says it
            await("#message says the login is throttled").atMost(WAIT).pollInterval(Duration.ofMillis(200))
                    .until(() -> browser.text("#message"), shown -> shown != null
                            && shown.matches("Too many failed logins: try again in (29|30) seconds\\."));
        }
    }

    private String bodies() {
        return String.join("\n", receiver.requestsTo("/acme").stream().map(RecordingReceiver.Received::body).toList());
    }

    private static void awaitText(HeadlessBrowser browser, String css, String text) {
        await(css + " says " + text).atMost(WAIT).pollInterval(Duration.ofMillis(200))
                .until(() -> browser.text(css), shown -> shown != null && shown.contains(text));
    }

    private static void awaitTrue(Callable<Boolean> condition) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(condition);
    }

    /** The in-process sink's rows and hours, as the console's {@code up} wiring reads them. */
    private record SinkAppView(Pipeline pipeline) {
        java.util.List<io.statusnotify.sink.status.TenantStatus> statuses() {
            return pipeline.sink().tenantStatuses();
        }

        java.util.Optional<io.statusnotify.sink.status.TenantHistory> history(String tenant) {
            return pipeline.sink().tenantHistory(tenant);
        }
    }
}
