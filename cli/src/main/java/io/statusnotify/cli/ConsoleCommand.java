package io.statusnotify.cli;

import io.statusnotify.admin.access.Passwords;
import io.statusnotify.admin.access.Role;
import io.statusnotify.admin.access.WebConfig;
import io.statusnotify.admin.access.WebConfigFile;
import io.statusnotify.admin.access.WebUser;
import io.statusnotify.console.ConsoleMain;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code console}: runs the web console (the same entry point as its container image); {@code console users add}: a
 * hashed entry in the users file of the console and the admin ports.
 */
@Command(name = "console", mixinStandardHelpOptions = true,
        description = {"Runs the web console: the Super Admin and Tenant Admin pages (see docs/console.md).",
                "Settings come from environment variables: KAFKA_BOOTSTRAP_SERVERS and SNS_WEB_CONFIG (required),",
                "SNS_CONSOLE_*, SNS_TOPIC_*, SNS_SECRET_KEYS_FILE (see docs/configuration.md).",
                "`console users add` writes the users file."},
        subcommands = ConsoleCommand.Users.class,
        footerHeading = OpsHelp.EXAMPLES,
        footer = {"  statusnotify console users add alice --role super-admin --random-password",
                "  KAFKA_BOOTSTRAP_SERVERS=localhost:9092 SNS_WEB_CONFIG=web.config.yml ./statusnotify console"})
final class ConsoleCommand implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
        ConsoleMain.main(new String[0]);
        return StatusnotifyCommand.OK;
    }

    @Command(name = "users", mixinStandardHelpOptions = true, description = "The users file.",
            subcommands = ConsoleCommand.Add.class)
    static final class Users extends CommandGroup {
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Adds a user to the users file (or replaces one of that name), with a bcrypt hash of the",
                    "password: never the password itself. The file is created (mode 600) when missing."},
            exitCodeListHeading = OpsHelp.EXIT_CODES_HEADING,
            exitCodeList = {OpsHelp.OK, OpsHelp.FAILED, "2:bad usage (a bad name, role, tenant or password; a file that cannot be used)"},
            footerHeading = OpsHelp.EXAMPLES,
            footer = {"  statusnotify console users add alice --role super-admin --random-password",
                    "  printf %%s \"$PW\" | statusnotify console users add bob --role tenant-admin --tenant acme --password-stdin",
                    "  statusnotify console users add grafana --role viewer --password-file /run/secrets/grafana --file /etc/sns/web.config.yml"})
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME", description = "The user name: 1 to 64 letters, digits, '.', '_', '@' or '-'.")
        String name;

        @Option(names = "--role", required = true, paramLabel = "ROLE", description = "super-admin, tenant-admin or viewer.")
        String role;

        @Option(names = "--tenant", paramLabel = "TENANT", description = "A tenant a tenant-admin administers (repeat for more).")
        List<String> tenants = List.of();

        @Option(names = "--file", paramLabel = "FILE", defaultValue = "web.config.yml",
                description = "The users file (default: ./${DEFAULT-VALUE}).")
        Path file;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Source source;

        static final class Source {
            @Option(names = "--password-file", paramLabel = "FILE", description = "Read the password from FILE.")
            Path file;

            @Option(names = "--password-stdin", description = "Read the password from standard input.")
            boolean stdin;

            @Option(names = "--random-password", description = "Make a random password and print it, once.")
            boolean random;
        }

        @Override
        public Integer call() {
            WebUser user = user();
            String password = source.random ? Passwords.random()
                    : source.stdin ? PasswordInput.fromStdin(System.in) : PasswordInput.fromFile(source.file);
            String hash;
            try {
                hash = Passwords.hash(password);
            } catch (IllegalArgumentException e) {
                throw OpsFailure.usage(e.getMessage());
            }
            WebConfig current;
            try {
                current = Files.exists(file) ? WebConfigFile.read(file) : WebConfig.empty();
            } catch (IllegalArgumentException e) {
                throw OpsFailure.usage("--file: " + e.getMessage());
            }
            boolean replaced = current.users().containsKey(name);
            WebConfigFile.write(file, current.with(user, hash));
            var out = spec.commandLine().getOut();
            out.println((replaced ? "replaced" : "added") + " user '" + name + "' (" + role
                    + (tenants.isEmpty() ? "" : " of " + String.join(", ", user.tenants())) + ") in " + file);
            if (source.random) out.println("password: " + password + "   (shown once: keep it now)");
            out.flush();
            return StatusnotifyCommand.OK;
        }

        private WebUser user() {
            try {
                WebConfigFile.requireName("NAME", name);
                Role parsed = Role.named(role).orElseThrow(() ->
                        new IllegalArgumentException("--role: must be one of " + Role.names() + ", was '" + role + "'"));
                for (String tenant : tenants) {
                    io.statusnotify.schema.TenantConfigRules.tenantName(tenant).ifPresent(violation -> {
                        throw new IllegalArgumentException("--tenant: " + violation.text());
                    });
                }
                return new WebUser(name, parsed, new LinkedHashSet<>(tenants));
            } catch (IllegalArgumentException e) {
                throw OpsFailure.usage(e.getMessage().startsWith(name + ": ")
                        ? "--tenant: " + e.getMessage().substring(name.length() + 2) : e.getMessage());
            }
        }
    }
}
