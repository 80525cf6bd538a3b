package io.statusnotify.cli;

import io.statusnotify.topics.TopicNames;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class BannerTest {
    private static final String PRODUCER_OPTIONS = "--property parse.key=true --property 'key.separator=|'";
    private static final Banner.Log LOG = new Banner.Log(Path.of("/tmp/data/logs/up.log"), false);

    @Test
    void withoutDemoTheBannerShowsTheReadmesTenantReceiverAndCommands() {
        String banner = Banner.running("localhost:9092", TopicNames.defaults(), Path.of("/tmp/data"), null, null, null, LOG);

        assertThat(banner).contains(
                "Default|{\"enabled\":true,\"serverUrl\":\"http://localhost:8000/sns\",\"username\":\"portal\","
                        + "\"password\":\"s3cret\"}",
                "printf s3cret > /tmp/pw; ./statusnotify demo-receiver --port 8000 --username portal"
                        + " --password-file /tmp/pw",
                "kafka-console-producer.sh --bootstrap-server localhost:9092 --topic sns.tenant-config " + PRODUCER_OPTIONS,
                "kafka-console-producer.sh --bootstrap-server localhost:9092 --topic portal.user-status " + PRODUCER_OPTIONS,
                "Default/2727|" + Banner.SEED_EVENT, "Ctrl-C");
        assertThat(banner).doesNotContain("change-me", "8080");
    }

    @Test
    void withTheDemoTheBannerNamesTheDemoReceiverAndTenant() {
        String banner = Banner.running("localhost:9092", TopicNames.defaults(), Path.of("/tmp/data"),
                "http://127.0.0.1:8090/notifications", null, null, LOG);

        assertThat(banner).contains("http://127.0.0.1:8090/notifications", "demo tenant", "'demo'", "Ctrl-C")
                .doesNotContain("kafka-console-producer.sh");
    }

    @Test
    void withTheDemoTheBannerWarnsThatTheDemoOwnsTheDemoTenant() {
        String banner = Banner.running("localhost:9092", TopicNames.defaults(), Path.of("/tmp/data"),
                "http://127.0.0.1:8090/notifications", null, null, LOG);

        assertThat(banner.lines().filter(line -> line.contains("tenant 'demo' belongs to the demo:")))
                .singleElement().asString().contains("overwritten", "deleted on a clean stop");
    }

    @Test
    void withoutDemoTheBannerDoesNotClaimTheDemoTenant() {
        String banner = Banner.running("localhost:9092", TopicNames.defaults(), Path.of("/tmp/data"), null, null, null, LOG);

        assertThat(banner).doesNotContain("belongs to the demo");
    }

    @Test
    void givenTheConsoleShowsOnlyWarningsTheBannerSaysWhereTheWholeLogIsAndHowToSeeItAll() {
        String banner = Banner.running("localhost:9092", TopicNames.defaults(), Path.of("/tmp/data"),
                "http://127.0.0.1:8090/notifications", null, null, LOG);

        assertThat(banner.lines().filter(line -> line.startsWith("  log ")))
                .singleElement().asString().contains("/tmp/data/logs/up.log", "only warnings and errors", "--verbose");
    }

    @Test
    void givenVerboseTheBannerStillNamesTheLogFile() {
        String banner = Banner.running("localhost:9092", TopicNames.defaults(), Path.of("/tmp/data"), null, null, null,
                new Banner.Log(Path.of("/tmp/data/logs/up.log"), true));

        assertThat(banner.lines().filter(line -> line.startsWith("  log ")))
                .singleElement().asString().contains("/tmp/data/logs/up.log", "--verbose")
                .doesNotContain("only warnings");
    }

    @Test
    void givenANewUsersFileTheBannerShowsTheConsoleAndItsPasswordOnce() {
        Banner.Console made = new Banner.Console("http://localhost:9500/", "admin", java.util.Optional.of("Pw-Shown-Once"),
                Path.of("/tmp/data/web.config.yml"));
        Banner.Console kept = new Banner.Console("http://localhost:9500/", "admin", java.util.Optional.empty(),
                Path.of("/tmp/data/web.config.yml"));

        String first = Banner.running("localhost:9092", TopicNames.defaults(), Path.of("/tmp/data"), null, null, made, LOG);
        String next = Banner.running("localhost:9092", TopicNames.defaults(), Path.of("/tmp/data"), null, null, kept, LOG);

        assertThat(first).contains("console          http://localhost:9500/", "log in as admin, password Pw-Shown-Once");
        assertThat(next).contains("http://localhost:9500/", "users in /tmp/data/web.config.yml").doesNotContain("log in as admin, password");
        assertThat(next).contains("statusnotify console users add NAME --role tenant-admin");
    }
}
