package io.statusnotify.admin.access;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class WebUserTest {
    @Test
    void aTenantAdminSeesAndChangesOnlyTheirTenants() {
        WebUser bob = new WebUser("bob", Role.TENANT_ADMIN, Set.of("acme"));

        assertThat(bob.maySee("acme")).isTrue();
        assertThat(bob.mayChange("acme")).isTrue();
        assertThat(bob.maySee("globex")).isFalse();
        assertThat(bob.mayChange("globex")).isFalse();
        assertThat(bob.mayChangeGlobal()).isFalse();
    }

    @Test
    void aViewerSeesEveryTenantAndChangesNothing() {
        WebUser carol = new WebUser("carol", Role.VIEWER, Set.of());

        assertThat(carol.maySee("acme")).isTrue();
        assertThat(carol.mayChange("acme")).isFalse();
        assertThat(carol.mayChangeGlobal()).isFalse();
    }

    @Test
    void aSuperAdminChangesEverything() {
        WebUser alice = new WebUser("alice", Role.SUPER_ADMIN, Set.of());

        assertThat(alice.mayChange("acme")).isTrue();
        assertThat(alice.mayChangeGlobal()).isTrue();
    }
}
