package org.minyi.collect.importer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns the rows of a CSV or XLSX file into source rows: the first row chooses and binds the mapping (header names
 * to column indexes), every later row is checked for its column count and handed to the run.
 */
final class TabularRows implements TableHandler {

    private final Path file;
    private final ImportOptions options;
    private final List<ColumnMapping> candidates;
    private final ImportRun run;
    private final boolean shortRowsArePadded;
    private MessageMapper mapper;
    private Map<MessageField, Integer> indexes;
    private List<String> header;
    private int width;

    /**
     * @param shortRowsArePadded true for XLSX, which leaves trailing empty cells out of a row
     */
    TabularRows(Path file, ImportOptions options, List<ColumnMapping> candidates, ImportRun run,
                boolean shortRowsArePadded) {
        this.file = file;
        this.options = options;
        this.candidates = candidates;
        this.run = run;
        this.shortRowsArePadded = shortRowsArePadded;
    }

    @Override
    public void cells(long line, List<String> cells) {
        if (isBlank(cells)) {
            return; // blank lines carry nothing and are not counted as rows
        }
        if (mapper == null) {
            start(line, cells);
        } else {
            data(line, cells);
        }
    }

    @Override
    public void broken(long line, String problem) {
        if (mapper == null) {
            throw new ImportException(file.getFileName() + ":" + line + ": " + problem);
        }
        run.reject(line, problem);
    }

    private void start(long line, List<String> firstRow) {
        ColumnMapping chosen = options.mapping() != null
                ? options.mapping()
                : MappingDetector.detect(file, firstRow, candidates);
        run.usingMapping(chosen);
        ColumnMapping mapping = chosen;
        width = firstRow.size();
        indexes = new EnumMap<>(MessageField.class);
        if (mapping.header()) {
            header = firstRow.stream().map(CellText::clean).toList();
            List<String> missing = mapping.missingFrom(header);
            if (!missing.isEmpty()) {
                throw new ImportException("mapping " + mapping.name() + ": column(s) " + missing
                        + " not in the header of " + file.getFileName() + "; header: " + header);
            }
            mapping = mapping.boundTo(header);
            bindByName(mapping);
        } else {
            bindByIndex(mapping);
        }
        mapper = new MessageMapper(mapping, options);
        if (!mapping.header()) {
            data(line, firstRow);
        }
    }

    private void bindByName(ColumnMapping mapping) {
        Map<String, Integer> positions = new HashMap<>();
        for (int i = header.size() - 1; i >= 0; i--) {
            if (header.get(i) != null) {
                positions.put(header.get(i), i); // the first of duplicate names wins
            }
        }
        List<String> missing = new ArrayList<>();
        mapping.fields().forEach((field, column) -> {
            Integer index = positions.get(column);
            if (index == null) {
                missing.add(column + " (" + field.key() + ")");
            } else {
                indexes.put(field, index);
            }
        });
        if (!missing.isEmpty()) {
            throw new ImportException("mapping " + mapping.name() + ": column(s) " + missing + " not in the header of "
                    + file.getFileName() + "; header: " + header);
        }
    }

    private void bindByIndex(ColumnMapping mapping) {
        mapping.fields().forEach((field, column) -> {
            int index = Integer.parseInt(column);
            if (index >= width) {
                throw new ImportException("mapping " + mapping.name() + " reads column " + index + " as "
                        + field.key() + ", but the first row of " + file.getFileName() + " has only " + width
                        + " columns");
            }
            indexes.put(field, index);
        });
    }

    private void data(long line, List<String> cells) {
        if (cells.size() > width || (cells.size() < width && !shortRowsArePadded)) {
            run.reject(line, "row has " + cells.size() + " cells, expected " + width
                    + (header != null ? " like the header " + header : " like the first row"));
            return;
        }
        Function<MessageField, String> values = field -> {
            Integer index = indexes.get(field);
            return index == null || index >= cells.size() ? null : cells.get(index);
        };
        run.row(new SourceRow(line, values), mapper);
    }

    private static boolean isBlank(List<String> cells) {
        return cells.stream().allMatch(cell -> CellText.clean(cell) == null);
    }
}
