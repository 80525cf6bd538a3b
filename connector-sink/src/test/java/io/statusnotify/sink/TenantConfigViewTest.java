package io.statusnotify.sink;

import io.statusnotify.schema.Json;
import io.statusnotify.schema.TenantConfig;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class TenantConfigViewTest {
    private static final TenantConfig ACME = new TenantConfig(true, "http://acme.example/hook", "acme", "pw-acme");

    private static byte[] json(Object value) {
        return Json.write(value);
    }

    private static byte[] text(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anEnabledTenantIsSentToItsCurrentConfig() {
        TenantConfigView view = new TenantConfigView(true);
        view.apply("acme", json(ACME));
        assertThat(view.route("acme")).isEqualTo(new Route.Send(ACME));

        TenantConfig moved = new TenantConfig(true, "http://new.example/hook", "acme", "pw2");
        view.apply("acme", json(moved));
        assertThat(view.route("acme")).isEqualTo(new Route.Send(moved));
    }

    @Test
    void unknownDisabledAndDeletedTenantsAreDropped() {
        TenantConfigView view = new TenantConfigView(true);
        view.apply("off", json(new TenantConfig(false, null, null, null)));
        view.apply("gone", json(ACME));
        view.apply("gone", null);

        assertThat(view.route("nobody")).isEqualTo(new Route.Drop(Route.UNKNOWN_TENANT));
        assertThat(view.route(null)).isEqualTo(new Route.Drop(Route.UNKNOWN_TENANT));
        assertThat(view.route("off")).isEqualTo(new Route.Drop(Route.TENANT_DISABLED));
        assertThat(view.route("gone")).isEqualTo(new Route.Drop(Route.UNKNOWN_TENANT));
    }

    @Test
    void theGlobalSwitchOverridesEveryTenant() {
        TenantConfigView view = new TenantConfigView(true);
        view.apply("acme", json(ACME));
        view.apply("__global__", text("{\"allowTenantConfig\": false}"));
        assertThat(view.route("acme")).isEqualTo(new Route.Drop(Route.GLOBAL_SWITCH_OFF));

        view.apply("__global__", text("{\"allowTenantConfig\": true}"));
        assertThat(view.route("acme")).isInstanceOf(Route.Send.class);
    }

    @Test
    void withoutAGlobalRecordTheDefaultDecides() {
        TenantConfigView closed = new TenantConfigView(false);
        closed.apply("acme", json(ACME));
        assertThat(closed.route("acme")).isEqualTo(new Route.Drop(Route.GLOBAL_SWITCH_OFF));

        closed.apply("__global__", text("{\"allowTenantConfig\": true}"));
        closed.apply("__global__", null);
        assertThat(closed.route("acme")).isEqualTo(new Route.Drop(Route.GLOBAL_SWITCH_OFF));
    }

    @Test
    void anInvalidTenantRecordFailsClosedUntilReplaced() {
        TenantConfigView view = new TenantConfigView(true);
        view.apply("acme", json(ACME));
        view.apply("other", json(ACME));

        view.apply("acme", text("{\"enabled\": true, \"serverUrl\": \"ftp://x\", \"password\": \"p\"}"));
        assertThat(view.route("acme")).isEqualTo(new Route.Drop(Route.INVALID_TENANT_CONFIG));
        assertThat(view.route("other")).isEqualTo(new Route.Send(ACME));

        view.apply("acme", json(ACME));
        assertThat(view.route("acme")).isEqualTo(new Route.Send(ACME));
    }

    @Test
    void anInvalidGlobalRecordSwitchesSendingOff() {
        TenantConfigView view = new TenantConfigView(true);
        view.apply("acme", json(ACME));

        view.apply("__global__", text("{\"allowTenantConfig\": \"false\"}"));

        assertThat(view.route("acme")).isEqualTo(new Route.Drop(Route.GLOBAL_SWITCH_OFF));
    }

    @Test
    void isNotCaughtUpUntilTold() {
        TenantConfigView view = new TenantConfigView(true);
        assertThat(view.isCaughtUp()).isFalse();
        view.markCaughtUp();
        assertThat(view.isCaughtUp()).isTrue();
    }
}
