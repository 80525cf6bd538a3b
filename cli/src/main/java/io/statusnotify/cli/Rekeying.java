package io.statusnotify.cli;

import io.statusnotify.schema.TenantConfig;
import io.statusnotify.secrets.Secret;
import io.statusnotify.secrets.SecretBox;
import io.statusnotify.secrets.SecretException;
import io.statusnotify.secrets.SecretKeys;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@code tenant rekey} does to one record: every secret opened with whichever configured key sealed it (or
 * taken as clear text) and sealed again with the current key. A secret that does not open is left as it is and
 * reported; the others are still rewritten.
 */
final class Rekeying {
    private final SecretBox box;
    private final String currentKeyId;

    /** {@code keys} must not be empty. */
    Rekeying(SecretKeys keys) {
        this.box = new SecretBox(keys);
        this.currentKeyId = keys.sealingKeyId().orElseThrow();
    }

    /** One secret's move, in words only ({@code from}/{@code to} as {@link TenantView#state} shows them). */
    record Move(String field, String from, String to) {
    }

    /** {@code config}: the record to write, null when nothing changes. */
    record Outcome(String tenant, TenantConfig config, List<Move> moves, List<String> problems) {
        boolean rewrites() {
            return config != null;
        }
    }

    String currentKeyId() {
        return currentKeyId;
    }

    Outcome rekey(String tenant, TenantConfig config) {
        List<Move> moves = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Secret password = resealed(tenant, TenantConfig.PASSWORD, config.password(), moves, problems);
        Secret clientKey = resealed(tenant, TenantConfig.CLIENT_KEY, config.clientKey(), moves, problems);
        Secret signing = resealed(tenant, TenantConfig.SIGNING_SECRET, config.signingSecret(), moves, problems);
        TenantConfig rewritten = moves.isEmpty() ? null : config.withSecrets(password, clientKey, signing);
        return new Outcome(tenant, rewritten, List.copyOf(moves), List.copyOf(problems));
    }

    private Secret resealed(String tenant, String field, Secret secret, List<Move> moves, List<String> problems) {
        if (secret == null) return null;
        if (secret instanceof Secret.Sealed sealed && sealed.keyId().equals(currentKeyId)) return secret;
        String clear;
        try {
            clear = box.open(tenant, field, secret);
        } catch (SecretException e) {
            problems.add(e.getMessage() + "; left as it is");
            return secret;
        }
        Secret.Sealed resealed = box.seal(tenant, field, clear);
        moves.add(new Move(field, TenantView.state(secret), TenantView.state(resealed)));
        return resealed;
    }
}
