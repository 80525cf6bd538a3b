package io.statusnotify.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Columns as wide as their widest cell (header included), so a long value widens its column instead of pushing the
 * rest of its row out of line. The last column is not padded: no line ends in spaces.
 */
final class TextTable {
    private static final String GAP = "  ";

    private TextTable() {
    }

    /** The header line and one line per row; every row has as many cells as the header. */
    static List<String> lines(List<String> header, List<List<String>> rows) {
        int[] widths = new int[header.size()];
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        for (List<String> cells : all) {
            for (int column = 0; column < widths.length; column++) {
                widths[column] = Math.max(widths[column], cells.get(column).length());
            }
        }
        return all.stream().map(cells -> line(cells, widths)).toList();
    }

    private static String line(List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int column = 0; column < widths.length; column++) {
            String cell = cells.get(column);
            line.append(cell);
            if (column < widths.length - 1) {
                line.append(" ".repeat(widths[column] - cell.length())).append(GAP);
            }
        }
        return line.toString();
    }
}

