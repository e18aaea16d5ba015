package org.minyi.report;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A briefing as data, before it is rendered: cover facts and sections. Figures are numbered in the order they first
 * appear ({@link #figures()}); every renderer prints that number as a footnote pointing at the figure's query.
 */
public record Briefing(ReportKind kind, String title, ReportScope scope, ReportPeriod period,
                       ZonedDateTime generatedAt, List<Section> sections) {

    public Briefing {
        sections = List.copyOf(sections);
    }

    /** Every figure once, in order of first appearance: sentences, then table cells, section by section. */
    public List<Figure> figures() {
        Set<Figure> seen = new LinkedHashSet<>();
        for (Section section : sections) {
            section.sentences().forEach(s -> seen.addAll(s.figures()));
            if (section.table() != null) {
                section.table().rows().forEach(row -> row.forEach(cell -> {
                    if (cell.figure() != null) {
                        seen.add(cell.figure());
                    }
                }));
            }
        }
        return new ArrayList<>(seen);
    }

    /**
     * A titled part; every part but the heading may be empty, and a builder leaves out a section with nothing.
     *
     * @param key the name of the template field that may place this section on its own ({@link ReportTemplates#PLACED}),
     *            or null for a section that is always among {@code ${sections}}
     */
    public record Section(String heading, List<Sentence> sentences, Table table, List<Chart> charts,
                          List<Quote> quotes, String key) {

        public Section {
            sentences = List.copyOf(sentences);
            charts = List.copyOf(charts);
            quotes = List.copyOf(quotes);
        }

        public Section(String heading, List<Sentence> sentences, Table table, List<Chart> charts, List<Quote> quotes) {
            this(heading, sentences, table, charts, quotes, null);
        }

        /** The heading without its 一、 numeral. */
        public String title() {
            return heading.replaceFirst("^[一二三四五六七八九十]+、", "");
        }

        boolean isEmpty() {
            return sentences.isEmpty() && (table == null || table.rows().isEmpty()) && charts.isEmpty()
                    && quotes.isEmpty();
        }
    }

    /** A sentence built from a template and the figures it states. */
    public record Sentence(String text, List<Figure> figures) {

        public Sentence {
            figures = List.copyOf(figures);
        }
    }

    /** A table; a cell holding a figure prints its shown value with its footnote. */
    public record Table(List<String> header, List<List<Cell>> rows) {

        public Table {
            header = List.copyOf(header);
            rows = rows.stream().map(List::copyOf).toList();
        }
    }

    public record Cell(String text, Figure figure) {

        static Cell text(String text) {
            return new Cell(text, null);
        }

        static Cell of(Figure figure) {
            return new Cell(figure.shown(), figure);
        }
    }

    /** A chart as a PNG image, with a caption. */
    public record Chart(String caption, byte[] png, int width, int height) {
    }

    /** A representative message, masked as indexed, with its id and its page. */
    public record Quote(String id, String time, String text, String link) {
    }
}
