package io.statusnotify.admin.web;

import io.statusnotify.admin.access.Authenticator;
import io.statusnotify.admin.access.LoginThrottle;
import io.statusnotify.admin.access.Passwords;
import io.statusnotify.admin.access.Role;
import io.statusnotify.admin.access.WebConfig;
import io.statusnotify.admin.access.WebUser;
import io.statusnotify.testing.TestCertificates;
import io.statusnotify.testing.TestHttp;
import io.statusnotify.tls.Pem;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebServerTest {
    private static final WebUser CAROL = new WebUser("carol", Role.VIEWER, Set.of());
    private final Authenticator authenticator = new Authenticator(
            WebConfig.empty().with(CAROL, Passwords.hash("carol-pass")), Clock.systemUTC());
    private WebServer server;

    /** Answers with the path and who the guard let through (a new one per server: Jetty starts each handler once). */
    private static Handler who() {
        return new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                WebUser user = BasicAuthGuard.user(request);
                Content.Sink.write(response, true, Request.getPathInContext(request) + " for "
                        + (user == null ? "nobody" : user.name()), callback);
                return true;
            }
        };
    }

    @AfterEach
    void stop() {
        if (server != null) server.close();
    }

    @Test
    void healthIsOpenAndEverythingElseAsksForALogin() throws Exception {
        server = WebServer.start("test server", "127.0.0.1", 0, Optional.empty(), new BasicAuthGuard(authenticator, who()));

        assertThat(get("/health/live", null).body()).isEqualTo("/health/live for nobody");
        HttpResponse<String> refused = get("/metrics", null);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate")).contains("Basic realm=\"statusnotify\", charset=\"UTF-8\"");
        assertThat(get("/metrics", basic("carol", "wrong")).statusCode()).isEqualTo(401);
        HttpResponse<String> passed = get("/metrics", basic("carol", "carol-pass"));
        assertThat(passed.statusCode()).isEqualTo(200);
        assertThat(passed.body()).isEqualTo("/metrics for carol");
    }

    @Test
    void afterTooManyWrongPasswordsTheAnswerIsTooManyRequestsWithRetryAfter() throws Exception {
        server = WebServer.start("test server", "127.0.0.1", 0, Optional.empty(), new BasicAuthGuard(authenticator, who()));
        for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
            assertThat(get("/metrics", basic("carol", "guess" + i)).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> throttled = get("/metrics", basic("carol", "carol-pass"));

        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).contains("30");
        assertThat(throttled.body()).doesNotContain("carol-pass");
    }

    @Test
    void withTlsFilesItServesHttpsWithThatCertificateOnly(@TempDir Path dir) throws Exception {
        TestCertificates ca = TestCertificates.createCa(dir, "web-ca");
        TestCertificates.Issued issued = ca.issue("localhost", "dns:localhost,ip:127.0.0.1");
        Path cert = Files.writeString(dir.resolve("tls.crt"), issued.certificatePem());
        Path key = Files.writeString(dir.resolve("tls.key"), issued.privateKeyPem());
        server = WebServer.start("test server", "127.0.0.1", 0, Optional.of(new WebConfig.TlsFiles(cert, key)),
                new BasicAuthGuard(authenticator, who()));

        HttpClient trusting = TestHttp.clientBuilder().sslContext(trusting(ca.caPem())).build();
        HttpResponse<String> answer = trusting.send(TestHttp.request(URI.create("https://localhost:" + server.port()
                + "/health/live")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.body()).isEqualTo("/health/live for nobody");
        assertThat(server.tls()).isTrue();
        assertThatThrownBy(() -> get("/health/live", null)).isInstanceOf(IOException.class);
    }

    @Test
    void aTakenPortIsNamedWithTheSettingsThatPlaceIt() {
        server = WebServer.start("test server", "127.0.0.1", 0, Optional.empty(), who());

        assertThatThrownBy(() -> WebServer.start("admin port (SNS_ADMIN_PORT / SNS_ADMIN_BIND)", "127.0.0.1",
                server.port(), Optional.empty(), who()))
                .hasMessageStartingWith("cannot listen on 127.0.0.1:" + server.port()
                        + " for the admin port (SNS_ADMIN_PORT / SNS_ADMIN_BIND)");
    }

    private HttpResponse<String> get(String path, String authorization) throws IOException, InterruptedException {
        var request = TestHttp.request(URI.create("http://127.0.0.1:" + server.port() + path));
        if (authorization != null) request.header("Authorization", authorization);
        return TestHttp.client().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String name, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static SSLContext trusting(String caPem) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("ca", Pem.certificates(caPem, "ca").get(0));
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
