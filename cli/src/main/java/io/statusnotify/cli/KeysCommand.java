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
public final class KeysCommand {

    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = {"Prints a new random 32-byte key as a line for SNS_SECRET_KEYS_FILE (keyId=base64).",
                    "Append it to the file of every sink and CLI; the last line seals from then on (or SNS_SECRET_KEY_ID)."},
            footerHeading = "%nExamples:%n",
            footer = {"  statusnotify keys generate --id k2 >> /etc/statusnotify/secret-keys.properties"})
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
