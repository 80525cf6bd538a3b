package io.statusnotify.streams;

/** Why a valid event produced no notification; the code is the {@code reason} tag of the dropped counter. */
enum DropReason {
    UNKNOWN_TENANT("unknown-tenant"),
    TENANT_DISABLED("tenant-disabled"),
    GLOBAL_SWITCH_OFF("global-switch-off"),
    INVALID_TENANT_CONFIG("invalid-tenant-config");

    private final String code;

    DropReason(String code) {
        this.code = code;
    }

    String code() {
        return code;
    }
}
