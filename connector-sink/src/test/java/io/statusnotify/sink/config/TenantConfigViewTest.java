package io.statusnotify.sink.config;

import io.statusnotify.sink.status.SinkMetrics;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.statusnotify.schema.ConfigRefusals;
import io.statusnotify.schema.Json;
import io.statusnotify.schema.TenantConfig;
import io.statusnotify.secrets.Secret;
import io.statusnotify.secrets.SecretBox;
import io.statusnotify.secrets.SecretKeys;
import io.statusnotify.settings.Settings;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TenantConfigViewTest {
    private static final TenantConfig ACME = new TenantConfig(true, "http://acme.example/hook", "acme", "pw-acme");
    private static final SecretKeys KEYS = SecretKeys.from(Settings.of(Map.of(SecretKeys.KEYS,
            "k1:" + SecretKeys.generateLine("k1").substring(3))));
    private static final TenantSecrets CLEARTEXT_ALLOWED = new TenantSecrets(new SecretBox(KEYS), true);
    private static final TenantSecrets SEALED_ONLY = new TenantSecrets(new SecretBox(KEYS), false);

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private TenantConfigView view(boolean allowByDefault, TenantSecrets secrets) {
        return new TenantConfigView(allowByDefault, secrets, new ConfigRefusals(registry, SinkMetrics.CONFIG_REFUSED,
                LoggerFactory.getLogger(TenantConfigView.class)));
    }

    private static byte[] json(Object value) {
        return Json.write(value);
    }

    private static byte[] text(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anEnabledTenantIsSentToItsCurrentConfig() {
        TenantConfigView view = view(true, CLEARTEXT_ALLOWED);
        view.apply("acme", json(ACME));
        assertThat(view.route("acme")).isEqualTo(new Route.Send(ACME));

        TenantConfig moved = new TenantConfig(true, "http://new.example/hook", "acme", "pw2");
        view.apply("acme", json(moved));
        assertThat(view.route("acme")).isEqualTo(new Route.Send(moved));
    }

    @Test
    void unknownDisabledAndDeletedTenantsAreDropped() {
        TenantConfigView view = view(true, CLEARTEXT_ALLOWED);
        view.apply("off", json(new TenantConfig(false, null, null, null)));
        view.apply("gone", json(ACME));
        view.apply("gone", null);

        assertThat(view.route("nobody")).isEqualTo(new Route.Drop(Route.UNKNOWN_TENANT));
        assertThat(view.route(null)).isEqualTo(new Route.Drop(Route.UNKNOWN_TENANT));
        assertThat(view.route("off")).isEqualTo(new Route.Drop(Route.TENANT_DISABLED));
        assertThat(view.route("gone")).isEqualTo(new Route.Drop(Route.UNKNOWN_TENANT));
    }

    @Test
    void onlyADeletedOrNeverConfiguredTenantHasNoRecordWhateverTheGlobalSwitchSays() {
        TenantConfigView view = view(true, CLEARTEXT_ALLOWED);
        view.apply("off", json(new TenantConfig(false, null, null, null)));
        view.apply("broken", text("{\"enabled\": true, \"serverUrl\": \"ftp://x\", \"password\": \"p\"}"));
        view.apply("gone", json(ACME));
        view.apply("gone", null);
        view.apply("__global__", text("{\"allowTenantConfig\": false}"));

        assertThat(view.hasRecord("off")).isTrue();
        assertThat(view.hasRecord("broken")).isTrue();
        assertThat(view.hasRecord("gone")).isFalse();
        assertThat(view.hasRecord("nobody")).isFalse();
        assertThat(view.hasRecord(null)).isFalse();
    }

    @Test
    void theGlobalSwitchOverridesEveryTenant() {
        TenantConfigView view = view(true, CLEARTEXT_ALLOWED);
        view.apply("acme", json(ACME));
        view.apply("__global__", text("{\"allowTenantConfig\": false}"));
        assertThat(view.route("acme")).isEqualTo(new Route.Drop(Route.GLOBAL_SWITCH_OFF));

        view.apply("__global__", text("{\"allowTenantConfig\": true}"));
        assertThat(view.route("acme")).isInstanceOf(Route.Send.class);
    }

    @Test
    void withoutAGlobalRecordTheDefaultDecides() {
        TenantConfigView closed = view(false, CLEARTEXT_ALLOWED);
        closed.apply("acme", json(ACME));
        assertThat(closed.route("acme")).isEqualTo(new Route.Drop(Route.GLOBAL_SWITCH_OFF));

        closed.apply("__global__", text("{\"allowTenantConfig\": true}"));
        closed.apply("__global__", null);
        assertThat(closed.route("acme")).isEqualTo(new Route.Drop(Route.GLOBAL_SWITCH_OFF));
    }

    @Test
    void anInvalidTenantRecordFailsClosedUntilReplaced() {
        TenantConfigView view = view(true, CLEARTEXT_ALLOWED);
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
        TenantConfigView view = view(true, CLEARTEXT_ALLOWED);
        view.apply("acme", json(ACME));

        view.apply("__global__", text("{\"allowTenantConfig\": \"false\"}"));

        assertThat(view.route("acme")).isEqualTo(new Route.Drop(Route.GLOBAL_SWITCH_OFF));
    }

    @Test
    void isNotCaughtUpUntilTold() {
        TenantConfigView view = view(true, CLEARTEXT_ALLOWED);
        assertThat(view.isCaughtUp()).isFalse();
        view.markCaughtUp();
        assertThat(view.isCaughtUp()).isTrue();
    }

    @Test
    void aSealedPasswordIsOpenedOnceWhenTheRecordArrives() {
        TenantConfigView view = view(true, SEALED_ONLY);
        Secret sealed = new SecretBox(KEYS).seal("acme", TenantConfig.PASSWORD, "pw-acme");

        view.apply("acme", json(sealedPassword(sealed)));

        assertThat(view.route("acme")).isEqualTo(new Route.Send(ACME));
    }

    @Test
    void aClearPasswordWhenOnlySealedOnesAreAllowedMakesTheTenantUnusableUntilItsRecordChanges() {
        TenantConfigView view = view(true, SEALED_ONLY);

        view.apply("acme", json(ACME));
        assertThat(view.route("acme")).isEqualTo(new Route.Unusable(
                "password: clear text is not accepted (seal it with the CLI, or set SNS_ALLOW_CLEARTEXT_PASSWORDS=true)"));

        view.apply("acme", json(sealedPassword(new SecretBox(KEYS).seal("acme", TenantConfig.PASSWORD, "pw-acme"))));
        assertThat(view.route("acme")).isEqualTo(new Route.Send(ACME));
    }

    @Test
    void aPasswordSealedForAnotherTenantOrWithAnUnknownKeyMakesTheTenantUnusableNamingTheKey() {
        TenantConfigView view = view(true, SEALED_ONLY);
        Secret forGlobex = new SecretBox(KEYS).seal("globex", TenantConfig.PASSWORD, "pw-acme");
        SecretKeys other = SecretKeys.from(Settings.of(Map.of(SecretKeys.KEYS, "k9:" + SecretKeys.generateLine("k9").substring(3))));

        view.apply("acme", json(sealedPassword(forGlobex)));
        assertThat(view.route("acme")).isInstanceOf(Route.Unusable.class)
                .extracting(route -> ((Route.Unusable) route).cause()).asString()
                .startsWith("password: does not open with key 'k1'").doesNotContain("pw-acme");

        view.apply("acme", json(sealedPassword(new SecretBox(other).seal("acme", TenantConfig.PASSWORD, "pw-acme"))));
        assertThat(view.route("acme")).isInstanceOf(Route.Unusable.class)
                .extracting(route -> ((Route.Unusable) route).cause()).asString().contains("key 'k9', which is not configured");
    }

    @Test
    void aDisabledTenantWithAnUnusableSecretIsDroppedAsDisabled() {
        TenantConfigView view = view(true, SEALED_ONLY);
        view.apply("acme", json(new TenantConfig(false, "http://acme.example/hook", "acme", "clear")));
        assertThat(view.route("acme")).isEqualTo(new Route.Drop(Route.TENANT_DISABLED));
    }

    @Test
    void aRecordBreakingARuleIsRefusedCountedByRuleAndOtherTenantsAreServed() {
        TenantConfigView view = view(true, CLEARTEXT_ALLOWED);
        view.apply("other", json(ACME));

        view.apply("acme", text("{\"enabled\":true,\"serverUrl\":\"http://acme.example/hook\",\"username\":\"acme\","
                + "\"password\":\"" + "p".repeat(900_000) + "\"}"));

        assertThat(view.route("acme")).isEqualTo(new Route.Drop(Route.INVALID_TENANT_CONFIG));
        assertThat(view.route("other")).isEqualTo(new Route.Send(ACME));
        assertThat(registry.get(SinkMetrics.CONFIG_REFUSED).tag("rule", "password.length").counter().count()).isEqualTo(1);
    }

    @Test
    void aSealedSecretWhoseClearTextBreaksARuleIsRefusedOnceOpened() {
        TenantConfigView view = view(true, SEALED_ONLY);
        SecretBox box = new SecretBox(KEYS);

        view.apply("acme", json(sealedPassword(box.seal("acme", TenantConfig.PASSWORD, "p".repeat(1025)))));
        view.apply("globex", json(ACME.withSecrets(box.seal("globex", TenantConfig.PASSWORD, "pw"), null,
                box.seal("globex", TenantConfig.SIGNING_SECRET, "not-whsec"))));

        assertThat(view.route("acme")).isEqualTo(new Route.Drop(Route.INVALID_TENANT_CONFIG));
        assertThat(view.route("globex")).isEqualTo(new Route.Drop(Route.INVALID_TENANT_CONFIG));
        assertThat(registry.get(SinkMetrics.CONFIG_REFUSED).tag("rule", "password.length").counter().count()).isEqualTo(1);
        assertThat(registry.get(SinkMetrics.CONFIG_REFUSED).tag("rule", "signingSecret.form").counter().count()).isEqualTo(1);
    }

    @Test
    void aSealedPasswordWithCrLfIsRefusedSoItNeverReachesAHeader() {
        TenantConfigView view = view(true, SEALED_ONLY);

        view.apply("acme", json(sealedPassword(new SecretBox(KEYS).seal("acme", TenantConfig.PASSWORD, "pw\r\nX-Injected: 1"))));

        assertThat(view.route("acme")).isEqualTo(new Route.Drop(Route.INVALID_TENANT_CONFIG));
        assertThat(registry.get(SinkMetrics.CONFIG_REFUSED).tag("rule", "password.characters").counter().count()).isEqualTo(1);
    }

    private static TenantConfig sealedPassword(Secret password) {
        return ACME.withSecrets(password, null, null);
    }
}
