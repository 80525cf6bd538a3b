package io.statusnotify.docs;

import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One Markdown file parsed as GitHub renders it (CommonMark with GFM tables), so links and headings inside code
 * blocks or code spans are not taken for real ones.
 */
record MarkdownFile(Path path, Node document) {
    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();

    /** A link or image: where it points and the line it is on (1-based). */
    record LinkRef(String destination, int line) {
    }

    /** A table cell: its text as rendered, and the contents of its code spans in order. */
    record Cell(String text, List<String> code) {
    }

    record Table(List<String> header, List<List<Cell>> rows, List<Integer> lines) {
    }

    static MarkdownFile read(Path path) {
        try {
            return new MarkdownFile(path, PARSER.parse(Files.readString(path)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<LinkRef> links() {
        List<LinkRef> links = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                links.add(new LinkRef(link.getDestination(), line(link)));
                visitChildren(link);
            }

            @Override
            public void visit(Image image) {
                links.add(new LinkRef(image.getDestination(), line(image)));
            }
        });
        return links;
    }

    /** The anchors GitHub gives the headings: their slugs, a repeated one with {@code -1}, {@code -2}, … */
    Set<String> anchors() {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                String slug = slug(text(heading));
                int repeats = seen.merge(slug, 1, Integer::sum) - 1;
                anchors.add(repeats == 0 ? slug : slug + "-" + repeats);
            }
        });
        return anchors;
    }

    List<Table> tables() {
        List<Table> tables = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(CustomBlock block) {
                if (!(block instanceof TableBlock)) return;
                List<String> header = null;
                List<List<Cell>> rows = new ArrayList<>();
                List<Integer> lines = new ArrayList<>();
                for (Node part = block.getFirstChild(); part != null; part = part.getNext()) {
                    for (Node row = part.getFirstChild(); row != null; row = row.getNext()) {
                        if (!(row instanceof TableRow)) continue;
                        List<Cell> cells = cells(row);
                        if (header == null) {
                            header = cells.stream().map(Cell::text).toList();
                        } else {
                            rows.add(cells);
                            lines.add(line(row));
                        }
                    }
                }
                tables.add(new Table(header, rows, lines));
            }
        });
        return tables;
    }

    /** GitHub's heading anchor: lower case, spaces to hyphens, every other character but letters, digits, - and _ dropped. */
    static String slug(String heading) {
        StringBuilder slug = new StringBuilder();
        heading.strip().toLowerCase(Locale.ROOT).codePoints().forEach(c -> {
            if (c == ' ') {
                slug.append('-');
            } else if (Character.isLetterOrDigit(c) || c == '-' || c == '_'
                    || Character.getType(c) == Character.NON_SPACING_MARK) {
                slug.appendCodePoint(c);
            }
        });
        return slug.toString();
    }

    /** The text a node renders to: its text and code spans, line breaks as spaces. */
    static String text(Node node) {
        StringBuilder text = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text t) {
                text.append(t.getLiteral());
            }

            @Override
            public void visit(Code code) {
                text.append(code.getLiteral());
            }

            @Override
            public void visit(SoftLineBreak lineBreak) {
                text.append(' ');
            }
        });
        return text.toString();
    }

    private static List<Cell> cells(Node row) {
        List<Cell> cells = new ArrayList<>();
        for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
            if (!(cell instanceof TableCell)) continue;
            List<String> code = new ArrayList<>();
            cell.accept(new AbstractVisitor() {
                @Override
                public void visit(Code span) {
                    code.add(span.getLiteral());
                }
            });
            cells.add(new Cell(text(cell).strip(), List.copyOf(code)));
        }
        return cells;
    }

    private static int line(Node node) {
        return node.getSourceSpans().isEmpty() ? 0 : node.getSourceSpans().get(0).getLineIndex() + 1;
    }
}
