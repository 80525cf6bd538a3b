package io.statusnotify.cli;

import io.statusnotify.secrets.SecretKeys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The secret key file of {@code up}'s data directory, made on first use: the demo seals its tenant's password with
 * it, and the sink opens it, without the user having to set up a key first.
 */
final class LocalKeys {
    static final String FILE_NAME = "secret-keys.properties";

    private LocalKeys() {
    }

    /** The key file in {@code dataDir}, created (readable by its owner only) with one new key when missing. */
    static Path ensure(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        if (Files.exists(file)) return file;
        try {
            Files.createDirectories(dataDir);
            String content = "# made by statusnotify up: opens the sealed secrets this data directory's topics hold\n"
                    + SecretKeys.generateLine("local-1") + "\n";
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);
            }
            Files.writeString(file, content, StandardCharsets.UTF_8);
            return file;
        } catch (FileAlreadyExistsException e) {
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the secret key file " + file, e);
        }
    }
}
