package io.statusnotify.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The repository's Markdown files: the README, docs/ and any other {@code *.md} of the sources. */
final class RepositoryDocs {
    /** Tests run in the module's directory; the docs are the repository's. */
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path README = ROOT.resolve("README.md");
    static final Path DOCS = ROOT.resolve("docs");
    static final Path CONFIGURATION = DOCS.resolve("configuration.md");

    private RepositoryDocs() {
    }

    /** Every {@code *.md} under {@code root}, leaving out build output and hidden directories (.git, data dirs). */
    static List<Path> markdownFiles(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".md") && Files.isRegularFile(p))
                    .filter(p -> root.relativize(p).getParent() == null || isSource(root.relativize(p).getParent()))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The pages of docs/. */
    static List<Path> pages() {
        return markdownFiles(ROOT).stream().filter(p -> p.getParent().equals(DOCS)).toList();
    }

    private static boolean isSource(Path dir) {
        for (Path part : dir) {
            String name = part.toString();
            if (name.startsWith(".") || name.equals("target") || name.equals("node_modules")) return false;
        }
        return true;
    }
}
