package io.statusnotify.cli;

import io.statusnotify.schema.TenantConfig;
import io.statusnotify.schema.AuditRecord;
import io.statusnotify.secrets.SecretKeys;
import io.statusnotify.tenants.SecretSealer;
import io.statusnotify.tenants.TenantChange;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code tenant put}: creates a tenant or changes the fields given, keeping the others. */
@Command(name = "put", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Creates tenant NAME, or changes an existing one: fields not given keep their current value. " +
                "Checked before writing: an absolute http/https URL with a host and no user:password@ or #fragment (at most 2048 " +
                "characters); a user name without ':' or control characters (at most 256); a password without control " +
                "characters (at most 1024, from a file or standard input, never the command line: one trailing newline " +
                "is removed), sealed with the current key of SNS_SECRET_KEYS_FILE / SNS_SECRET_KEYS (or stored in clear " +
                "with --cleartext-password); NAME without '/' or control characters (at most 200); limits positive. " +
                "Says \"saved\" only once Kafka has acknowledged the record (acks=all).",
        exitCodeListHeading = OpsHelp.EXIT_CODES_HEADING,
        exitCodeList = {OpsHelp.OK, OpsHelp.FAILED, OpsHelp.USAGE},
        footerHeading = OpsHelp.EXAMPLES,
        footer = {"  statusnotify tenant put acme --url https://notify.acme.example/sns --username portal \\",
                "      --password-file /run/secrets/acme",
                "  printf %%s \"$PW\" | statusnotify tenant put acme --password-stdin      (new password, rest kept)",
                "  statusnotify tenant put acme --max-requests-per-second 50 --max-in-flight 8",
                "  statusnotify tenant put acme --ca-file acme-ca.pem --signing-secret-file acme.whsec",
                "  statusnotify tenant put acme --no-username --no-password",
                "  statusnotify tenant put acme --disabled"})
