package io.statusnotify.schema;

import io.statusnotify.schema.TenantConfigRules.Violation;

import java.util.List;
import java.util.stream.Collectors;

/** A tenant config that breaks {@link TenantConfigRules}; the message lists each rule broken, never a value. */
public final class TenantConfigException extends BadRecordException {
    private final List<Violation> violations;

    public TenantConfigException(List<Violation> violations) {
        super("invalid", violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
