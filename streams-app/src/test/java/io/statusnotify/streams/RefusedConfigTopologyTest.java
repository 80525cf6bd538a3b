package io.statusnotify.streams;

import io.statusnotify.testing.BadTenantRecords;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;

import static io.statusnotify.streams.TopologyFixture.event;
import static org.assertj.core.api.Assertions.assertThat;

/** A config record breaking a rule of TenantConfigRules, written by another tool: refused, counted by its rule. */
class RefusedConfigTopologyTest {
    private static final String URL = "https://notify.example/sns";
    @TempDir
    Path stateDir;
    TopologyFixture app;

    @BeforeEach
    void start() {
        app = new TopologyFixture(stateDir);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    static List<BadTenantRecords.Case> cases() {
        return BadTenantRecords.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aTenantWhoseRecordBreaksARuleGetsNothingAndTheOthersAreServed(BadTenantRecords.Case bad) {
        // given a good tenant, and a bad one whose record breaks one rule
        String tenant = bad.key().apply("bad");
        app.enable("good");
        app.configure(tenant, bad.value().apply(URL));

        // when both have events
        app.send(event(tenant, "alice", "Online"));
        app.send(event("good", "bob", "Online"));

        // then only the good one gets a notification; the refusal is counted under the rule broken
        assertThat(app.notifications()).extracting(TestRecord::key).containsExactly("good/bob");
        assertThat(app.count(PipelineMeters.CONFIG_REFUSED, "rule", bad.rule())).isEqualTo(1);
        assertThat(app.count(PipelineMeters.EVENTS_DROPPED, "reason", "invalid-tenant-config")).isEqualTo(1);
    }

    @Test
    void aRefusedRecordIsReplacedByTheNextValidOne() {
        app.configure("acme", BadTenantRecords.good(URL).put("password", "p".repeat(900_000)).toString());
        app.send(event("acme", "alice", "Online"));
        app.configure("acme", BadTenantRecords.good(URL).toString());
        app.send(event("acme", "alice", "Away"));

        assertThat(app.notifications()).hasSize(1);
        assertThat(app.count(PipelineMeters.CONFIG_REFUSED, "rule", "password.length")).isEqualTo(1);
    }
}
