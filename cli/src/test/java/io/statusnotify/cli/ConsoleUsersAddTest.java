package io.statusnotify.cli;

import io.statusnotify.admin.access.Authenticator;
import io.statusnotify.admin.access.Role;
import io.statusnotify.admin.access.WebConfig;
import io.statusnotify.admin.access.WebConfigFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleUsersAddTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path dir;

    private int run(Map<String, String> environment, String... args) {
        CommandLine commandLine = StatusnotifyCommand.commandLine(new StatusnotifyCommand(), environment);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void aUserAddedFromAPasswordFileLogsInWithThatPasswordAndTheFileHoldsOnlyItsHash() throws IOException {
        Path users = dir.resolve("web.config.yml");
        Path secret = Files.writeString(dir.resolve("pw"), "bob's pass\n");

        int code = run(Map.of(), "console", "users", "add", "bob", "--role", "tenant-admin", "--tenant", "acme",
                "--tenant", "globex", "--password-file", secret.toString(), "--file", users.toString());

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("added user 'bob' (tenant-admin of acme, globex) in " + users);
        assertThat(Files.readString(users)).doesNotContain("bob's pass").contains("$2y$10$");
        WebConfig config = WebConfigFile.read(users);
        assertThat(config.users().get("bob").role()).isEqualTo(Role.TENANT_ADMIN);
        assertThat(new Authenticator(config, Clock.systemUTC()).check("bob", "bob's pass", "127.0.0.1"))
                .isInstanceOf(Authenticator.Outcome.Passed.class);
    }

    @Test
    void aRandomPasswordIsPrintedOnceAndWorksAndOtherUsersAreKept() throws IOException {
        Path users = dir.resolve("web.config.yml");
        Path secret = Files.writeString(dir.resolve("pw"), "viewer-pass");
        assertThat(run(Map.of(), "console", "users", "add", "carol", "--role", "viewer",
                "--password-file", secret.toString(), "--file", users.toString())).isZero();

        assertThat(run(Map.of(), "console", "users", "add", "alice", "--role", "super-admin", "--random-password",
                "--file", users.toString())).as(err.toString()).isZero();

        Matcher password = Pattern.compile("password: (\\S+) ").matcher(out.toString());
        assertThat(password.find()).as(out.toString()).isTrue();
        WebConfig config = WebConfigFile.read(users);
        assertThat(config.users()).containsOnlyKeys("alice", "carol");
        assertThat(new Authenticator(config, Clock.systemUTC()).check("alice", password.group(1), "127.0.0.1"))
                .isInstanceOf(Authenticator.Outcome.Passed.class);
    }

    @Test
    void badUsageIsRefusedNamingTheOptionAndWritesNothing() throws IOException {
        Path users = dir.resolve("web.config.yml");
        Path secret = Files.writeString(dir.resolve("pw"), "pw");

        assertThat(run(Map.of(), "console", "users", "add", "bob", "--role", "root", "--password-file", secret.toString(),
                "--file", users.toString())).isEqualTo(2);
        assertThat(run(Map.of(), "console", "users", "add", "bob", "--role", "tenant-admin", "--password-file",
                secret.toString(), "--file", users.toString())).isEqualTo(2);
        assertThat(run(Map.of(), "console", "users", "add", "bob", "--role", "tenant-admin", "--tenant", "a/b",
                "--password-file", secret.toString(), "--file", users.toString())).isEqualTo(2);

        assertThat(err.toString()).contains("--role: must be one of super-admin, tenant-admin, viewer, was 'root'")
                .contains("--tenant: a tenant-admin needs at least one tenant").contains("--tenant: must not contain '/'");
        assertThat(users).doesNotExist();
    }
}
