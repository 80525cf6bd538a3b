package io.statusnotify.docs;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks the relative links of Markdown files as GitHub resolves them: the file (or directory) must exist, and an
 * {@code #anchor} into a Markdown file must be one of its headings' anchors. Links with a scheme (https:, mailto:)
 * are not followed.
 */
final class LinkCheck {
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");
    private final Path root;
    private final Map<Path, Set<String>> anchors = new HashMap<>();

    LinkCheck(Path root) {
        this.root = root;
    }

    /** One line per broken link: {@code file:line: link: why}. */
    List<String> problems(List<Path> files) {
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            for (MarkdownFile.LinkRef link : MarkdownFile.read(file).links()) {
                String why = problem(file, link.destination());
                if (why != null) {
                    problems.add(root.relativize(file) + ":" + link.line() + ": " + link.destination() + ": " + why);
                }
            }
        }
        return problems;
    }

    /** Whether {@code from} has a link that resolves to {@code to}. */
    boolean linksTo(Path from, Path to) {
        return MarkdownFile.read(from).links().stream()
                .filter(link -> !SCHEME.matcher(link.destination()).find())
                .anyMatch(link -> target(from, link.destination().split("#", 2)[0]).equals(to.normalize()));
    }

    private String problem(Path file, String destination) {
        if (destination.isEmpty()) return "empty link";
        if (SCHEME.matcher(destination).find() || destination.startsWith("//")) return null;
        String[] parts = destination.split("#", 2);
        Path target = target(file, parts[0]);
        if (!Files.exists(target)) return "no such file " + root.relativize(target);
        if (parts.length == 1 || !target.toString().endsWith(".md")) return null;
        String anchor = URLDecoder.decode(parts[1], StandardCharsets.UTF_8);
        Set<String> known = anchors.computeIfAbsent(target, t -> MarkdownFile.read(t).anchors());
        return known.contains(anchor) ? null : "no heading with anchor #" + anchor + " in " + root.relativize(target);
    }

    /** Relative to the file's directory; a leading / is the repository's root, as on GitHub. */
    private Path target(Path file, String path) {
        String decoded = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        if (decoded.isEmpty()) return file.normalize();
        if (decoded.startsWith("/")) return root.resolve(decoded.substring(1)).normalize();
        return file.getParent().resolve(decoded).normalize();
    }
}
