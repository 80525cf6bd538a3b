package io.statusnotify.cli;

import io.statusnotify.secrets.SecretKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code keys generate}: a new AES-256 key line for {@code SNS_SECRET_KEYS_FILE}. */
@Command(name = "keys", mixinStandardHelpOptions = true,
        description = "Secret keys that seal tenant passwords (SNS_SECRET_KEYS_FILE, SNS_SECRET_KEYS).",
        subcommands = KeysCommand.Generate.class)
final class KeysCommand extends CommandGroup {

    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = {"Prints a new random 32-byte key as a line for SNS_SECRET_KEYS_FILE (keyId=base64).",
                    "Append it to the file of every sink and CLI; the last line seals from then on (or SNS_SECRET_KEY_ID)."},
            exitCodeListHeading = OpsHelp.EXIT_CODES_HEADING,
            exitCodeList = {OpsHelp.OK, "1:failed at run time", "2:bad usage (e.g. a key id that is not 1 to 64 letters, digits, '.', '_' or '-')"},
            footerHeading = OpsHelp.EXAMPLES,
            footer = {"  statusnotify keys generate --id k1 >> /etc/statusnotify/secret-keys.properties   (then chmod 600 it)",
                    "  statusnotify keys generate --id k2 >> /etc/statusnotify/secret-keys.properties   (a new key: then tenant rekey --all)"})
    static final class Generate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--id", required = true, description = "The key id: 1 to 64 letters, digits, '.', '_' or '-'.")
        String id;

        @Override
        public Integer call() {
            try {
                spec.commandLine().getOut().println(SecretKeys.generateLine(id));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--id: " + e.getMessage());
            }
            spec.commandLine().getOut().flush();
            return StatusnotifyCommand.OK;
        }
    }
}
