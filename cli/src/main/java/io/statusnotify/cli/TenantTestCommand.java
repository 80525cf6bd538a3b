package io.statusnotify.cli;

import io.statusnotify.schema.ConfigEntry;
import io.statusnotify.schema.Json;
import io.statusnotify.schema.TenantConfig;
import io.statusnotify.secrets.SecretBox;
import io.statusnotify.secrets.SecretKeys;
import io.statusnotify.settings.Settings;
import io.statusnotify.settings.SettingsException;
import io.statusnotify.sink.ConnectionTest;
import io.statusnotify.sink.SinkSettings;
import io.statusnotify.topics.TopicNames;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code tenant test}: the seed's Connection test. Sends the documented test notification with the sink's own HTTP,
 * TLS, destination-policy, auth and signing code, to a saved tenant or to a config given on the command line, and
 * says what happened. {@code --save-on-success} then saves the tested config, its password sealed.
 */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = {"Sends a test notification to a tenant's server and says what happened:",
                "the status and time, or the TLS / DNS / refused / timeout / destination-refused cause.",
                "The request carries the header statusnotify-test: 1 and a body with \"test\": true, sequenceNum 0.",
                "Exit code 0 when the server answered 2xx, 1 otherwise, 2 for bad usage."},
        footerHeading = "%nExamples:%n",
        footer = {"  statusnotify tenant test acme                      the saved config of tenant acme",
                "  statusnotify tenant test acme --url https://hooks.acme.example/sns \\",
                "      --username portal --password-file pw.txt --save-on-success"})
public final class TenantTestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "The tenant (required, except with --url alone).")
    String name;

    @Option(names = "--url", description = "Test this server URL instead of the saved config.")
    String url;

    @Option(names = "--username", description = "Basic-auth user name (with --url).")
    String username;

    @Option(names = "--password-file", description = "A file holding the password, one line (with --url).")
    Path passwordFile;

    @Option(names = "--save-on-success", description = "Save the tested config (enabled, password sealed) when the test passes.")
    boolean saveOnSuccess;

    @Option(names = "--bootstrap-server", defaultValue = "${env:KAFKA_BOOTSTRAP_SERVERS}",
            description = "Kafka to read or save the config (default: $KAFKA_BOOTSTRAP_SERVERS).")
    String bootstrapServers;

    /** The environment the settings come from (SNS_SECRET_KEYS, SNS_TLS_CA_BUNDLE, ...); tests set their own. */
    Map<String, String> environment = System.getenv();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Settings settings = Settings.of(environment);
        SinkSettings.Security security;
        SinkSettings.Http http;
        try {
            security = SinkSettings.Security.from(settings);
            http = SinkSettings.Http.from(settings);
        } catch (SettingsException e) {
            return fail(e.getMessage(), StatusnotifyCommand.USAGE);
        }
        if (saveOnSuccess && security.secretKeys().isEmpty()) {
            return fail("--save-on-success: cannot seal the password, no key: set SNS_SECRET_KEYS or SNS_SECRET_KEYS_FILE",
                    StatusnotifyCommand.USAGE);
        }
        String tenant = name == null ? "connection-test" : name;
        String topic = TopicNames.from(settings).tenantConfig();
        TenantConfig config;
        try {
            config = url == null ? saved(topic) : given();
        } catch (UnusableInput e) {
            return fail(e.getMessage(), e.exitCode);
        }
        ConnectionTest.Result result = ConnectionTest.run(tenant, config, security, http);
        out.println((result.passed() ? "PASSED " : "FAILED ") + tenant + ": " + result.message());
        out.flush();
        if (!result.passed()) return StatusnotifyCommand.FAILED;
        if (saveOnSuccess) {
            TenantConfig sealed = sealed(tenant, config, security.secretKeys());
            ConfigRecordWriter.write(bootstrapServers, topic, tenant, Json.write(sealed), "statusnotify-tenant-test");
            out.println("Saved the config of tenant " + tenant + " to " + topic
                    + (sealed.password() == null ? "" : " (password sealed with key " + security.secretKeys().sealingKeyId().orElseThrow() + ")"));
            out.flush();
        }
        return StatusnotifyCommand.OK;
    }

    private TenantConfig saved(String topic) {
        if (name == null) throw new ParameterException(spec.commandLine(), "NAME: required without --url");
        if (username != null || passwordFile != null) throw new ParameterException(spec.commandLine(), "--username and --password-file need --url");
        if (saveOnSuccess) throw new ParameterException(spec.commandLine(), "--save-on-success needs --url (the saved config is saved already)");
        byte[] value = LatestConfigRecord.valueOf(requireBootstrap(), topic, name, Duration.ofSeconds(30));
        if (value == null) throw new UnusableInput("tenant " + name + " has no config on " + topic, StatusnotifyCommand.FAILED);
        ConfigEntry entry = ConfigEntry.parse(name, value);
        if (entry instanceof ConfigEntry.Invalid invalid) {
            throw new UnusableInput("the saved config of tenant " + name + " is unusable: " + invalid.reason(), StatusnotifyCommand.FAILED);
        }
        return ((ConfigEntry.Tenant) entry).config();
    }

    private TenantConfig given() {
        if (saveOnSuccess && name == null) throw new ParameterException(spec.commandLine(), "--save-on-success needs NAME");
        if (saveOnSuccess) requireBootstrap();
        if (passwordFile != null && username == null) throw new ParameterException(spec.commandLine(), "--password-file needs --username");
        String password = passwordFile == null ? null : password();
        return new TenantConfig(true, url, username, password);
    }

    private String password() {
        try {
            String password = Files.readString(passwordFile, StandardCharsets.UTF_8).strip();
            if (password.isEmpty()) throw new UnusableInput("--password-file: " + passwordFile + " is empty", StatusnotifyCommand.USAGE);
            return password;
        } catch (IOException e) {
            throw new UnusableInput("--password-file: cannot read " + passwordFile + " (" + e.getClass().getSimpleName() + ")",
                    StatusnotifyCommand.USAGE);
        }
    }

    private String requireBootstrap() {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new ParameterException(spec.commandLine(), "--bootstrap-server: required (or set KAFKA_BOOTSTRAP_SERVERS)");
        }
        return bootstrapServers;
    }

    private static TenantConfig sealed(String tenant, TenantConfig config, SecretKeys keys) {
        if (config.password() == null) return config;
        String clear = io.statusnotify.secrets.Secret.clearText(config.password());
        return config.withSecrets(new SecretBox(keys).seal(tenant, TenantConfig.PASSWORD, clear), null, null);
    }

    private int fail(String message, int exitCode) {
        spec.commandLine().getErr().println("statusnotify tenant test: " + message);
        spec.commandLine().getErr().flush();
        return exitCode;
    }

    private static final class UnusableInput extends RuntimeException {
        final int exitCode;

        UnusableInput(String message, int exitCode) {
            super(message, null, false, false);
            this.exitCode = exitCode;
        }
    }
}
