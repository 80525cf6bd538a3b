package io.statusnotify.tenants;

import java.util.List;

/**
 * A change {@link TenantRecordBuilder} will not make into a record: each problem names the field (as the writer's
 * {@link TenantFieldNames} call it) and the rule it breaks, never a value. The message is the problems joined by "; ".
 */
public final class TenantChangeRefused extends RuntimeException {
    private final List<String> problems;

    TenantChangeRefused(List<String> problems) {
        super(String.join("; ", problems), null, false, false);
        this.problems = List.copyOf(problems);
    }

    TenantChangeRefused(String problem) {
        this(List.of(problem));
    }

    public List<String> problems() {
        return problems;
    }
}
