package io.statusnotify.admin.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The users file, in the style of Prometheus' {@code web.config.yml}: {@code basic_auth_users} (name: bcrypt hash)
 * and {@code tls_server_config} ({@code cert_file}, {@code key_file}) as Prometheus writes them, plus
 * {@code user_roles}, statusnotify's own: each user's {@code role} and, for a tenant-admin, its {@code tenants}.
 * Every error names the file and the key. Relative TLS paths are read against the file's folder, as Prometheus does.
 */
public final class WebConfigFile {
    public static final String USERS = "basic_auth_users";
    public static final String ROLES = "user_roles";
    public static final String TLS = "tls_server_config";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    private WebConfigFile() {
    }

    /** Throws {@link IllegalArgumentException} naming the file and the key at fault. */
    public static WebConfig read(Path file) {
        JsonNode root;
        try {
            root = YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot be read as YAML (" + e.getClass().getSimpleName() + ")");
        }
        if (root == null || root.isMissingNode() || root.isNull()) root = YAML.createObjectNode();
        if (!root.isObject()) throw new IllegalArgumentException(file + ": must be a YAML mapping");
        for (Iterator<String> keys = root.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!Set.of(USERS, ROLES, TLS).contains(key)) {
                throw new IllegalArgumentException(file + ": " + key + ": not a known key (" + USERS + ", " + ROLES + ", " + TLS + ")");
            }
        }
        Map<String, String> hashes = hashes(file, root.path(USERS));
        Map<String, WebUser> users = roles(file, root.path(ROLES), hashes.keySet());
        return new WebConfig(users, hashes, tls(file, root.path(TLS)));
    }

    /** Writes {@code config} to {@code file} (readable by its owner only), replacing it whole and at once. */
    public static void write(Path file, WebConfig config) {
        ObjectNode root = YAML.createObjectNode();
        config.tls().ifPresent(tls -> root.putObject(TLS).put("cert_file", tls.certFile().toString())
                .put("key_file", tls.keyFile().toString()));
        ObjectNode users = root.putObject(USERS);
        ObjectNode roles = root.putObject(ROLES);
        for (WebUser user : config.users().values()) {
            users.put(user.name(), config.hashes().get(user.name()));
            ObjectNode role = roles.putObject(user.name()).put("role", user.role().fileName());
            if (!user.tenants().isEmpty()) user.tenants().forEach(role.putArray("tenants")::add);
        }
        try {
            Path folder = file.toAbsolutePath().getParent();
            Files.createDirectories(folder);
            Path temporary = Files.createTempFile(folder, ".web-config", ".tmp");
            try {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // a file system without POSIX permissions: keep its defaults
            }
            Files.writeString(temporary, "# Users of statusnotify's console and admin ports (see docs/security.md).\n"
                    + YAML.writeValueAsString(root));
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot be written: " + e.getMessage(), e);
        }
    }

    private static Map<String, String> hashes(Path file, JsonNode node) {
        Map<String, String> hashes = new HashMap<>();
        if (node.isMissingNode() || node.isNull()) return hashes;
        if (!node.isObject()) throw new IllegalArgumentException(file + ": " + USERS + ": must map user names to bcrypt hashes");
        node.fields().forEachRemaining(entry -> {
            String where = file + ": " + USERS + "." + entry.getKey();
            requireName(where, entry.getKey());
            // The value is never quoted back: it could be a clear-text password written by mistake.
            if (!Passwords.isHash(entry.getValue().asText(null))) {
                throw new IllegalArgumentException(where + ": not a bcrypt hash ($2a$, $2b$ or $2y$; make one with "
                        + "'statusnotify console users add')");
            }
            hashes.put(entry.getKey(), entry.getValue().asText());
        });
        return hashes;
    }

    private static Map<String, WebUser> roles(Path file, JsonNode node, Set<String> names) {
        Map<String, WebUser> users = new HashMap<>();
        if (!node.isMissingNode() && !node.isNull() && !node.isObject()) {
            throw new IllegalArgumentException(file + ": " + ROLES + ": must map user names to {role, tenants}");
        }
        node.fields().forEachRemaining(entry -> {
            String where = file + ": " + ROLES + "." + entry.getKey();
            if (!names.contains(entry.getKey())) {
                throw new IllegalArgumentException(where + ": no such user in " + USERS);
            }
            String roleName = entry.getValue().path("role").asText("");
            Role role = Role.named(roleName).orElseThrow(() -> new IllegalArgumentException(
                    where + ".role: must be one of " + Role.names() + ", was '" + roleName + "'"));
            Set<String> tenants = new LinkedHashSet<>();
            JsonNode list = entry.getValue().path("tenants");
            if (!list.isMissingNode() && !list.isArray()) {
                throw new IllegalArgumentException(where + ".tenants: must be a list of tenant names");
            }
            list.forEach(tenant -> tenants.add(tenant.asText()));
            try {
                users.put(entry.getKey(), new WebUser(entry.getKey(), role, tenants));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ": " + ROLES + "." + e.getMessage());
            }
        });
        for (String name : names) {
            if (!users.containsKey(name)) {
                throw new IllegalArgumentException(file + ": " + ROLES + "." + name + ": missing (every user in "
                        + USERS + " needs a role: " + Role.names() + ")");
            }
        }
        return users;
    }

    private static Optional<WebConfig.TlsFiles> tls(Path file, JsonNode node) {
        if (node.isMissingNode() || node.isNull()) return Optional.empty();
        String cert = node.path("cert_file").asText("");
        String key = node.path("key_file").asText("");
        if (cert.isEmpty() || key.isEmpty()) {
            throw new IllegalArgumentException(file + ": " + TLS + ": needs both cert_file and key_file");
        }
        Path folder = file.toAbsolutePath().getParent();
        return Optional.of(new WebConfig.TlsFiles(folder.resolve(cert), folder.resolve(key)));
    }

    /** Names as {@code users add} accepts them: they end up in audit records and log lines. */
    public static void requireName(String where, String name) {
        if (!name.matches("[A-Za-z0-9._@-]{1,64}")) {
            throw new IllegalArgumentException(where + ": a user name is 1 to 64 letters, digits, '.', '_', '@' or '-'");
        }
    }
}
