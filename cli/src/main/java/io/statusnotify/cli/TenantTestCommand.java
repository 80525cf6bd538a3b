package io.statusnotify.cli;

import io.statusnotify.sink.http.HttpSettings;
import io.statusnotify.sink.config.SecuritySettings;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.statusnotify.schema.AuditRecord;
import io.statusnotify.schema.TenantConfig;
import io.statusnotify.tenants.SecretSealer;
import io.statusnotify.tenants.TenantChange;
import io.statusnotify.settings.Settings;
import io.statusnotify.settings.SettingsException;
import io.statusnotify.sink.connectiontest.ConnectionTest;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code tenant test}: the seed's Connection test. Sends the documented test notification with the sink's own HTTP,
 * TLS, destination-policy, auth and signing code, to a saved tenant or to a config given on the command line, and
 * says what happened. {@code --save-on-success} then saves the tested config, its password sealed as {@code put} does.
 */
@Command(name = "test", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Sends a test notification to a tenant's server and says what happened:",
                "the status and time, or the TLS / DNS / refused / timeout / destination-refused cause.",
                "The request carries the header statusnotify-test: 1 and a body with \"test\": true, sequenceNum 0.",
                "With --url it tests that config instead of the saved one; --save-on-success then saves it as the",
                "tenant's whole record (enabled, password sealed like tenant put) once the server answered 2xx."},
        exitCodeListHeading = OpsHelp.EXIT_CODES_HEADING,
        exitCodeList = {"0:passed (the server answered 2xx)", "1:failed (another answer, TLS, DNS, refused, timeout, "
                + "or Kafka unreachable); the line says why", OpsHelp.USAGE, OpsHelp.NOT_FOUND},
        footerHeading = OpsHelp.EXAMPLES,
        footer = {"  statusnotify tenant test acme                      the saved config of tenant acme",
                "  statusnotify tenant test acme --url https://hooks.acme.example/sns \\",
                "      --username portal --password-file pw.txt --save-on-success",
                "  statusnotify tenant test acme --output json | jq .passed"})
final class TenantTestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    OpsOptions ops;

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "The tenant (required, except with --url alone).")
    String name;

    @Option(names = "--url", paramLabel = "URL", description = "Test this server URL instead of the saved config.")
    String url;

    @Option(names = "--username", paramLabel = "USER", description = "Basic-auth user name (with --url).")
    String username;

    @ArgGroup(exclusive = true)
    TenantPutCommand.PasswordSource passwordSource;

    @Option(names = "--save-on-success", description = "Save the tested config (with --url) when the test passes.")
    boolean saveOnSuccess;

    @Option(names = "--cleartext-password", description = "With --save-on-success: store the password in clear, not sealed.")
    boolean cleartext;

    @Override
    public Integer call() {
        SecuritySettings security;
        HttpSettings http;
        try {
            Settings settings = Settings.of(ops.environment());
            security = SecuritySettings.from(settings);
            http = HttpSettings.from(settings);
        } catch (SettingsException e) {
            throw OpsFailure.usage(e.getMessage());
        }
        String tenant = name == null ? "connection-test" : TenantRecords.requireName(name);
        TenantConfig config = url == null ? saved() : given();
        SecretSealer sealer = saveOnSuccess ? sealer(config) : null;
        ConnectionTest.Result result = ConnectionTest.run(tenant, config, security, http);
        boolean saved = result.passed() && saveOnSuccess;
        ConfigStore store = saved ? new ConfigStore(ops.clients(), ops.topics().tenantConfig()) : null;
        if (saved) {
            TenantConfig before = store.read().tenants().get(tenant);
            try (ConfigChanges changes = new ConfigChanges(ops.clients(), ops.topics())) {
                changes.putTenant(AuditRecord.PUT, tenant, before, TenantRecords.build(tenant, null, change(config), sealer));
            }
        }
        print(tenant, result, saved ? store.topic() + (sealer == null ? "" : "; password " + sealer.describe()) : null);
        return result.passed() ? StatusnotifyCommand.OK : StatusnotifyCommand.FAILED;
    }

    /** The {@code --output json} form; {@code status} is null (shown) when no HTTP answer came. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Outcome(String tenant, boolean passed, Integer status, long timeMs, String outcome, boolean saved) {
    }

    private void print(String tenant, ConnectionTest.Result result, String savedTo) {
        PrintWriter out = spec.commandLine().getOut();
        if (ops.json()) {
            OpsOptions.printJson(out, new Outcome(tenant, result.passed(), result.status(), result.took().toMillis(),
                    result.message(), savedTo != null));
            return;
        }
        out.println((result.passed() ? "PASSED " : "FAILED ") + tenant + ": " + result.message());
        if (savedTo != null) out.println("Saved the config of tenant " + tenant + " to " + savedTo + ".");
        out.flush();
    }

    private TenantConfig saved() {
        if (name == null) throw OpsFailure.usage("NAME: required without --url");
        if (username != null || passwordSource != null) throw OpsFailure.usage("--username and the password need --url");
        if (saveOnSuccess) throw OpsFailure.usage("--save-on-success: needs --url (the saved config is saved already)");
        return new ConfigStore(ops.clients(), ops.topics().tenantConfig()).require(name);
    }

    private TenantConfig given() {
        if (saveOnSuccess && name == null) throw OpsFailure.usage("--save-on-success: needs NAME");
        if (passwordSource != null && username == null) throw OpsFailure.usage("the password needs --username");
        TenantChange change = new TenantChange(url, username, password(), true, null, null, null, null, null, null, Set.of());
        TenantRecords.requireValidChange(change);
        return new TenantConfig(true, url, username, change.password());
    }

    private SecretSealer sealer(TenantConfig config) {
        if (config.password() == null) return null;
        if (cleartext) return SecretSealer.cleartext();
        if (ops.secretKeys().isEmpty()) throw OpsFailure.usage("--save-on-success: " + TenantPutCommand.NO_KEY);
        return SecretSealer.sealedWith(ops.secretKeys());
    }

    private static TenantChange change(TenantConfig tested) {
        return new TenantChange(tested.serverUrl(), tested.username(), io.statusnotify.secrets.Secret.clearText(tested.password()),
                true, null, null, null, null, null, null, Set.of());
    }

    private String password() {
        if (passwordSource == null) return null;
        if (passwordSource.stdin) return PasswordInput.fromStdin(System.in);
        return PasswordInput.fromFile(passwordSource.file);
    }
}
