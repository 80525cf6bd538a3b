package io.statusnotify.admin.access;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebConfigFileTest {
    // One hash for every user: the file tests read roles, not passwords (PasswordsTest checks those).
    private static final String HASH = Passwords.hash("s3cret-pass");

    @TempDir
    Path dir;

    @Test
    void readsUsersRolesAndTlsInPrometheusStyle() throws IOException {
        Path file = file("""
                tls_server_config:
                  cert_file: tls.crt
                  key_file: /etc/sns/tls.key
                basic_auth_users:
                  alice: %1$s
                  bob: '%1$s'
                  carol: "%1$s"
                user_roles:
                  alice: {role: super-admin}
                  bob:
                    role: tenant-admin
                    tenants: [acme, globex]
                  carol: {role: viewer}
                """.formatted(HASH));

        WebConfig config = WebConfigFile.read(file);

        assertThat(config.users()).containsOnlyKeys("alice", "bob", "carol");
        assertThat(config.users().get("alice").role()).isEqualTo(Role.SUPER_ADMIN);
        assertThat(config.users().get("bob").tenants()).containsExactlyInAnyOrder("acme", "globex");
        assertThat(config.users().get("carol").role()).isEqualTo(Role.VIEWER);
        assertThat(config.hashes().get("bob")).isEqualTo(HASH);
        assertThat(config.tls()).contains(new WebConfig.TlsFiles(dir.resolve("tls.crt"), Path.of("/etc/sns/tls.key")));
    }

    @Test
    void writtenFileReadsBackTheSameAndOnlyItsOwnerMayReadIt() throws IOException {
        WebConfig written = WebConfig.empty()
                .with(new WebUser("alice", Role.SUPER_ADMIN, Set.of()), HASH)
                .with(new WebUser("bob", Role.TENANT_ADMIN, Set.of("acme")), HASH);
        Path file = dir.resolve("sub/web.config.yml");

        WebConfigFile.write(file, written);

        assertThat(WebConfigFile.read(file)).isEqualTo(written);
        assertThat(Files.getPosixFilePermissions(file)).extracting(Object::toString)
                .containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE");
    }

    @Test
    void aClearTextPasswordInPlaceOfAHashIsRefusedWithoutQuotingIt() throws IOException {
        Path file = file("basic_auth_users:\n  alice: hunter2-clear\nuser_roles:\n  alice: {role: viewer}\n");

        assertThatThrownBy(() -> WebConfigFile.read(file))
                .hasMessageContaining("basic_auth_users.alice: not a bcrypt hash")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void eachMistakeIsNamedByItsKey() throws IOException {
        assertRefused("basic_auth_users:\n  alice: " + HASH + "\n", "user_roles.alice: missing");
        assertRefused("basic_auth_users:\n  alice: " + HASH + "\nuser_roles:\n  alice: {role: root}\n",
                "user_roles.alice.role: must be one of super-admin, tenant-admin, viewer, was 'root'");
        assertRefused("basic_auth_users:\n  alice: " + HASH + "\nuser_roles:\n  alice: {role: tenant-admin}\n",
                "user_roles.alice: a tenant-admin needs at least one tenant");
        assertRefused("basic_auth_users:\n  alice: " + HASH + "\nuser_roles:\n  alice: {role: viewer, tenants: [a]}\n",
                "user_roles.alice: only a tenant-admin has tenants");
        assertRefused("user_roles:\n  ghost: {role: viewer}\n", "user_roles.ghost: no such user in basic_auth_users");
        assertRefused("tls_server_config:\n  cert_file: a.crt\n", "tls_server_config: needs both cert_file and key_file");
        assertRefused("basic_auth_user:\n  alice: x\n", "basic_auth_user: not a known key");
        assertRefused("basic_auth_users:\n  'al ice': " + HASH + "\n", "basic_auth_users.al ice: a user name is");
    }

    @Test
    void anEmptyFileHasNoUsers() throws IOException {
        assertThat(WebConfigFile.read(file(""))).isEqualTo(new WebConfig(java.util.Map.of(), java.util.Map.of(), Optional.empty()));
    }

    private void assertRefused(String yaml, String message) throws IOException {
        Path file = file(yaml);
        assertThatThrownBy(() -> WebConfigFile.read(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(file + ": ").hasMessageContaining(message);
    }

    private Path file(String yaml) throws IOException {
        Path file = Files.createTempFile(dir, "web", ".yml");
        return Files.writeString(file, yaml);
    }
}
