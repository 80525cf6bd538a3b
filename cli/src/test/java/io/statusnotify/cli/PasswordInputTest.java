package io.statusnotify.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordInputTest {
    private static ByteArrayInputStream stdin(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void oneTrailingNewlineIsRemovedAndNothingElse() {
        assertThat(PasswordInput.fromStdin(stdin("s3cret\n"))).isEqualTo("s3cret");
        assertThat(PasswordInput.fromStdin(stdin("s3cret\r\n"))).isEqualTo("s3cret");
        assertThat(PasswordInput.fromStdin(stdin("  s3cret  "))).isEqualTo("  s3cret  ");
        // The second newline stays, and the rules then refuse it as a control character.
        assertThat(PasswordInput.fromStdin(stdin("s3cret\n\n"))).isEqualTo("s3cret\n");
    }

    @Test
    void emptyInputIsRefusedNamingTheOption() {
        assertThatThrownBy(() -> PasswordInput.fromStdin(stdin("\n")))
                .isInstanceOf(OpsFailure.class).hasMessage("--password-stdin: the password is empty");
    }

    @Test
    void tooLongStdinIsRefusedWithoutReadingItAll() {
        assertThatThrownBy(() -> PasswordInput.fromStdin(stdin("x".repeat(10 * 1024 * 1024))))
                .isInstanceOf(OpsFailure.class).hasMessageContaining("at most 1024 characters").hasMessageNotContaining("xxx");
    }

    @Test
    void theLongestPasswordIsAccepted(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("pw"), "é".repeat(1024) + "\n");

        assertThat(PasswordInput.fromFile(file)).hasSize(1024);
    }

    @Test
    void nonUtf8AndMissingFilesAreRefusedNamingTheOption(@TempDir Path dir) throws Exception {
        Path latin1 = Files.write(dir.resolve("pw"), new byte[]{'p', (byte) 0xE9, 'w'});

        assertThatThrownBy(() -> PasswordInput.fromFile(latin1)).hasMessage("--password-file: the password is not UTF-8 text");
        assertThatThrownBy(() -> PasswordInput.fromFile(dir.resolve("missing")))
                .hasMessageStartingWith("--password-file: no such file");
    }
}
