package io.statusnotify.testing;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Prometheus's text exposition format, as {@code /metrics} serves it: its metric families and their help text. */
public final class PrometheusText {
    /** The sample suffixes of counters, summaries and histograms beyond their family's name. */
    private static final List<String> SAMPLE_SUFFIXES = List.of("_total", "_count", "_sum", "_bucket", "_created");

    private PrometheusText() {
    }

    /** Each family that has a {@code # TYPE} or {@code # HELP} line, with its help text ("" when none or empty). */
    public static Map<String, String> helpByFamily(String exposition) {
        Map<String, String> help = new TreeMap<>();
        for (String line : exposition.split("\n")) {
            if (line.startsWith("# TYPE ")) {
                help.putIfAbsent(firstWord(line.substring("# TYPE ".length())), "");
            } else if (line.startsWith("# HELP ")) {
                String rest = line.substring("# HELP ".length());
                String name = firstWord(rest);
                help.put(name, rest.substring(name.length()).strip());
            }
        }
        return help;
    }

    /** The series (sample) names, in order, once each: {@code sns_sink_http_latency_seconds_count}, … */
    public static List<String> seriesNames(String exposition) {
        return exposition.lines().filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("[{ ]", 2)[0]).distinct().toList();
    }

    /** The family a series belongs to: its own name, or its name less a counter's, summary's or histogram's suffix. */
    public static Optional<String> familyOf(String series, Map<String, String> families) {
        if (families.containsKey(series)) return Optional.of(series);
        return SAMPLE_SUFFIXES.stream().filter(series::endsWith)
                .map(suffix -> series.substring(0, series.length() - suffix.length()))
                .filter(families::containsKey).findFirst();
    }

    /** The series of {@code prefix} whose family has no {@code # TYPE} line, or no or an empty {@code # HELP} line. */
    public static List<String> seriesWithoutHelp(String exposition, String prefix) {
        Map<String, String> help = helpByFamily(exposition);
        return seriesNames(exposition).stream().filter(series -> series.startsWith(prefix))
                .filter(series -> familyOf(series, help).map(help::get).filter(text -> !text.isBlank()).isEmpty())
                .toList();
    }

    private static String firstWord(String text) {
        int space = text.indexOf(' ');
        return space < 0 ? text : text.substring(0, space);
    }
}