final class TenantPutCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    OpsOptions ops;

    @Parameters(index = "0", paramLabel = "NAME", description = "The tenant: the events' user.tenantName.")
    String tenant;

    @Option(names = "--url", paramLabel = "URL", description = "Where notifications are POSTed (http:// or https://).")
    String url;

    @Option(names = "--username", paramLabel = "USER", description = "User name for HTTP basic auth.")
    String username;

    @ArgGroup(exclusive = true)
    PasswordSource passwordSource;

    static final class PasswordSource {
        @Option(names = "--password-file", paramLabel = "FILE", description = "Read the password from FILE.")
        Path file;

        @Option(names = "--password-stdin", description = "Read the password from standard input.")
        boolean stdin;
    }

    @ArgGroup(exclusive = true)
    Switch enabledSwitch;

    static final class Switch {
        @Option(names = "--enabled", description = "Send this tenant notifications (the default for a new tenant).")
        boolean enabled;

        @Option(names = "--disabled", description = "Send this tenant nothing.")
        boolean disabled;
    }

    @Option(names = "--max-in-flight", paramLabel = "N", description = "Requests open at once for this tenant (1-10000).")
    Integer maxInFlight;

    @Option(names = "--max-requests-per-second", paramLabel = "R", description = "Request rate cap for this tenant.")
    Double maxRequestsPerSecond;

    @Option(names = "--ca-file", paramLabel = "PEM",
            description = "The tenant's own CA certificates: its server is then trusted through these only.")
    Path caFile;

    @Option(names = "--client-cert-file", paramLabel = "PEM", description = "Client certificate (and chain) for mTLS.")
    Path clientCertFile;

    @Option(names = "--client-key-file", paramLabel = "PEM",
            description = "The client certificate's key, unencrypted PKCS#8 PEM (sealed like the password).")
    Path clientKeyFile;

    @Option(names = "--signing-secret-file", paramLabel = "FILE",
            description = "Standard Webhooks signing secret, whsec_ + base64 (sealed like the password).")
    Path signingSecretFile;

    @Option(names = "--cleartext-password",
            description = "Store the secrets given here in clear instead of sealed (the sink then needs SNS_ALLOW_CLEARTEXT_PASSWORDS=true).")
    boolean cleartext;

    @Option(names = "--no-password", description = "Remove the password.")
    boolean noPassword;

    @Option(names = "--no-username", description = "Remove the user name (and send no Authorization header).")
    boolean noUsername;

    @Option(names = "--no-ca", description = "Remove the tenant's own CAs (back to the system CAs and SNS_TLS_CA_BUNDLE).")
    boolean noCa;

    @Option(names = "--no-client-cert", description = "Remove the client certificate and its key.")
    boolean noClientCert;

    @Option(names = "--no-signing-secret", description = "Remove the signing secret.")
    boolean noSigningSecret;

    @Override
    public Integer call() {
        TenantRecords.requireName(tenant);
        TenantChange change = change();
        TenantRecords.requireValidChange(change);
        SecretSealer sealer = change.givesSecret() ? sealer() : null;
        ConfigStore store = new ConfigStore(ops.clients(), ops.topics().tenantConfig());
        TenantConfig current = store.read().tenants().get(tenant);
        TenantConfig config = TenantRecords.build(tenant, current, change, sealer);
        try (ConfigChanges changes = new ConfigChanges(ops.clients(), ops.topics())) {
            changes.putTenant(AuditRecord.PUT, tenant, current, config);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (ops.json()) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("saved", true);
            result.put("created", current == null);
            result.put("config", TenantView.of(tenant, config));
            OpsOptions.printJson(out, result);
        } else {
            out.println((current == null ? "Created" : "Updated") + " tenant '" + tenant + "': saved to " + store.topic()
                    + (sealer == null ? "" : "; the secrets given were " + sealer.describe()) + ".");
            TenantView.of(tenant, config).printDetails(out);
        }
        return StatusnotifyCommand.OK;
    }

    private TenantChange change() {
        if (noPassword && passwordSource != null) throw OpsFailure.usage("--no-password: cannot go with a new password");
        if (noUsername && username != null) throw OpsFailure.usage("--no-username: cannot go with --username");
        if (noCa && caFile != null) throw OpsFailure.usage("--no-ca: cannot go with --ca-file");
        if (noClientCert && (clientCertFile != null || clientKeyFile != null)) {
            throw OpsFailure.usage("--no-client-cert: cannot go with --client-cert-file or --client-key-file");
        }
        if (noSigningSecret && signingSecretFile != null) throw OpsFailure.usage("--no-signing-secret: cannot go with --signing-secret-file");
        Set<String> removed = new HashSet<>();
        if (noPassword) removed.add(TenantConfig.PASSWORD);
        if (noUsername) removed.add("username");
        if (noCa) removed.add("caCertificates");
        if (noClientCert) removed.addAll(Set.of("clientCertificate", TenantConfig.CLIENT_KEY));
        if (noSigningSecret) removed.add(TenantConfig.SIGNING_SECRET);
        return new TenantChange(url, username, password(), enabled(), maxInFlight, maxRequestsPerSecond,
                caFile == null ? null : MaterialFiles.pem(caFile, "--ca-file"),
                clientCertFile == null ? null : MaterialFiles.pem(clientCertFile, "--client-cert-file"),
                clientKeyFile == null ? null : MaterialFiles.pem(clientKeyFile, "--client-key-file"),
                signingSecretFile == null ? null : MaterialFiles.secret(signingSecretFile, "--signing-secret-file"),
                removed);
    }

    private SecretSealer sealer() {
        if (cleartext) return SecretSealer.cleartext();
        SecretKeys keys = ops.secretKeys();
        if (keys.isEmpty()) throw OpsFailure.usage(NO_KEY);
        return SecretSealer.sealedWith(keys);
    }

    static final String NO_KEY = "no key to seal secrets with: make one with 'statusnotify keys generate --id k1 >> "
            + "secret-keys.properties' and set SNS_SECRET_KEYS_FILE to that file, or pass --cleartext-password to store "
            + "it in clear (the sink then needs SNS_ALLOW_CLEARTEXT_PASSWORDS=true)";

    private String password() {
        if (passwordSource == null) return null;
        if (passwordSource.stdin) return PasswordInput.fromStdin(System.in);
        return PasswordInput.fromFile(passwordSource.file);
    }

    private Boolean enabled() {
        if (enabledSwitch == null) return null;
        return enabledSwitch.enabled;
    }
}
