package io.statusnotify.topics;

import io.statusnotify.settings.Settings;
import io.statusnotify.settings.SettingsException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopicNamesTest {

    @Test
    void defaultsApplyWhenNothingIsSet() {
        assertThat(TopicNames.from(Settings.of(Map.of()))).isEqualTo(TopicNames.defaults());
    }

    @Test
    void oneTopicForTwoRolesIsRefusedNamingBothVariables() {
        assertThatThrownBy(() -> TopicNames.from(Settings.of(Map.of("SNS_TOPIC_NOTIFICATIONS", "portal.user-status"))))
                .isInstanceOf(SettingsException.class)
                .hasMessage("SNS_TOPIC_NOTIFICATIONS: must differ from SNS_TOPIC_USER_STATUS (both are 'portal.user-status')");
    }

    @Test
    void theAuditTopicIsSnsAuditBySettingAndMustDifferFromTheConfigTopic() {
        assertThat(TopicNames.defaults().audit()).isEqualTo("sns.audit");
        assertThat(TopicNames.from(Settings.of(Map.of("SNS_TOPIC_AUDIT", "ops.audit"))).audit()).isEqualTo("ops.audit");
        assertThatThrownBy(() -> TopicNames.from(Settings.of(Map.of("SNS_TOPIC_AUDIT", "sns.tenant-config"))))
                .isInstanceOf(SettingsException.class)
                .hasMessage("SNS_TOPIC_AUDIT: must differ from SNS_TOPIC_TENANT_CONFIG (both are 'sns.tenant-config')");
    }

    @Test
    void partitionsAboveWhatSequenceNumbersHoldAreRefused() {
        assertThatThrownBy(() -> TopicLayout.from(Settings.of(Map.of("SNS_TOPIC_PARTITIONS", "5000"))))
                .isInstanceOf(SettingsException.class).hasMessageStartingWith("SNS_TOPIC_PARTITIONS:");
    }

    @Test
    void asEnvironmentReadsBackAsTheSameNames() {
        TopicNames names = TopicNames.prefixed("t1");

        assertThat(TopicNames.from(Settings.of(names.asEnvironment()))).isEqualTo(names);
        assertThat(names.notificationsDlq()).isEqualTo("t1.notifications.dlq");
        assertThat(names.audit()).isEqualTo("t1.audit");
    }
}
