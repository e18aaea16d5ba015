package org.minyi.collect.importer;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Picks the mapping that fits a file by its first row: among mappings with a header, the one that uses the most of
 * the header's columns (so "with votes" beats the plain message mapping on a file with vote columns); failing that,
 * a header naming message fields as JSONL keys do ({@code id,title,text,createdAt,region}); failing that, a
 * headerless mapping whose shape the row has.
 */
final class MappingDetector {

    private MappingDetector() {
    }

    static ColumnMapping detect(Path file, List<String> firstRow, List<ColumnMapping> candidates) {
        Set<String> header = new HashSet<>(firstRow.stream().map(CellText::clean).toList());
        List<ColumnMapping> fitting = candidates.stream()
                .filter(ColumnMapping::header)
                .filter(m -> m.missingFrom(header).isEmpty())
                .map(m -> m.boundTo(header))
                .toList();
        if (!fitting.isEmpty()) {
            int best = fitting.stream().mapToInt(m -> distinctColumns(m)).max().orElseThrow();
            List<ColumnMapping> bestOnes = fitting.stream().filter(m -> distinctColumns(m) == best).toList();
            if (bestOnes.size() > 1) {
                throw new ImportException("several mappings fit the header of " + file.getFileName() + " equally well: "
                        + bestOnes.stream().map(ColumnMapping::name).toList() + "; choose one explicitly");
            }
            return bestOnes.getFirst();
        }
        ColumnMapping named = ColumnMapping.messageFieldsIn(header);
        if (named != null) {
            return named;
        }
        return candidates.stream()
                .filter(m -> !m.header() && m.shape() != null && hasShape(firstRow, m.shape()))
                .findFirst()
                .orElseThrow(() -> new ImportException(noMappingFits(file, firstRow, candidates)));
    }

    private static int distinctColumns(ColumnMapping mapping) {
        return new HashSet<>(mapping.columns()).size();
    }

    private static boolean hasShape(List<String> row, ColumnMapping.Shape shape) {
        if (row.size() != shape.columns()) {
            return false;
        }
        for (Map.Entry<Integer, String> cell : shape.cellPatterns().entrySet()) {
            String value = cell.getKey() < row.size() ? CellText.clean(row.get(cell.getKey())) : null;
            if (value == null || !Pattern.compile(cell.getValue()).matcher(value).matches()) {
                return false;
            }
        }
        return true;
    }

    private static String noMappingFits(Path file, List<String> firstRow, List<ColumnMapping> candidates) {
        String expected = candidates.stream()
                .map(m -> "  " + m.name() + ": " + (m.header()
                        ? "header with " + String.join(", ", m.columns().stream().distinct().sorted(Comparator.naturalOrder()).toList())
                        : "no header, " + (m.shape() == null ? "?" : m.shape().columns()) + " columns"))
                .collect(Collectors.joining("\n"));
        return "no built-in column mapping fits " + file.getFileName() + "; its first row has "
                + firstRow.size() + " columns: " + firstRow.stream().map(CellText::clean).toList() + "\n"
                + "Built-in mappings expect:\n" + expected + "\n"
                + "Write a mapping file (YAML) naming your columns and pass it with --mapping, e.g.:\n"
                + "  source: my-source      # stored in every message\n"
                + "  channel: board         # board | hotline | news | forum\n"
                + "  header: true           # false: refer to columns by 0-based index\n"
                + "  fields:                # message field: column of this file\n"
                + "    id: <id column>      # optional; without it ids are source:hash(text)\n"
                + "    text: <text column>  # required\n"
                + "    createdAt: <time column>\n"
                + "  dateFormats: [\"yyyy-MM-dd HH:mm:ss\", \"yyyy/M/d H:mm:ss\"]\n"
                + "  zone: Asia/Shanghai\n"
                + "Fields: " + MessageField.knownKeys();
    }
}
