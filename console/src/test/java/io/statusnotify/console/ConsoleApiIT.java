package io.statusnotify.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.statusnotify.admin.access.Passwords;
import io.statusnotify.admin.access.Role;
import io.statusnotify.admin.access.WebConfig;
import io.statusnotify.admin.access.WebConfigFile;
import io.statusnotify.admin.access.WebUser;
import io.statusnotify.schema.AuditRecord;
import io.statusnotify.schema.Json;
import io.statusnotify.secrets.SecretKeys;
import io.statusnotify.settings.Settings;
import io.statusnotify.testing.RecordingReceiver;
import io.statusnotify.testing.SharedKafka;
import io.statusnotify.testing.TestCertificates;
import io.statusnotify.testing.TestKafka;
import io.statusnotify.topics.TopicNames;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.LoggerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The console's API on a real broker, with a real HTTPS receiver for the Connection test: logins, sessions, CSRF,
 * throttling, who may do what on every route, the test-then-save flow, the audit trail, and that no password is
 * ever sent back.
 */
@ExtendWith(SharedKafka.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleApiIT {
    private static final String RECEIVER_PASSWORD = "Receiver-Pass-42";
    private Path dir;
    private TopicNames topics;
    private TestKafka kafka;
    private RecordingReceiver receiver;
    private ConsoleApp console;
    private String base;
    /** Every line the console and its libraries log while these tests run, from INFO up. */
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeAll
    void givenAConsoleWithThreeUsersAndAnHttpsReceiver(TestKafka kafka) throws Exception {
        this.kafka = kafka;
        // logback-test.xml has the root at INFO, what the apps log in production (DEBUG of the libraries may dump buffers).
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        logged.start();
        root.addAppender(logged);
        dir = Files.createTempDirectory("console-it");
        TestCertificates ca = TestCertificates.createCa(dir, "Console IT CA");
        TestCertificates.Issued server = ca.issue("localhost", "DNS:localhost,IP:127.0.0.1");
        receiver = RecordingReceiver.startHttps(server.context(null), false);
        Path caFile = Files.writeString(dir.resolve("ca.pem"), ca.caPem());
        Path users = dir.resolve("web.config.yml");
        WebConfigFile.write(users, WebConfig.empty()
                .with(new WebUser("alice", Role.SUPER_ADMIN, Set.of()), Passwords.hash("alice-pass"))
                .with(new WebUser("ann", Role.TENANT_ADMIN, Set.of("acme")), Passwords.hash("ann-pass"))
                .with(new WebUser("vic", Role.VIEWER, Set.of()), Passwords.hash("vic-pass"))
                .with(new WebUser("tom", Role.VIEWER, Set.of()), Passwords.hash("tom-pass")));
        topics = TopicNames.prefixed(TestKafka.uniqueName("console"));
        kafka.createTopic(topics.tenantConfig(), 1, Map.of("cleanup.policy", "compact"));
        kafka.createTopic(topics.audit(), 1, Map.of());
        kafka.send(topics.tenantConfig(), "globex", "{\"enabled\":true,\"serverUrl\":\"https://globex.example/hook\",\"username\":\"g\",\"password\":\"globex-secret\"}");
        Map<String, String> env = new HashMap<>(topics.asEnvironment());
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("SNS_WEB_CONFIG", users.toString());
        env.put("SNS_CONSOLE_PORT", "0");
        env.put("SNS_CONSOLE_BIND", "127.0.0.1");
        env.put("SNS_CONSOLE_TRANSACTIONAL_ID", TestKafka.uniqueName("console-tx"));
        env.put(SecretKeys.KEYS, SecretKeys.generateLine("k1").replaceFirst("=", ":"));
        env.put("SNS_DESTINATION_ALLOW", "127.0.0.1/32,::1/128");
        env.put("SNS_TLS_CA_BUNDLE", caFile.toString());
        console = ConsoleApp.start(ConsoleSettings.from(Settings.of(env)));
        base = "http://127.0.0.1:" + console.port();
    }

    @AfterAll
    void stop() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAppender(logged);
        if (console != null) console.close();
        if (receiver != null) receiver.close();
    }

    @Test
    void givenAWrongPasswordTheLoginFailsAndGivesNoSession() throws Exception {
        ConsoleClient browser = new ConsoleClient(base);

        HttpResponse<String> login = browser.logIn("alice", "wrong");

        assertThat(login.statusCode()).isEqualTo(303);
        assertThat(login.headers().firstValue("location")).hasValue("/login?error=failed");
        assertThat(browser.get("/api/session").statusCode()).isEqualTo(401);
        assertThat(browser.get("/super-admin").headers().firstValue("location")).hasValueSatisfying(l -> assertThat(l).startsWith("/login"));
    }

    @Test
    void givenTheRightPasswordTheSessionCookieIsHttpOnlySameSiteStrictAndNamesTheUser() throws Exception {
        ConsoleClient browser = new ConsoleClient(base);

        HttpResponse<String> login = browser.logIn("alice", "alice-pass");
        JsonNode session = ConsoleClient.json(browser.get("/api/session"));

        assertThat(login.headers().firstValue("location")).hasValue("/");
        assertThat(login.headers().allValues("set-cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("console_session=").containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict"));
        assertThat(session.path("user").asText()).isEqualTo("alice");
        assertThat(session.path("role").asText()).isEqualTo("super-admin");
        assertThat(browser.get("/").headers().firstValue("location")).hasValue("/super-admin");
        assertThat(browser.get("/super-admin").body()).contains("Status Notification Service (Super Admin)");
    }

    @Test
    void givenFiveFailedLoginsTheNextIsThrottledEvenWithTheRightPassword() throws Exception {
        ConsoleClient browser = new ConsoleClient(base);
        for (int i = 0; i < 5; i++) browser.logIn("tom", "guess-" + i);

        HttpResponse<String> right = browser.logIn("tom", "tom-pass");

        assertThat(right.headers().firstValue("location")).hasValue("/login?error=throttled&retryAfter=30");
        assertThat(browser.get("/api/session").statusCode()).isEqualTo(401);
    }

    @Test
    void givenNoOrAWrongCsrfTokenOrAForeignOriginAChangeIsRefusedAndNothingIsWritten() throws Exception {
        ConsoleClient browser = new ConsoleClient(base);
        browser.logIn("alice", "alice-pass");
        int auditBefore = kafka.readAll(topics.audit()).size();

        HttpResponse<String> none = browser.send(browser.request("/api/global").header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"allowTenantConfig\":false}")));
        HttpResponse<String> wrong = browser.send(browser.request("/api/global").header("Content-Type", "application/json")
                .header("X-CSRF-Token", "forged").PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"allowTenantConfig\":false}")));
        HttpResponse<String> foreign = browser.send(browser.request("/api/global").header("Content-Type", "application/json")
                .header("X-CSRF-Token", browser.csrf()).header("Origin", "https://evil.example")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"allowTenantConfig\":false}")));

        assertThat(List.of(none.statusCode(), wrong.statusCode(), foreign.statusCode())).containsOnly(403);
        assertThat(none.body()).contains("CSRF token missing or wrong");
        assertThat(kafka.readAll(topics.audit())).hasSize(auditBefore);
        assertThat(ConsoleClient.json(browser.get("/api/global")).path("allowTenantConfig").asBoolean()).isTrue();
    }

    @Test
    void givenATenantAdminEveryRouteOfAnotherTenantIsRefused() throws Exception {
        ConsoleClient ann = new ConsoleClient(base);
        ann.logIn("ann", "ann-pass");
        String form = "{\"enabled\":true,\"serverUrl\":\"https://globex.example/other\",\"username\":\"x\",\"password\":\"y\"}";

        assertThat(ann.get("/api/tenants/globex").statusCode()).isEqualTo(403);
        assertThat(ann.get("/api/tenants/globex/history").statusCode()).isEqualTo(403);
        assertThat(ann.change("POST", "/api/tenants/globex/test", form).statusCode()).isEqualTo(403);
        assertThat(ann.change("PUT", "/api/tenants/globex", form).statusCode()).isEqualTo(403);
        assertThat(ann.get("/tenants/globex").statusCode()).isEqualTo(403);
        assertThat(ann.get("/super-admin").statusCode()).isEqualTo(403);
        assertThat(ann.get("/api/audit").statusCode()).isEqualTo(403);
        assertThat(ann.change("PUT", "/api/global", "{\"allowTenantConfig\":false}").statusCode()).isEqualTo(403);
        assertThat(ann.get("/api/tenants").body()).contains("\"tenant\":\"acme\"").doesNotContain("globex");
        assertThat(ann.get("/").headers().firstValue("location")).hasValue("/tenants/acme");
        assertThat(ann.get("/tenants/acme").body()).contains("Status Notification Service (Tenant Admin)");
        assertThat(ann.everythingReceived()).noneMatch(text -> text.contains("globex-secret"));
    }

    @Test
    void givenAViewerEverythingCanBeSeenAndNothingChanged() throws Exception {
        ConsoleClient vic = new ConsoleClient(base);
        vic.logIn("vic", "vic-pass");
        String form = "{\"enabled\":false,\"serverUrl\":\"https://globex.example/hook\",\"username\":\"g\"}";

        assertThat(vic.get("/api/tenants").body()).contains("globex");
        assertThat(ConsoleClient.json(vic.get("/api/tenants/globex")).path("mayChange").asBoolean()).isFalse();
        assertThat(vic.change("PUT", "/api/tenants/globex", form).statusCode()).isEqualTo(403);
        assertThat(vic.change("POST", "/api/tenants/globex/test", form).statusCode()).isEqualTo(403);
        assertThat(vic.change("PUT", "/api/global", "{\"allowTenantConfig\":false}").statusCode()).isEqualTo(403);
        assertThat(vic.get("/api/audit").statusCode()).isEqualTo(200);
    }

    @Test
    void givenAPassedConnectionTestSaveWritesTheSealedRecordAndAnAuditRecordAndAChangedFieldNeedsANewTest() throws Exception {
        ConsoleClient ann = new ConsoleClient(base);
        ann.logIn("ann", "ann-pass");
        String url = receiver.url("/acme-hook").replace("127.0.0.1", "localhost");
        String form = "{\"enabled\":true,\"serverUrl\":\"" + url + "\",\"username\":\"portal\",\"password\":\"" + RECEIVER_PASSWORD + "\"}";

        JsonNode test = ConsoleClient.json(ann.change("POST", "/api/tenants/acme/test", form));
        String token = test.path("token").asText();
        HttpResponse<String> changed = ann.change("PUT", "/api/tenants/acme",
                form.replace("\"portal\"", "\"someone-else\"").replace("}", ",\"token\":\"" + token + "\"}"));
        HttpResponse<String> saved = ann.change("PUT", "/api/tenants/acme", form.replace("}", ",\"token\":\"" + token + "\"}"));
        JsonNode details = ConsoleClient.json(ann.get("/api/tenants/acme"));

        assertThat(test.path("passed").asBoolean()).as(test.toString()).isTrue();
        assertThat(receiver.requestsTo("/acme-hook")).singleElement().satisfies(request -> assertThat(request.header("authorization"))
                .isEqualTo("Basic " + java.util.Base64.getEncoder().encodeToString(("portal:" + RECEIVER_PASSWORD).getBytes(StandardCharsets.UTF_8))));
        assertThat(changed.statusCode()).isEqualTo(409);
        assertThat(changed.body()).contains("Run the Connection test again");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(details.path("serverUrl").asText()).isEqualTo(url);
        assertThat(details.path("passwordSet").asBoolean()).isTrue();
        assertThat(details.has("password")).isFalse();

        ConsumerRecord<String, byte[]> record = latest(topics.tenantConfig(), "acme");
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).doesNotContain(RECEIVER_PASSWORD).contains("\"keyId\":\"k1\"");
        List<AuditRecord> audit = audit("acme");
        assertThat(audit).singleElement().satisfies(entry -> {
            assertThat(entry.actor()).isEqualTo("ann");
            assertThat(entry.via()).isEqualTo("console");
            assertThat(entry.action()).isEqualTo("put");
            assertThat(entry.changedFields()).contains("serverUrl", "username", "password");
        });
        assertThat(kafka.readAll(topics.audit())).noneMatch(r -> new String(r.value(), StandardCharsets.UTF_8).contains(RECEIVER_PASSWORD));
        assertThat(ann.everythingReceived()).noneMatch(text -> text.contains(RECEIVER_PASSWORD));
        assertThat(logged.list).as("log lines").isNotEmpty().noneMatch(event -> event.getFormattedMessage().contains(RECEIVER_PASSWORD)
                || (event.getThrowableProxy() != null && event.getThrowableProxy().getMessage() != null
                && event.getThrowableProxy().getMessage().contains(RECEIVER_PASSWORD)));
    }

    @Test
    void givenAFailedConnectionTestNoTokenIsGivenSoNothingCanBeSaved() throws Exception {
        ConsoleClient alice = new ConsoleClient(base);
        alice.logIn("alice", "alice-pass");
        receiver.respondWith(request -> RecordingReceiver.Reply.status(request.path().equals("/down") ? 503 : 204));
        String form = "{\"enabled\":true,\"serverUrl\":\"" + receiver.url("/down").replace("127.0.0.1", "localhost")
                + "\",\"username\":\"portal\",\"password\":\"pw\"}";

        JsonNode test = ConsoleClient.json(alice.change("POST", "/api/tenants/initech/test", form));
        HttpResponse<String> save = alice.change("PUT", "/api/tenants/initech", form);

        assertThat(test.path("passed").asBoolean()).isFalse();
        assertThat(test.path("outcome").asText()).contains("503");
        assertThat(test.has("token")).isFalse();
        assertThat(save.statusCode()).isEqualTo(409);
        assertThat(ConsoleClient.json(alice.get("/api/tenants/initech")).path("configured").asBoolean()).isFalse();
    }

    @Test
    void givenTheSuperAdminSwitchOffATenantCannotBeEnabledAndThePageIsTold() throws Exception {
        ConsoleClient alice = new ConsoleClient(base);
        alice.logIn("alice", "alice-pass");
        ConsoleClient ann = new ConsoleClient(base);
        ann.logIn("ann", "ann-pass");
        String form = "{\"enabled\":true,\"serverUrl\":\"" + receiver.url("/switch").replace("127.0.0.1", "localhost")
                + "\",\"username\":\"portal\",\"password\":\"pw\"}";
        String token = ConsoleClient.json(ann.change("POST", "/api/tenants/acme/test", form)).path("token").asText();
        try {
            assertThat(alice.change("PUT", "/api/global", "{\"allowTenantConfig\":false}").statusCode()).isEqualTo(200);

            HttpResponse<String> enable = ann.change("PUT", "/api/tenants/acme", form.replace("}", ",\"token\":\"" + token + "\"}"));

            assertThat(enable.statusCode()).isEqualTo(409);
            assertThat(enable.body()).contains("does not allow Tenant Admins");
            assertThat(ConsoleClient.json(ann.get("/api/tenants/acme")).path("allowTenantConfig").asBoolean()).isFalse();
            assertThat(audit("__global__")).last().satisfies(entry -> {
                assertThat(entry.actor()).isEqualTo("alice");
                assertThat(entry.action()).isEqualTo("global-set");
            });
        } finally {
            alice.change("PUT", "/api/global", "{\"allowTenantConfig\":true}");
        }
    }

    @Test
    void givenALogoutTheSessionIsGone() throws Exception {
        ConsoleClient vic = new ConsoleClient(base);
        vic.logIn("vic", "vic-pass");

        HttpResponse<String> logout = vic.change("POST", "/logout", "{}");

        assertThat(logout.statusCode()).isEqualTo(200);
        assertThat(vic.get("/api/session").statusCode()).isEqualTo(401);
    }

    @Test
    void givenAStoredPasswordAnEmptyFieldKeepsItForThatServerOnlyNeverForANewOne() throws Exception {
        ConsoleClient alice = new ConsoleClient(base);
        alice.logIn("alice", "alice-pass");
        String url = receiver.url("/hooli").replace("127.0.0.1", "localhost");
        String form = "{\"enabled\":true,\"serverUrl\":\"" + url + "\",\"username\":\"portal\",\"password\":\"hooli-pass\"}";
        String token = ConsoleClient.json(alice.change("POST", "/api/tenants/hooli/test", form)).path("token").asText();
        assertThat(alice.change("PUT", "/api/tenants/hooli", form.replace("}", ",\"token\":\"" + token + "\"}")).statusCode()).isEqualTo(200);
        int before = receiver.requests().size();

        JsonNode same = ConsoleClient.json(alice.change("POST", "/api/tenants/hooli/test", form.replace("hooli-pass", "")));
        HttpResponse<String> elsewhere = alice.change("POST", "/api/tenants/hooli/test",
                form.replace("hooli-pass", "").replace("localhost", "127.0.0.1"));

        assertThat(same.path("passed").asBoolean()).as(same.toString()).isTrue();
        assertThat(elsewhere.statusCode()).isEqualTo(400);
        assertThat(elsewhere.body()).contains("Password: enter it again for a new server");
        assertThat(receiver.requests()).hasSize(before + 1);
    }

    @Test
    void givenABadRequestTheConsoleSaysWhatIsWrongAndChangesNothing() throws Exception {
        ConsoleClient alice = new ConsoleClient(base);
        alice.logIn("alice", "alice-pass");

        HttpResponse<String> misspelt = alice.change("PUT", "/api/global", "{\"allowTenantconfig\":false}");
        HttpResponse<String> huge = alice.change("PUT", "/api/global", "{\"x\":\"" + "a".repeat(100_000) + "\"}");
        HttpResponse<String> logoutByGet = alice.get("/logout");

        assertThat(misspelt.statusCode()).isEqualTo(400);
        assertThat(misspelt.body()).contains("allowTenantConfig: required");
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(logoutByGet.statusCode()).isEqualTo(405);
        assertThat(alice.get("/api/session").statusCode()).isEqualTo(200);
        assertThat(ConsoleClient.json(alice.get("/api/global")).path("allowTenantConfig").asBoolean()).isTrue();
        assertThat(new ConsoleClient(base).get("/health/ready").statusCode()).isEqualTo(200);
    }

    @Test
    void givenTlsInTheUsersFileTheConsoleServesHttpsAndItsCookieIsSecure() throws Exception {
        TestCertificates ca = TestCertificates.createCa(Files.createDirectories(dir.resolve("tls")), "Console TLS CA");
        TestCertificates.Issued cert = ca.issue("localhost", "DNS:localhost,IP:127.0.0.1");
        Path users = dir.resolve("tls/web.config.yml");
        WebConfigFile.write(users, new WebConfig(Map.of("alice", new WebUser("alice", Role.SUPER_ADMIN, Set.of())),
                Map.of("alice", Passwords.hash("alice-pass")), java.util.Optional.of(new WebConfig.TlsFiles(
                Files.writeString(dir.resolve("tls/cert.pem"), cert.certificatePem()),
                Files.writeString(dir.resolve("tls/key.pem"), cert.privateKeyPem())))));
        Map<String, String> env = new HashMap<>(topics.asEnvironment());
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("SNS_WEB_CONFIG", users.toString());
        env.put("SNS_CONSOLE_PORT", "0");
        env.put("SNS_CONSOLE_BIND", "127.0.0.1");
        env.put("SNS_CONSOLE_TRANSACTIONAL_ID", TestKafka.uniqueName("console-tls"));
        try (ConsoleApp https = ConsoleApp.start(ConsoleSettings.from(Settings.of(env)))) {
            ConsoleClient browser = new ConsoleClient("https://localhost:" + https.port(), clientTrusting(ca));

            HttpResponse<String> login = browser.logIn("alice", "alice-pass");

            assertThat(login.headers().allValues("set-cookie")).anySatisfy(cookie -> assertThat(cookie)
                    .startsWith("console_session=").containsIgnoringCase("Secure").containsIgnoringCase("HttpOnly"));
            assertThat(browser.get("/api/session").statusCode()).isEqualTo(200);
        }
    }

    private static javax.net.ssl.SSLContext clientTrusting(TestCertificates ca) throws Exception {
        java.security.KeyStore trust = java.security.KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", io.statusnotify.tls.Pem.certificates(ca.caPem(), "ca").get(0));
        javax.net.ssl.TrustManagerFactory factory = javax.net.ssl.TrustManagerFactory.getInstance(
                javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    private ConsumerRecord<String, byte[]> latest(String topic, String key) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> kafka.readAll(topic).stream()
                .filter(r -> key.equals(r.key())).reduce((a, b) -> b).orElse(null), r -> r != null);
    }

    private List<AuditRecord> audit(String key) {
        return kafka.readAll(topics.audit()).stream().filter(r -> key.equals(r.key()))
                .map(r -> Json.read(r.value(), AuditRecord.class)).toList();
    }
}
