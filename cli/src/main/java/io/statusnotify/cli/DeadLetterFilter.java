package io.statusnotify.cli;

import picocli.CommandLine.Option;

import java.time.Instant;

/** {@code --tenant} and {@code --since} of the dlq commands (a picocli mixin). */
final class DeadLetterFilter {
    @Option(names = "--tenant", paramLabel = "T", description = "Only this tenant's dead letters.")
    String tenant;

    @Option(names = "--since", paramLabel = "DURATION|INSTANT",
            description = "Only those dead-lettered since then: 30m, 2h, 7d back from now, or an ISO instant.")
    String since;

    /** Where to start reading the DLQ; null for its beginning. */
    Instant from() {
        return Since.parse(since, Instant.now());
    }

    boolean matches(DeadLetterView letter) {
        return tenant == null || tenant.equals(letter.tenant());
    }
}
