package io.statusnotify.cli;

import io.statusnotify.schema.TenantMaterialRules;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads the files {@code tenant put} takes besides the password: PEM certificates and keys, and the signing secret.
 * Bounded (a wrong file is refused without being read whole); errors name the option and the file, never the content.
 */
final class MaterialFiles {
    // The rules' limits (PEM is ASCII, so characters are bytes), plus a trailing CR LF; the rules then check the text.
    static final int MAX_PEM_BYTES = TenantMaterialRules.MAX_PEM_LENGTH + 2;
    static final int MAX_SECRET_BYTES = TenantMaterialRules.MAX_SIGNING_SECRET_LENGTH + 2;

    private MaterialFiles() {
    }

    static String pem(Path file, String option) {
        return read(file, option, MAX_PEM_BYTES);
    }

    /** A one-line secret: one trailing newline is removed, as for passwords. */
    static String secret(Path file, String option) {
        String text = PasswordInput.withoutOneTrailingNewline(read(file, option, MAX_SECRET_BYTES));
        if (text.isBlank()) throw OpsFailure.usage(option + ": " + file + " is empty");
        return text;
    }

    private static String read(Path file, String option, int maxBytes) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw OpsFailure.usage(option + ": " + file + " is larger than " + maxBytes + " bytes");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw OpsFailure.usage(option + ": no such file " + file);
        } catch (IOException e) {
            throw OpsFailure.usage(option + ": cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
        }
    }
}
