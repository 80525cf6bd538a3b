package io.statusnotify.cli;

import io.statusnotify.schema.AuditRecord;
import io.statusnotify.schema.TenantConfig;
import io.statusnotify.secrets.SecretKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code tenant rekey}: rewrites tenants' records so every secret is sealed with the current key. */
@Command(name = "rekey", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Rewrites tenant NAME's record (or every tenant's, with --all) so that each secret (password,",
                "clientKey, signingSecret) is sealed with the current key (SNS_SECRET_KEY_ID, default the last listed):",
                "opened with whichever configured key sealed it, sealed again. Clear-text secrets are sealed too.",
                "A secret sealed with a key that is not configured is reported and left as it is (exit 1).",
                "Run it after adding a new key to SNS_SECRET_KEYS_FILE; remove the old key only afterwards."},
        exitCodeListHeading = OpsHelp.EXIT_CODES_HEADING,
        exitCodeList = {"0:every secret is sealed with the current key (or would be, with --dry-run)",
                "1:a secret could not be opened and was left as it is, or Kafka failed; the lines say which",
                OpsHelp.USAGE, OpsHelp.NOT_FOUND},
        footerHeading = OpsHelp.EXAMPLES,
        footer = {"  statusnotify keys generate --id k2 >> /etc/statusnotify/secret-keys.properties",
                "  statusnotify tenant rekey --all --dry-run",
                "  statusnotify tenant rekey --all",
                "  statusnotify tenant rekey acme --output json"})
final class TenantRekeyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    OpsOptions ops;

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "The tenant (or --all).")
    String tenant;

    @Option(names = "--all", description = "Every tenant on the config topic.")
    boolean all;

    @Option(names = "--dry-run", description = "Say what would be rewritten, write nothing.")
    boolean dryRun;

    @Override
    public Integer call() {
        if (all == (tenant != null)) throw OpsFailure.usage("give NAME or --all (one of them)");
        if (tenant != null) TenantRecords.requireName(tenant);
        SecretKeys keys = ops.secretKeys();
        if (keys.isEmpty()) {
            throw OpsFailure.usage("no key configured: set SNS_SECRET_KEYS_FILE (or SNS_SECRET_KEYS) to the keys, "
                    + "old and new ones (make a key with 'statusnotify keys generate')");
        }
        Rekeying rekeying = new Rekeying(keys);
        ConfigStore store = new ConfigStore(ops.clients(), ops.topics().tenantConfig());
        Map<String, TenantConfig> tenants = all ? store.read().tenants() : Map.of(tenant, store.require(tenant));
        List<Rekeying.Outcome> outcomes = new ArrayList<>();
        try (ConfigChanges changes = new ConfigChanges(ops.clients(), ops.topics())) {
            for (Map.Entry<String, TenantConfig> entry : tenants.entrySet()) {
                Rekeying.Outcome outcome = rekeying.rekey(entry.getKey(), entry.getValue());
                if (outcome.rewrites() && !dryRun) {
                    changes.putTenant(AuditRecord.REKEY, outcome.tenant(), entry.getValue(), outcome.config());
                }
                outcomes.add(outcome);
            }
        }
        long leftAlone = outcomes.stream().mapToLong(outcome -> outcome.problems().size()).sum();
        long rewritten = outcomes.stream().filter(Rekeying.Outcome::rewrites).count();
        if (ops.json()) {
            printJson(rekeying.currentKeyId(), outcomes, rewritten, leftAlone);
        } else {
            printText(rekeying.currentKeyId(), outcomes, rewritten, leftAlone);
        }
        return leftAlone == 0 ? StatusnotifyCommand.OK : StatusnotifyCommand.FAILED;
    }

    private void printText(String keyId, List<Rekeying.Outcome> outcomes, long rewritten, long leftAlone) {
        PrintWriter out = spec.commandLine().getOut();
        for (Rekeying.Outcome outcome : outcomes) {
            String moves = outcome.moves().stream()
                    .map(move -> move.field() + " " + move.from() + " -> " + move.to()
                            + (TenantView.CLEAR_TEXT.equals(move.from()) ? " (was clear text: now sealed)" : ""))
                    .collect(Collectors.joining(", "));
            if (!moves.isEmpty()) out.println(outcome.tenant() + ": " + (dryRun ? "would reseal " : "resealed ") + moves);
            outcome.problems().forEach(problem -> out.println(outcome.tenant() + ": " + problem));
            if (moves.isEmpty() && outcome.problems().isEmpty()) {
                out.println(outcome.tenant() + ": nothing to do (no secret, or all sealed with key " + keyId + ")");
            }
        }
        out.println(summary(dryRun, rewritten, outcomes.size(), keyId, leftAlone));
        out.flush();
    }

    static String summary(boolean dryRun, long rewritten, long tenants, String keyId, long leftAlone) {
        String rewrote = (dryRun ? "Dry run: would rewrite " : "Rewrote ") + rewritten + " of "
                + Words.count(tenants, "tenant record") + " with key " + keyId;
        if (leftAlone == 0) return rewrote + ".";
        return rewrote + "; " + Words.count(leftAlone, "secret") + " left as "
                + Words.oneOrMany(leftAlone, "it is: configure its key", "they are: configure their keys")
                + " and run it again.";
    }

    private void printJson(String keyId, List<Rekeying.Outcome> outcomes, long rewritten, long leftAlone) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("dryRun", dryRun);
        json.put("keyId", keyId);
        json.put("rewritten", rewritten);
        json.put("leftAlone", leftAlone);
        json.put("tenants", outcomes.stream().map(outcome -> {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("tenant", outcome.tenant());
            one.put("rewritten", outcome.rewrites());
            one.put("secrets", outcome.moves());
            one.put("problems", outcome.problems());
            return one;
        }).toList());
        OpsOptions.printJson(spec.commandLine().getOut(), json);
    }
}
