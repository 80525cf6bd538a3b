package io.statusnotify.cli;

import io.statusnotify.schema.ConfigEntry;
import io.statusnotify.schema.TenantConfig;
import io.statusnotify.secrets.Secret;
import io.statusnotify.tenants.ConfigSnapshot;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@code tail --tenant T} says before it waits, from the config topic as read. */
class TailConfigNoticeTest {
    private static final String PASSWORD = "pa55-s3cret-never-shown";

    private static ConfigSnapshot with(Map<String, TenantConfig> tenants, List<ConfigEntry.Invalid> unusable) {
        return new ConfigSnapshot(tenants, unusable, null);
    }

    @Test
    void aTenantWithoutAConfigRecordIsNamedOnOneLineAndTailWaitsAnyway() {
        ConfigSnapshot config = with(Map.of("acme", new TenantConfig(true, "https://a.example/sns", "u",
                Secret.clear(PASSWORD), null, null, null, null, null, null)), List.of());

        String notice = TailCommand.configNotice("globex", () -> config);

        assertThat(notice).isEqualTo("tail: tenant 'globex' has no config record, so the streams app builds no "
                + "notifications for it; waiting for them anyway (it may be configured later)");
        assertThat(notice).doesNotContain(PASSWORD, "acme").hasLineCount(1);
    }

    @Test
    void aConfiguredTenantGetsNoNotice() {
        ConfigSnapshot config = with(Map.of("acme", new TenantConfig(true, "https://a.example/sns", "u",
                Secret.clear(PASSWORD), null, null, null, null, null, null)), List.of());

        assertThat(TailCommand.configNotice("acme", () -> config)).isNull();
    }

    @Test
    void aTenantWhoseRecordCannotBeUsedIsToldWhy() {
        ConfigSnapshot config = with(Map.of(), List.of(new ConfigEntry.Invalid("acme", "not valid JSON")));

        assertThat(TailCommand.configNotice("acme", () -> config))
                .startsWith("tail: tenant 'acme' has an unusable config record (not valid JSON), so the streams app");
    }

    @Test
    void aConfigTopicThatCannotBeReadAddsNothing() {
        assertThat(TailCommand.configNotice("acme", () -> {
            throw OpsFailure.failed("cannot read sns.tenant-config to its end: no records for 15 s");
        })).isNull();
        assertThat(TailCommand.configNotice("acme", () -> {
            throw new TimeoutException("no answer");
        })).isNull();
    }
}
