package io.statusnotify.cli;

import io.statusnotify.schema.TenantConfigRules;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Where a tenant's password comes in: a file or standard input, never the command line (where {@code ps} and the
 * shell history would see it). Only one trailing newline is removed (the one editors and {@code echo} add); any
 * other character is part of the password, and the rules then refuse control characters. Errors never quote it.
 */
final class PasswordInput {
    // UTF-8 takes at most 4 bytes a character, plus a CR LF: more bytes than this cannot be a valid password.
    private static final int MAX_BYTES = TenantConfigRules.MAX_PASSWORD_LENGTH * 4 + 2;

    private PasswordInput() {
    }

    static String fromFile(Path file) {
        String option = "--password-file";
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw tooLong(option);
            }
            try (InputStream in = Files.newInputStream(file)) {
                return read(in, option);
            }
        } catch (NoSuchFileException e) {
            throw OpsFailure.usage(option + ": no such file " + file);
        } catch (IOException e) {
            throw OpsFailure.usage(option + ": cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    static String fromStdin(InputStream stdin) {
        try {
            return read(stdin, "--password-stdin");
        } catch (IOException e) {
            throw OpsFailure.usage("--password-stdin: cannot read standard input (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static String read(InputStream in, String option) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw tooLong(option);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw OpsFailure.usage(option + ": the password is not UTF-8 text");
        }
        String password = withoutOneTrailingNewline(text);
        if (password.isEmpty()) {
            throw OpsFailure.usage(option + ": the password is empty");
        }
        return password;
    }

    static String withoutOneTrailingNewline(String text) {
        if (text.endsWith("\r\n")) return text.substring(0, text.length() - 2);
        if (text.endsWith("\n")) return text.substring(0, text.length() - 1);
        return text;
    }

    private static OpsFailure tooLong(String option) {
        return OpsFailure.usage(option + ": the password must be at most " + TenantConfigRules.MAX_PASSWORD_LENGTH
                + " characters; the input is larger");
    }
}
