package io.statusnotify.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The settings reference: every table of docs/configuration.md headed {@code variable | app | default | range |
 * meaning}. A default is the cell's first code span ({@code `5s`}; words around it explain it), none when the cell
 * has no code span, and {@code (required)} for a variable that must be set. A range is {@code min–max} (an en dash).
 */
record SettingsTable(List<Row> rows) {
    static final List<String> HEADER = List.of("variable", "app", "default", "range", "meaning");

    /** One row; {@code defaultValue}, {@code min} and {@code max} are null when the cell gives none. */
    record Row(String name, Set<App> apps, String defaultValue, boolean required, String min, String max,
               String meaning, int line) {
        String where() {
            return "docs/configuration.md:" + line + " (" + name + ")";
        }
    }

    static SettingsTable read(MarkdownFile file) {
        List<Row> rows = new ArrayList<>();
        for (MarkdownFile.Table table : file.tables()) {
            if (!HEADER.equals(table.header())) continue;
            for (int i = 0; i < table.rows().size(); i++) {
                rows.add(row(table.rows().get(i), table.lines().get(i)));
            }
        }
        return new SettingsTable(List.copyOf(rows));
    }

    private static Row row(List<MarkdownFile.Cell> cells, int line) {
        if (cells.size() != HEADER.size()) {
            throw new IllegalArgumentException("docs/configuration.md:" + line + ": " + cells.size() + " cells, not 5");
        }
        MarkdownFile.Cell name = cells.get(0);
        MarkdownFile.Cell defaultCell = cells.get(2);
        boolean required = defaultCell.text().contains("(required)");
        String defaultValue = required || defaultCell.code().isEmpty() ? null : defaultCell.code().get(0);
        String range = cells.get(3).text();
        String min = null;
        String max = null;
        if (!range.isEmpty()) {
            String[] bounds = range.split("–");
            if (bounds.length != 2) {
                throw new IllegalArgumentException("docs/configuration.md:" + line + ": range '" + range + "' is not min–max");
            }
            min = bounds[0].strip();
            max = bounds[1].strip();
        }
        return new Row(name.code().isEmpty() ? name.text() : name.code().get(0), App.parse(cells.get(1).text()),
                defaultValue, required, min, max, cells.get(4).text(), line);
    }
}
