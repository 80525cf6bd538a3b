package io.statusnotify.deploy;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.statusnotify.admin.AdminServer;
import io.statusnotify.admin.AdminSettings;
import io.statusnotify.admin.access.Passwords;
import io.statusnotify.admin.access.Role;
import io.statusnotify.admin.access.WebConfig;
import io.statusnotify.admin.access.WebConfigFile;
import io.statusnotify.admin.access.WebUser;
import io.statusnotify.testing.TestCertificates;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** docker/healthcheck.sh, the images' HEALTHCHECK, run with bash against a real HTTP server. */
class HealthcheckScriptTest {
    private final AtomicInteger readyStatus = new AtomicInteger(200);
    private final List<String> requested = new CopyOnWriteArrayList<>();
    private final HttpServer admin = adminServer();
    private String output = "";

    @AfterEach
    void stop() {
        admin.stop(0);
    }

    @Test
    void readyAppIsHealthy() {
        int exit = runScript(Map.of("SNS_ADMIN_PORT", String.valueOf(admin.getAddress().getPort())));

        assertThat(exit).isZero();
        assertThat(requested).containsExactly("GET /health/ready");
    }

    @Test
    void appAnswering503IsUnhealthy() {
        readyStatus.set(503);

        int exit = runScript(Map.of("SNS_ADMIN_PORT", String.valueOf(admin.getAddress().getPort())));

        assertThat(exit).isEqualTo(1);
        assertThat(requested).containsExactly("GET /health/ready");
    }

    @Test
    void nothingListeningOnTheAdminPortIsUnhealthy() {
        int exit = runScript(Map.of("SNS_ADMIN_PORT", String.valueOf(freePort())));

        assertThat(exit).isEqualTo(1);
        assertThat(requested).isEmpty();
    }

    @Test
    void adminServerSwitchedOffIsNeverHealthy() {
        int exit = runScript(Map.of("SNS_ADMIN_PORT", "0"));

        assertThat(exit).isEqualTo(1);
    }

    @Test
    void specificBindAddressIsTheOneAsked() {
        int exit = runScript(Map.of("SNS_ADMIN_PORT", String.valueOf(admin.getAddress().getPort()),
                "SNS_ADMIN_BIND", "127.0.0.1"));

        assertThat(exit).isZero();
    }

    @Test
    void givenNoUsersFileTheAppListensOnLoopbackSoThatIsWhereTheCheckAsksWhateverTheBind() {
        int exit = runScript(Map.of("SNS_ADMIN_PORT", String.valueOf(admin.getAddress().getPort()),
                "SNS_ADMIN_BIND", "192.0.2.1"));

        assertThat(exit).isZero();
        assertThat(requested).containsExactly("GET /health/ready");
    }

    @Test
    void givenAUsersFileWithTlsTheCheckAsksOverHttpsWithoutALogin(@TempDir Path dir) {
        TestCertificates.Issued issued = TestCertificates.createCa(dir, "Health CA").issue("localhost", "DNS:localhost");
        Path users = dir.resolve("web.config.yml");
        WebConfigFile.write(users, new WebConfig(Map.of("ops", new WebUser("ops", Role.VIEWER, Set.of())),
                Map.of("ops", Passwords.hash("ops-pass")), Optional.of(new WebConfig.TlsFiles(
                write(dir.resolve("cert.pem"), issued.certificatePem()), write(dir.resolve("key.pem"), issued.privateKeyPem())))));
        AtomicBoolean ready = new AtomicBoolean(false);
        try (AdminServer https = AdminServer.start(new AdminSettings(0, "127.0.0.1", Optional.of(WebConfigFile.read(users))),
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), () -> Map.of("ready", ready.get()))) {
            Map<String, String> env = Map.of("SNS_ADMIN_PORT", String.valueOf(https.port()), "SNS_WEB_CONFIG", users.toString());

            int before = runScript(env);
            ready.set(true);
            int after = runScript(env);

            assertThat(before).as(output).isEqualTo(1);
            assertThat(after).as(output).isZero();
        }
    }

    @Test
    void withoutAnAdminPortSetTheCheckFailsSayingSoRatherThanGuessingAnAppsDefault() {
        int exit = runScript(Map.of());

        assertThat(exit).isEqualTo(1);
        assertThat(output).contains("SNS_ADMIN_PORT is not set");
        assertThat(requested).isEmpty();
    }

    private int runScript(Map<String, String> env) {
        Path log = createTempFile();
        ProcessBuilder builder = new ProcessBuilder("bash", DeploymentFiles.HEALTHCHECK_SCRIPT.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().remove("SNS_ADMIN_PORT");
        builder.environment().remove("SNS_ADMIN_BIND");
        builder.environment().remove("SNS_WEB_CONFIG");
        builder.environment().putAll(env);
        try {
            Process process = builder.start();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("healthcheck.sh did not finish in 20 s");
            }
            output = Files.readString(log);
            Files.delete(log);
            return process.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static Path write(Path file, String text) {
        try {
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path createTempFile() {
        try {
            return Files.createTempFile("healthcheck", ".log");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpServer adminServer() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                requested.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
                int status = exchange.getRequestURI().getPath().equals("/health/ready") ? readyStatus.get() : 404;
                byte[] body = ("{\"status\":\"" + (status == 200 ? "UP" : "DOWN") + "\",\"checks\":{}}").getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
