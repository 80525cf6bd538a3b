package io.statusnotify.cli;

import io.statusnotify.schema.TenantConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DemoTenantTest {

    @Test
    void aConfigTheDemoWroteIsRecognisedAsLeftFromADemo() {
        TenantConfig demo = new TenantConfig(true, "http://127.0.0.1:8090/notifications", "demo", "random");

        assertThat(DemoTenant.isLeftFromADemo(demo)).isTrue();
        assertThat(DemoTenant.isLeftFromADemo(new TenantConfig(false, "http://127.0.0.1:18090/notifications", "demo",
                "random"))).as("any receiver port, enabled or not").isTrue();
    }

    @Test
    void aDemoTenantSomeoneConfiguredThemselvesIsNotTouched() {
        assertThat(DemoTenant.isLeftFromADemo(new TenantConfig(true, "http://127.0.0.1:8090/notifications", "alice", "pw")))
                .as("other user name").isFalse();
        assertThat(DemoTenant.isLeftFromADemo(new TenantConfig(true, "http://localhost:8090/notifications", "demo", "pw")))
                .as("other host").isFalse();
        assertThat(DemoTenant.isLeftFromADemo(new TenantConfig(true, "http://127.0.0.1:8090/sns", "demo", "pw")))
                .as("other path").isFalse();
        assertThat(DemoTenant.isLeftFromADemo(new TenantConfig(true, "https://127.0.0.1:8090/notifications", "demo", "pw")))
                .as("https").isFalse();
    }

    @Test
    void freshCredentialsAreTheDemoUserWithAnUnguessablePassword() {
        Credentials first = DemoTenant.newCredentials();

        assertThat(first.username()).isEqualTo("demo");
        assertThat(first.password()).hasSizeGreaterThanOrEqualTo(20).isNotEqualTo(DemoTenant.newCredentials().password());
    }
}
