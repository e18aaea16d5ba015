package org.minyi.analysis.classify;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an operator's labelled CSV (UTF-8, RFC 4180) without code changes for a new class set.
 *
 * <p>Columns are named by header or by 1-based number ({@code #3}). Whether the first row is a header can be said;
 * otherwise it is one when columns are named by header or when it holds a known label header. Left unnamed,
 * columns are guessed: a first row that
 * holds a known label header ({@code label}, {@code 一级标签}, {@code 标签}, {@code class}, {@code category}) is a
 * header, and the text is every known text column present ({@code 留言主题}, {@code 留言详情}, {@code title},
 * {@code text}, {@code review}, {@code content}, {@code 内容}); a file without such a header has its label in the last
 * column and its text in all others.
 */
public final class LabelledCsv {

    private static final List<String> LABEL_HEADERS = List.of("label", "一级标签", "标签", "class", "category");
    private static final List<String> TEXT_HEADERS =
            List.of("留言主题", "title", "主题", "留言详情", "text", "review", "content", "内容", "body");

    /**
     * @param labelColumn header name or {@code #N}, or null to guess
     * @param textColumns header names or {@code #N}, joined with a line break in this order; empty to guess
     * @param header      whether the first row is a header, or null to guess
     */
    public record Columns(String labelColumn, List<String> textColumns, Boolean header) {
        public static final Columns GUESS = new Columns(null, List.of(), null);

        public Columns(String labelColumn, List<String> textColumns) {
            this(labelColumn, textColumns, null);
        }

        public Columns {
            textColumns = textColumns == null ? List.of() : List.copyOf(textColumns);
        }
    }

    private LabelledCsv() {
    }

    public static List<LabelledText> read(Path file, Columns columns) {
        List<CSVRecord> records;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            records = CSVFormat.RFC4180.builder().get().parse(reader).getRecords();
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("labelled CSV not found: " + file);
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalArgumentException("cannot read labelled CSV " + file + ": " + e.getMessage(), e);
        }
        if (records.isEmpty()) {
            throw new IllegalArgumentException("labelled CSV " + file + " is empty");
        }
        List<String> first = stripBom(records.getFirst().toList());
        boolean header = columns.header() != null ? columns.header()
                : columns.labelColumn() != null && !columns.labelColumn().startsWith("#")
                || columns.textColumns().stream().anyMatch(c -> !c.startsWith("#"))
                || first.stream().anyMatch(c -> LABEL_HEADERS.contains(c.strip().toLowerCase(Locale.ROOT)));
        int labelIndex;
        List<Integer> textIndexes = new ArrayList<>();
        if (columns.labelColumn() != null) {
            labelIndex = index(columns.labelColumn(), first, header, file);
        } else if (header) {
            labelIndex = firstKnown(first, LABEL_HEADERS);
        } else {
            labelIndex = first.size() - 1;
        }
        if (!columns.textColumns().isEmpty()) {
            for (String column : columns.textColumns()) {
                textIndexes.add(index(column, first, header, file));
            }
        } else if (header) {
            for (String known : TEXT_HEADERS) {
                for (int i = 0; i < first.size(); i++) {
                    if (first.get(i).strip().toLowerCase(Locale.ROOT).equals(known)) {
                        textIndexes.add(i);
                    }
                }
            }
            if (textIndexes.isEmpty()) {
                throw new IllegalArgumentException(file + ": no known text column in header " + first
                        + "; name them with --text-columns");
            }
        } else {
            for (int i = 0; i < first.size(); i++) {
                if (i != labelIndex) {
                    textIndexes.add(i);
                }
            }
        }
        List<LabelledText> texts = new ArrayList<>(records.size());
        for (int r = header ? 1 : 0; r < records.size(); r++) {
            CSVRecord record = records.get(r);
            String source = file.getFileName() + ":" + record.getRecordNumber();
            if (record.size() <= labelIndex || textIndexes.stream().anyMatch(i -> i >= record.size())) {
                throw new IllegalArgumentException(source + ": expected at least "
                        + (Math.max(labelIndex, textIndexes.stream().max(Integer::compare).orElse(0)) + 1)
                        + " columns, found " + record.size());
            }
            StringBuilder text = new StringBuilder();
            for (int i : textIndexes) {
                if (!text.isEmpty()) {
                    text.append('\n');
                }
                text.append(record.get(i).strip());
            }
            if (record.get(labelIndex).isBlank() && text.toString().isBlank()) {
                continue; // blank line
            }
            texts.add(new LabelledText(record.get(labelIndex), text.toString(), source));
        }
        return texts;
    }

    private static int index(String column, List<String> header, boolean hasHeader, Path file) {
        if (column.startsWith("#")) {
            try {
                int number = Integer.parseInt(column.substring(1));
                if (number >= 1 && number <= header.size()) {
                    return number - 1;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException(file + ": column " + column + " does not exist (the file has "
                    + header.size() + " columns)");
        }
        int i = hasHeader ? header.stream().map(String::strip).toList().indexOf(column.strip()) : -1;
        if (i < 0) {
            throw new IllegalArgumentException(file + ": no column named '" + column + "' in header " + header);
        }
        return i;
    }

    private static int firstKnown(List<String> header, List<String> known) {
        for (String name : known) {
            for (int i = 0; i < header.size(); i++) {
                if (header.get(i).strip().toLowerCase(Locale.ROOT).equals(name)) {
                    return i;
                }
            }
        }
        throw new IllegalStateException("no known column in " + header);
    }

    private static List<String> stripBom(List<String> row) {
        List<String> copy = new ArrayList<>(row);
        if (!copy.isEmpty() && copy.getFirst().startsWith("\uFEFF")) {
            copy.set(0, copy.getFirst().substring(1));
        }
        return copy;
    }
}
