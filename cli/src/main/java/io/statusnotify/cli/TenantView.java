package io.statusnotify.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.statusnotify.schema.TenantConfig;
import io.statusnotify.secrets.Secret;

import java.io.PrintWriter;
import java.util.List;

/**
 * A tenant as {@code get} and {@code list} show it: never a secret's value, only its state
 * ({@code sealed (key k2)}, {@code clear text}, {@code not set}); of the PEM material only whether it is there.
 */
@JsonPropertyOrder({"tenant", "enabled", "serverUrl", "username", "password", "maxInFlight", "maxRequestsPerSecond",
        "caCertificates", "clientCertificate", "clientKey", "signingSecret"})
@JsonInclude(JsonInclude.Include.ALWAYS)
record TenantView(String tenant, boolean enabled, String serverUrl, String username, String password,
                  Integer maxInFlight, Double maxRequestsPerSecond, String caCertificates, String clientCertificate,
                  String clientKey, String signingSecret) {
    static final String SET = "set";
    static final String NOT_SET = "not set";
    static final String CLEAR_TEXT = "clear text";

    static TenantView of(String tenant, TenantConfig config) {
        return new TenantView(tenant, config.enabled(), config.serverUrl(), config.username(), state(config.password()),
                config.maxInFlight(), config.maxRequestsPerSecond(), present(config.caCertificates()),
                present(config.clientCertificate()), state(config.clientKey()), state(config.signingSecret()));
    }

    /** What may be said about a secret: whether it is there, and sealed with which key. */
    static String state(Secret secret) {
        if (secret == null) return NOT_SET;
        return secret instanceof Secret.Sealed sealed ? "sealed (key " + sealed.keyId() + ")" : CLEAR_TEXT;
    }

    private static String present(String pem) {
        return pem == null ? NOT_SET : SET;
    }

    void printDetails(PrintWriter out) {
        out.printf("tenant:               %s%n", tenant);
        out.printf("enabled:              %s%n", enabled);
        out.printf("serverUrl:            %s%n", orDash(serverUrl));
        out.printf("username:             %s%n", username == null ? "- (no Authorization header)" : username);
        out.printf("password:             %s%n", password);
        out.printf("maxInFlight:          %s%n", maxInFlight == null ? "- (the sink's SNS_TENANT_MAX_IN_FLIGHT)" : maxInFlight);
        out.printf("maxRequestsPerSecond: %s%n", maxRequestsPerSecond == null ? "- (no cap)" : maxRequestsPerSecond);
        out.printf("caCertificates:       %s%n", caCertificates.equals(SET) ? "set (trusted for this tenant only)" : NOT_SET);
        out.printf("clientCertificate:    %s%n", clientCertificate);
        out.printf("clientKey:            %s%n", clientKey);
        out.printf("signingSecret:        %s%n", signingSecret);
        out.flush();
    }

    /** {@code list}'s table: one line per tenant under a header, columns as wide as their longest value. */
    static void printTable(PrintWriter out, List<TenantView> tenants) {
        List<List<String>> rows = tenants.stream().map(TenantView::cells).toList();
        TextTable.lines(List.of("TENANT", "ENABLED", "USERNAME", "PASSWORD", "SERVER URL"), rows).forEach(out::println);
    }

    private List<String> cells() {
        return List.of(tenant, String.valueOf(enabled), orDash(username), password, orDash(serverUrl));
    }

    private static String orDash(String value) {
        return value == null ? "-" : value;
    }
}
