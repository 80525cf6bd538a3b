package io.statusnotify.cli;

import io.statusnotify.schema.TenantConfig;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code tenant put}: creates a tenant or changes the fields given, keeping the others. */
@Command(name = "put", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Creates tenant NAME, or changes an existing one: fields not given keep their current value. " +
                "Checked before writing: an absolute http/https URL with a host and no user:password@ in it (at most 2048 " +
                "characters); a user name without ':' or control characters (at most 256); a password without control " +
                "characters (at most 1024, from a file or standard input, never the command line: one trailing newline " +
                "is removed); NAME without '/' or control characters (at most 200); limits positive. " +
                "Says \"saved\" only once Kafka has acknowledged the record (acks=all).",
        exitCodeListHeading = OpsHelp.EXIT_CODES_HEADING,
        exitCodeList = {OpsHelp.OK, OpsHelp.FAILED, OpsHelp.USAGE},
        footerHeading = OpsHelp.EXAMPLES,
        footer = {"  statusnotify tenant put acme --url https://notify.acme.example/sns --username portal \\",
                "      --password-file /run/secrets/acme",
                "  printf %%s \"$PW\" | statusnotify tenant put acme --password-stdin      (new password, rest kept)",
                "  statusnotify tenant put acme --max-requests-per-second 50 --max-in-flight 8",
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

    @Override
    public Integer call() {
        TenantRecordWriter.requireName(tenant);
        TenantChange change = new TenantChange(url, username, password(), enabled(), maxInFlight, maxRequestsPerSecond);
        TenantRecordWriter.requireValidChange(change);
        ConfigStore store = new ConfigStore(ops.clients(), ops.topics().tenantConfig());
        TenantConfig current = store.read().tenants().get(tenant);
        TenantConfig config = TenantRecordWriter.build(tenant, current, change);
        store.writeTenant(tenant, config);
        PrintWriter out = spec.commandLine().getOut();
        if (ops.json()) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("saved", true);
            result.put("created", current == null);
            result.put("config", TenantView.of(tenant, config));
            OpsOptions.printJson(out, result);
        } else {
            out.println((current == null ? "Created" : "Updated") + " tenant '" + tenant + "': saved to " + store.topic() + ".");
            TenantView.of(tenant, config).printDetails(out);
        }
        return StatusnotifyCommand.OK;
    }

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
