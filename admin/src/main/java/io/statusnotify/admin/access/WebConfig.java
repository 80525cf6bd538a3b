package io.statusnotify.admin.access;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The users file as read: each user with a role and a bcrypt hash, and optionally the
 * certificate and key that make the console and the admin ports serve HTTPS. Read and written by {@link WebConfigFile}.
 */
public record WebConfig(Map<String, WebUser> users, Map<String, String> hashes, Optional<TlsFiles> tls) {
    /** PEM files: the certificate (chain) and its unencrypted PKCS#8 key. */
    public record TlsFiles(Path certFile, Path keyFile) {
    }

    public WebConfig {
        users = Map.copyOf(new TreeMap<>(users));
        hashes = Map.copyOf(hashes);
        if (!users.keySet().equals(hashes.keySet())) {
            throw new IllegalArgumentException("every user needs both a role and a hash");
        }
    }

    public static WebConfig empty() {
        return new WebConfig(Map.of(), Map.of(), Optional.empty());
    }

    /** This config with {@code user} added or replaced, its password given as a bcrypt hash. */
    public WebConfig with(WebUser user, String hash) {
        Map<String, WebUser> newUsers = new TreeMap<>(users);
        Map<String, String> newHashes = new TreeMap<>(hashes);
        newUsers.put(user.name(), user);
        newHashes.put(user.name(), hash);
        return new WebConfig(newUsers, newHashes, tls);
    }

    /** Never the hashes: a config may be logged. */
    @Override
    public String toString() {
        return "WebConfig" + users.values() + tls.map(t -> " tls=" + t).orElse("");
    }
}
