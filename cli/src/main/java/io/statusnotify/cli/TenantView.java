package io.statusnotify.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.statusnotify.schema.TenantConfig;

import java.io.PrintWriter;

/** A tenant as {@code get} and {@code list} show it: everything but the password, of which only whether it is set. */
@JsonPropertyOrder({"tenant", "enabled", "serverUrl", "username", "password", "maxInFlight", "maxRequestsPerSecond"})
@JsonInclude(JsonInclude.Include.ALWAYS)
record TenantView(String tenant, boolean enabled, String serverUrl, String username, String password,
                  Integer maxInFlight, Double maxRequestsPerSecond) {
    static final String SET = "set";
    static final String NOT_SET = "not set";

    static TenantView of(String tenant, TenantConfig config) {
        return new TenantView(tenant, config.enabled(), config.serverUrl(), config.username(),
                config.password() == null ? NOT_SET : SET, config.maxInFlight(), config.maxRequestsPerSecond());
    }

    void printDetails(PrintWriter out) {
        out.printf("tenant:               %s%n", tenant);
        out.printf("enabled:              %s%n", enabled);
        out.printf("serverUrl:            %s%n", orDash(serverUrl));
        out.printf("username:             %s%n", username == null ? "- (no Authorization header)" : username);
        out.printf("password:             %s%n", password);
        out.printf("maxInFlight:          %s%n", maxInFlight == null ? "- (the sink's SNS_TENANT_MAX_IN_FLIGHT)" : maxInFlight);
        out.printf("maxRequestsPerSecond: %s%n", maxRequestsPerSecond == null ? "- (no cap)" : maxRequestsPerSecond);
        out.flush();
    }

    static void printHeader(PrintWriter out) {
        out.printf("%-20s %-8s %-10s %-8s %s%n", "TENANT", "ENABLED", "USERNAME", "PASSWORD", "SERVER URL");
    }

    void printRow(PrintWriter out) {
        out.printf("%-20s %-8s %-10s %-8s %s%n", tenant, enabled, orDash(username), password, orDash(serverUrl));
    }

    private static String orDash(String value) {
        return value == null ? "-" : value;
    }
}
