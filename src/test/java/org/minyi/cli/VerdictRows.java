package org.minyi.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of a hand-check file (demand phrases, demand members, hotspot purity): a header, then one row per judged
 * item, ids and a verdict followed by the reader's reason, never message text. Every row must hold one of the
 * file's verdicts and a reason; blank lines are skipped.
 */
final class VerdictRows {

    private VerdictRows() {
    }

    /**
     * @param columns  how many fields a row is split into at most (the last keeps any commas left)
     * @param verdict  the column of the verdict; the reason is the column after it
     * @param verdicts the verdicts the file may hold
     */
    static List<String[]> read(Path file, int columns, int verdict, List<String> verdicts) throws IOException {
        List<String[]> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",", columns);
            assertTrue(f.length > verdict + 1 && !f[verdict + 1].isBlank(), "every verdict needs a reason: " + line);
            assertTrue(verdicts.contains(f[verdict]), "verdict must be one of " + verdicts + ": " + line);
            rows.add(f);
        }
        return rows;
    }
}
