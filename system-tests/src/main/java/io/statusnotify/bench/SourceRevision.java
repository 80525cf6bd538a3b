package io.statusnotify.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** What was measured: the repository's commit, and whether the apps' sources had changes not committed yet. */
final class SourceRevision {
    private SourceRevision() {
    }

    /** E.g. {@code b485991} or {@code b485991 + uncommitted connector-sink changes}; "unknown" outside a git checkout. */
    static String describe() {
        // ./benchmark names the repository: it may be run from anywhere.
        String repo = System.getProperty("statusnotify.repo", ".");
        String commit = git(List.of("git", "-C", repo, "rev-parse", "--short", "HEAD"));
        if (commit == null || commit.isBlank()) return "unknown";
        String changes = git(List.of("git", "-C", repo, "status", "--porcelain", "--", "connector-sink/src", "streams-app/src", "schemas/src"));
        return commit.trim() + (changes == null || changes.isBlank() ? ""
                : " + uncommitted connector-sink/streams-app/schemas changes");
    }

    private static String git(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
