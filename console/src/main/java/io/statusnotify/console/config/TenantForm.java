package io.statusnotify.console.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The Tenant Admin page's form as the browser sends it: {@code password} empty or absent keeps the stored one;
 * {@code token} is what a passed Connection test of exactly these values returned.
 */
public record TenantForm(@JsonProperty("enabled") boolean enabled, @JsonProperty("serverUrl") String serverUrl,
                         @JsonProperty("username") String username, @JsonProperty("password") String password,
                         @JsonProperty("token") String token) {
    public TenantForm {
        serverUrl = blankToNull(serverUrl);
        username = blankToNull(username);
        password = password == null || password.isEmpty() ? null : password;
    }

    public boolean keepsPassword() {
        return password == null;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** Never the password. */
    @Override
    public String toString() {
        return "TenantForm[enabled=" + enabled + ", serverUrl=" + serverUrl + ", username=" + username
                + ", password=" + (password == null ? "unchanged" : "***") + "]";
    }
}
