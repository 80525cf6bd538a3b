package io.statusnotify.cli;

import io.statusnotify.admin.access.Passwords;
import io.statusnotify.admin.access.Role;
import io.statusnotify.admin.access.WebConfig;
import io.statusnotify.admin.access.WebConfigFile;
import io.statusnotify.admin.access.WebUser;
import io.statusnotify.console.ConsoleApp;
import io.statusnotify.console.ConsoleSettings;
import io.statusnotify.console.delivery.DeliverySource;
import io.statusnotify.settings.Settings;
import io.statusnotify.sink.SinkApp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The console inside {@code up}: on 127.0.0.1, its users in {@code <data-dir>/web.config.yml}, made with one
 * super-admin {@value #ADMIN} and a random password the first time (printed once, kept only as a bcrypt hash), its
 * delivery state straight from the sink in this process.
 */
final class UpConsole {
    static final String ADMIN = "admin";

    /** The console and, when the users file was made just now, the new password to show once. */
    record Started(ConsoleApp console, Path usersFile, Optional<String> newPassword) {
    }

    private UpConsole() {
    }

    static Started start(Map<String, String> appEnvironment, Path dataDir, int port, SinkApp sink) {
        Path usersFile = dataDir.resolve("web.config.yml");
        Optional<String> password = Optional.empty();
        if (!Files.exists(usersFile)) {
            String made = Passwords.random();
            WebConfigFile.write(usersFile, WebConfig.empty().with(new WebUser(ADMIN, Role.SUPER_ADMIN, Set.of()),
                    Passwords.hash(made)));
            password = Optional.of(made);
        }
        Map<String, String> env = new HashMap<>(appEnvironment);
        env.put("SNS_WEB_CONFIG", usersFile.toString());
        env.put("SNS_CONSOLE_PORT", Integer.toString(port));
        env.put("SNS_CONSOLE_BIND", "127.0.0.1");
        env.put("SNS_CONSOLE_TRANSACTIONAL_ID", "statusnotify-up-console");
        try {
            ConsoleApp console = ConsoleApp.start(ConsoleSettings.from(Settings.of(env)),
                    DeliverySource.of(sink::tenantStatuses, sink::tenantHistory));
            return new Started(console, usersFile, password);
        } catch (RuntimeException e) {
            // Its password was never shown: a file kept now would lock everyone out of the next run's console.
            if (password.isPresent()) deleteQuietly(usersFile);
            throw e;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (java.io.IOException e) {
            // the start failed already; that error is the one to show
        }
    }
}
