package io.statusnotify.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** The demo receiver alone, e.g. as the receiver service of the compose deployment. */
@Command(name = "demo-receiver", mixinStandardHelpOptions = true,
        description = {"Runs a demo tenant server that prints one line per notification.",
                "Accepts POSTs on any path (e.g. " + DemoReceiver.PATH + "), checks basic auth when --username is given.",
                "Ctrl-C stops it."},
        footerHeading = "%nExamples:%n",
        footer = {"  ./statusnotify demo-receiver --port 8080",
                "  ./statusnotify demo-receiver --port 8000 --username portal --password-file /tmp/pw",
                "  ./statusnotify demo-receiver --bind 0.0.0.0 --username demo \\",
                "      --password-file /run/secrets/receiver_password"})
final class DemoReceiverCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "8080", description = "Port to listen on (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 in a container).")
    String bind;

    @Option(names = "--username", description = "The basic-auth user name to require; without it nothing is checked.")
    String username;

    @Option(names = "--password-file", description = "A file holding the password (one line), required with --username.")
    Path passwordFile;

    private final CountDownLatch stop = new CountDownLatch(1);

    @Override
    public Integer call() throws InterruptedException {
        Options.requirePort(spec, "--port", port);
        Credentials credentials;
        try {
            credentials = credentials();
        } catch (UnusablePasswordFile e) {
            // One line, no usage help: in a container log the reason must be the line that stands out.
            spec.commandLine().getErr().println("statusnotify demo-receiver: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return StatusnotifyCommand.USAGE;
        }
        try (DemoReceiver receiver = DemoReceiver.start(bind, port, credentials, spec.commandLine().getOut()::println)) {
            spec.commandLine().getOut().printf("Demo receiver listening on http://%s:%d, any path (%s). Ctrl-C stops it.%n",
                    bind, receiver.port(),
                    credentials == null ? "no auth check" : "basic auth for user " + credentials.username());
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "statusnotify-receiver-shutdown"));
            stop.await();
        }
        return StatusnotifyCommand.OK;
    }

    private Credentials credentials() {
        if (username == null) {
            if (passwordFile != null) {
                throw new ParameterException(spec.commandLine(), "--password-file needs --username");
            }
            return null;
        }
        if (passwordFile == null) {
            throw new ParameterException(spec.commandLine(), "--username needs --password-file");
        }
        try {
            String password = Files.readString(passwordFile, StandardCharsets.UTF_8).strip();
            if (password.isEmpty()) {
                throw new UnusablePasswordFile("--password-file: " + passwordFile + " is empty; put the password in it");
            }
            return new Credentials(username, password);
        } catch (IOException e) {
            throw new UnusablePasswordFile("--password-file: cannot read " + passwordFile
                    + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static final class UnusablePasswordFile extends RuntimeException {
        UnusablePasswordFile(String message) {
            super(message, null, false, false);
        }
    }
}
