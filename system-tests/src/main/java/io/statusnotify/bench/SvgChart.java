package io.statusnotify.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;

/**
 * The run as a picture, hand-written SVG: deliveries per second (top) and latency p50/p95/p99 per second on a
 * log scale (bottom), one colour per phase. Each line is a {@code <polyline id="<phase>-<series>">}; seconds
 * without deliveries have no latency point.
 */
final class SvgChart {
    private static final int WIDTH = 1000;
    private static final int LEFT = 80;
    private static final int RIGHT = WIDTH - 30;
    private static final int TOP_PANEL_Y = 80;
    private static final int BOTTOM_PANEL_Y = 440;
    private static final int PANEL_HEIGHT = 280;
    private static final int HEIGHT = BOTTOM_PANEL_Y + PANEL_HEIGHT + 70;
    private static final String[] COLOURS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728"};
    private static final String[][] PERCENTILES = {{"p50", "", "1.2"}, {"p95", "6,3", "1.2"}, {"p99", "", "2.4"}};

    private SvgChart() {
    }

    /** One line set of the chart: a name and its per-second figures. */
    record Series(String name, List<PhaseResult.SecondStats> perSecond) {
    }

    static String render(String title, List<PhaseResult> phases) {
        return renderSeries(title, phases.stream().map(p -> new Series(p.name(), p.perSecond())).toList());
    }

    static String renderSeries(String title, List<Series> phases) {
        int seconds = Math.max(1, phases.stream().mapToInt(p -> p.perSecond().size()).max().orElse(1) - 1);
        int maxRate = Math.max(1, max(phases, PhaseResult.SecondStats::deliveries));
        double top = niceCeiling(maxRate);
        int decades = Math.max(1, (int) Math.ceil(Math.log10(Math.max(10, max(phases, PhaseResult.SecondStats::p99)))));
        StringBuilder svg = new StringBuilder(64 * 1024);
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                        + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT))
                .append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n")
                .append(text(LEFT, 24, 16, title));
        axes(svg, TOP_PANEL_Y, "deliveries per second", seconds);
        for (int i = 0; i <= 4; i++) {
            double value = top * i / 4;
            int y = TOP_PANEL_Y + PANEL_HEIGHT - (int) Math.round(PANEL_HEIGHT * i / 4.0);
            svg.append(tick(y, String.format(Locale.ROOT, "%,.0f", value)));
        }
        axes(svg, BOTTOM_PANEL_Y, "latency ms (log scale): p50 thin, p95 dashed, p99 thick", seconds);
        for (int d = 0; d <= decades; d++) {
            int y = BOTTOM_PANEL_Y + PANEL_HEIGHT - (int) Math.round(PANEL_HEIGHT * d / (double) decades);
            svg.append(tick(y, String.format(Locale.ROOT, "%,d", (long) Math.pow(10, d))));
        }
        for (int i = 0; i < phases.size(); i++) {
            Series phase = phases.get(i);
            String colour = COLOURS[i % COLOURS.length];
            svg.append(polyline(phase.name() + "-throughput", colour, "", "1.8", points(phase, seconds,
                    s -> TOP_PANEL_Y + PANEL_HEIGHT - PANEL_HEIGHT * s.deliveries() / top, false)));
            for (String[] pct : PERCENTILES) {
                ToIntFunction<PhaseResult.SecondStats> value = switch (pct[0]) {
                    case "p50" -> PhaseResult.SecondStats::p50;
                    case "p95" -> PhaseResult.SecondStats::p95;
                    default -> PhaseResult.SecondStats::p99;
                };
                svg.append(polyline(phase.name() + "-" + pct[0], colour, pct[1], pct[2], points(phase, seconds,
                        s -> BOTTOM_PANEL_Y + PANEL_HEIGHT
                                - PANEL_HEIGHT * Math.log10(Math.max(1, value.applyAsInt(s))) / decades, true)));
            }
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"4\" fill=\"%s\"/>%n",
                    LEFT + 120 * i, 42, colour));
            svg.append(text(LEFT + 120 * i + 20, 48, 12, phase.name()));
        }
        return svg.append("</svg>\n").toString();
    }

    private static void axes(StringBuilder svg, int panelY, String label, int seconds) {
        int bottom = panelY + PANEL_HEIGHT;
        svg.append(String.format(Locale.ROOT, "<path d=\"M%d %d V%d H%d\" fill=\"none\" stroke=\"black\"/>%n",
                LEFT, panelY, bottom, RIGHT));
        svg.append(text(LEFT, panelY - 8, 13, label));
        int step = Math.max(1, (int) niceCeiling(seconds / 10.0));
        for (int s = 0; s <= seconds; s += step) {
            int x = x(s, seconds);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n",
                    x, bottom, x, bottom + 4));
            svg.append(text(x - 6, bottom + 18, 11, String.valueOf(s)));
        }
        svg.append(text(RIGHT - 60, bottom + 36, 12, "seconds"));
    }

    private static String tick(int y, String label) {
        return String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#ddd\"/>%n",
                LEFT, y, RIGHT, y) + text(8, y + 4, 11, label);
    }

    private static String points(Series phase, int seconds, ToDoubleOfSecond y, boolean skipEmpty) {
        List<String> points = new ArrayList<>();
        for (PhaseResult.SecondStats s : phase.perSecond()) {
            if (skipEmpty && s.deliveries() == 0) continue;
            points.add(String.format(Locale.ROOT, "%d,%.1f", x(s.second(), seconds), y.apply(s)));
        }
        return String.join(" ", points);
    }

    private static String polyline(String id, String colour, String dash, String width, String points) {
        return String.format(Locale.ROOT, "<polyline id=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"%s\"%s points=\"%s\"/>%n",
                escape(id), colour, width, dash.isEmpty() ? "" : " stroke-dasharray=\"" + dash + "\"", points);
    }

    private static String text(int x, int y, int size, String content) {
        return String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"%d\">%s</text>%n", x, y, size, escape(content));
    }

    private static int x(int second, int seconds) {
        return LEFT + (int) Math.round((RIGHT - LEFT) * second / (double) seconds);
    }

    private static int max(List<Series> phases, ToIntFunction<PhaseResult.SecondStats> value) {
        return phases.stream().flatMap(p -> p.perSecond().stream()).mapToInt(value).max().orElse(0);
    }

    /** 1, 2 or 5 times a power of ten, at least {@code value}: round axis labels. */
    static double niceCeiling(double value) {
        if (value <= 1) return 1;
        double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        for (double factor : new double[]{1, 2, 5, 10}) {
            if (factor * magnitude >= value) return factor * magnitude;
        }
        return 10 * magnitude;
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private interface ToDoubleOfSecond {
        double apply(PhaseResult.SecondStats second);
    }
}
