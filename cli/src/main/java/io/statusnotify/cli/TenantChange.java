package io.statusnotify.cli;

/**
 * What {@code tenant put} was told to set; null fields keep the tenant's current value. {@link #toString()}
 * never shows the password.
 */
record TenantChange(String serverUrl, String username, String password, Boolean enabled, Integer maxInFlight,
                    Double maxRequestsPerSecond) {

    @Override
    public String toString() {
        return "TenantChange[serverUrl=" + serverUrl + ", username=" + username + ", password="
                + (password == null ? "unchanged" : "***") + ", enabled=" + enabled + ", maxInFlight=" + maxInFlight
                + ", maxRequestsPerSecond=" + maxRequestsPerSecond + "]";
    }
}
