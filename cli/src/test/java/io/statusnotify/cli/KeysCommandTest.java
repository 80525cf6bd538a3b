package io.statusnotify.cli;

import io.statusnotify.secrets.SecretKeys;
import io.statusnotify.settings.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KeysCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = new CommandLine(new KeysCommand());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void generatePrintsAKeyLineTheKeyRingReads(@TempDir Path dir) throws IOException {
        assertThat(run("generate", "--id", "k2")).isZero();

        Path file = Files.writeString(dir.resolve("keys.properties"), out.toString());
        assertThat(SecretKeys.from(Settings.of(Map.of(SecretKeys.KEYS_FILE, file.toString()))).sealingKeyId()).contains("k2");
    }

    @Test
    void aBadIdIsRefusedNamingTheOption() {
        assertThat(run("generate", "--id", "k 2")).isEqualTo(2);
        assertThat(err.toString()).contains("--id: key id must be 1 to 64 letters");
    }
}
