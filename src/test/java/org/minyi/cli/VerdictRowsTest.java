package org.minyi.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

class VerdictRowsTest {

    @TempDir
    Path dir;

    @Test
    void rowsAfterTheHeaderKeepCommasInTheirLastFieldAndSkipBlankLines() throws IOException {
        Path file = write("scope,demandKey,verdict,reason\n全部,修复路灯,real,street lights, broken\n\n");

        List<String[]> rows = VerdictRows.read(file, 4, 2, List.of("real", "vague"));

        assertEquals(1, rows.size());
        assertArrayEquals(new String[] {"全部", "修复路灯", "real", "street lights, broken"}, rows.get(0));
    }

    @Test
    void aRowWithoutAReasonOrWithAnUnknownVerdictIsRefused() throws IOException {
        Path noReason = write("id,verdict,reason\nm1,asks,\n");
        Path unknown = write("id,verdict,reason\nm1,maybe,unsure\n");

        assertThrows(AssertionFailedError.class, () -> VerdictRows.read(noReason, 3, 1, List.of("asks", "other")));
        assertThrows(AssertionFailedError.class, () -> VerdictRows.read(unknown, 3, 1, List.of("asks", "other")));
    }

    private Path write(String text) throws IOException {
        Path file = Files.createTempFile(dir, "verdicts", ".csv");
        Files.writeString(file, text);
        return file;
    }
}
