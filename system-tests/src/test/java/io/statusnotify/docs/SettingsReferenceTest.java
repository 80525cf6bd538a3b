package io.statusnotify.docs;

import io.statusnotify.settings.SettingRead;
import io.statusnotify.streams.StreamsSettings;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The settings reference of docs/configuration.md is what the code reads: each app reads its settings from an
 * environment holding only what is required, and what it asked {@code Settings} for (name, kind, default, range) is
 * held against the tables. So a new setting cannot go undocumented, nor a default change without the docs.
 */
class SettingsReferenceTest {
    private static final Map<String, String> ONLY_REQUIRED = Map.of("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092");
    private static final Pattern SNS_NAME = Pattern.compile("\\bSNS_(?:[A-Z0-9_]+(?:\\*[A-Z0-9_]*)?|\\*)"); // a bare SNS_ is the prefix
    private static final SettingsCheck CHECK = new SettingsCheck(Map.of(
            "<tmp>", System.getProperty("java.io.tmpdir"),
            "<application id>", StreamsSettings.DEFAULT_APPLICATION_ID));

    @Test
    void everySettingTheAppsReadHasItsRowWithTheCodesDefaultAndRangeAndEveryRowIsRead() {
        List<SettingsTable.Row> rows = SettingsTable.read(MarkdownFile.read(RepositoryDocs.CONFIGURATION)).rows();
        assertThat(rows).as("rows of the settings tables").hasSizeGreaterThan(50);

        Map<App, List<SettingRead>> reads = new EnumMap<>(App.class);
        for (App app : App.values()) reads.put(app, app.reads(ONLY_REQUIRED));
        assertThat(reads.get(App.SINK)).as("what the sink reads").hasSizeGreaterThan(40);

        assertThat(CHECK.problems(reads, rows)).as("docs/configuration.md against the code").isEmpty();
    }

    @Test
    void everySnsVariableTheDocsNameIsARowOfTheReference() {
        List<SettingsTable.Row> rows = SettingsTable.read(MarkdownFile.read(RepositoryDocs.CONFIGURATION)).rows();
        List<String> unknown = new ArrayList<>();
        for (Path file : RepositoryDocs.markdownFiles(RepositoryDocs.ROOT)) {
            Matcher names = SNS_NAME.matcher(read(file));
            while (names.find()) {
                String name = names.group();
                // SNS_TOPIC_* and the like stand for the rows they match.
                Pattern pattern = Pattern.compile(Pattern.quote(name).replace("*", "\\E[A-Z0-9_]*\\Q"));
                if (rows.stream().noneMatch(row -> pattern.matcher(row.name()).matches())) {
                    unknown.add(RepositoryDocs.ROOT.relativize(file) + ": " + name);
                }
            }
        }

        assertThat(unknown).as("SNS_ names in the docs that are no setting").isEmpty();
    }

    @Test
    void everyDefaultTheProseRepeatsIsTheCodes() {
        Map<String, SettingRead> defaults = new java.util.HashMap<>();
        for (App app : App.values()) app.reads(ONLY_REQUIRED).forEach(read -> defaults.putIfAbsent(read.name(), read));
        List<String> problems = new ArrayList<>();
        for (Path file : RepositoryDocs.markdownFiles(RepositoryDocs.ROOT)) {
            problems.addAll(ProseDefaults.problems(RepositoryDocs.ROOT.relativize(file).toString(), read(file), defaults));
        }

        assertThat(problems).as("defaults repeated in the prose").isEmpty();
    }

    @Test
    void aDefaultTheProseRepeatsWronglyIsReported() {
        Map<String, SettingRead> defaults = Map.of(
                "SNS_WAIT", new SettingRead("SNS_WAIT", SettingRead.Kind.DURATION, Duration.ofSeconds(60), null, null),
                "SNS_SHARE", new SettingRead("SNS_SHARE", SettingRead.Kind.DECIMAL, 0.2, null, null),
                "SNS_COUNT", new SettingRead("SNS_COUNT", SettingRead.Kind.INTEGER, 10_000, null, null));

        assertThat(ProseDefaults.problems("a.md", "waits `SNS_WAIT` 60 s, or `SNS_WAIT` (1m), spread by `SNS_SHARE` 20 %,"
                + " holding `SNS_COUNT` (10,000); but `SNS_WAIT` (30 s) and `SNS_COUNT` (1000)", defaults))
                .containsExactly("a.md: `SNS_WAIT` (30 s but the default is 1m", "a.md: `SNS_COUNT` (1000 but the default is 10000");
    }

    @Test
    void aRowWhoseDefaultOrRangeDiffersFromTheCodeOrThatNoAppReadsIsReported() {
        // Given the sink reads a duration, and the docs give it another default and range, and a row nobody reads
        SettingRead read = new SettingRead("SNS_SOME_TIMEOUT", SettingRead.Kind.DURATION, Duration.ofSeconds(5),
                Duration.ofMillis(1), Duration.ofMinutes(5));
        SettingsTable.Row wrong = new SettingsTable.Row("SNS_SOME_TIMEOUT", Set.of(App.SINK), "10s", false, "1ms",
                "10m", "a timeout", 7);
        SettingsTable.Row unread = new SettingsTable.Row("SNS_GONE", Set.of(App.STREAMS), null, false, null, null,
                "gone", 8);

        // When they are checked
        List<String> problems = CHECK.problems(Map.of(App.SINK, List.of(read), App.STREAMS, List.of()),
                List.of(wrong, unread));

        // Then each difference is one sentence, in the docs' own form
        assertThat(problems).containsExactly(
                "docs/configuration.md:7 (SNS_SOME_TIMEOUT) for sink: default `10s`, the code's is `5s`",
                "docs/configuration.md:7 (SNS_SOME_TIMEOUT) for sink: range 1ms–10m, the code's is 1ms–5m",
                "docs/configuration.md:8 (SNS_GONE): names streams, which does not read it");
    }

    @Test
    void anUndocumentedSettingIsReported() {
        SettingRead read = new SettingRead("SNS_NEW", SettingRead.Kind.INTEGER, 3, 1, 10);

        assertThat(CHECK.problems(Map.of(App.STREAMS, List.of(read)), List.of())).containsExactly(
                "SNS_NEW: read by streams (integer, default 3, range 1–10) but 0 rows of docs/configuration.md name it"
                        + " for streams");
    }

    @Test
    void durationsAreWrittenWithTheirLargestWholeUnitAndMatchWhateverUnitTheDocsUse() {
        assertThat(DocValues.format(Duration.ofMillis(10))).isEqualTo("10ms");
        assertThat(DocValues.format(Duration.ofSeconds(5))).isEqualTo("5s");
        assertThat(DocValues.format(Duration.ofDays(7))).isEqualTo("7d");
        assertThat(DocValues.format(Duration.ZERO)).isEqualTo("0");
        assertThat(DocValues.format(List.of(Duration.ofSeconds(5), Duration.ofMinutes(2)))).isEqualTo("5s,2m");
        assertThat(DocValues.matches(Duration.ofMinutes(1), "60s")).isTrue();
        assertThat(DocValues.matches(Duration.ofSeconds(5), "5000")).as("a unit is required").isFalse();
        assertThat(DocValues.matches(0.2, "0.2")).isTrue();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
