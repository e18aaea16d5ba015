package org.minyi.collect.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportProgressTest {

    @TempDir
    Path dir;

    @Test
    void progressIsReportedEvery500RowsWithAGrowingFractionAndOnceAtTheEnd() throws IOException {
        StringBuilder content = new StringBuilder("id,text\n");
        for (int i = 1; i <= 1_800; i++) {
            content.append(i).append(",第").append(i).append("条留言\n");
        }
        Path file = dir.resolve("many.csv");
        Files.writeString(file, content);
        ColumnMapping mapping = ColumnMapping.parse("fields: {id: id, text: text}\n", "plain");
        List<ImportProgress.Update> updates = new ArrayList<>();

        new FileImporter().run(file, ImportOptions.defaults().withMapping(mapping), new CollectingSink(),
                updates::add);

        // at least every 500 rows (a slow machine may add once-a-second updates in between), then the final one
        assertThat(updates.size()).isGreaterThanOrEqualTo(4);
        List<ImportProgress.Update> byRows = updates.stream().filter(u -> !u.finished()).toList();
        assertThat(byRows).extracting(ImportProgress.Update::rowsRead).contains(500L, 1000L, 1500L);
        assertThat(byRows).allSatisfy(u -> assertThat(u.fractionDone()).isBetween(0.0, 1.0));
        assertThat(byRows).extracting(ImportProgress.Update::fractionDone).isSorted();
        ImportProgress.Update last = updates.getLast();
        assertThat(last.finished()).isTrue();
        assertThat(last.rowsRead()).isEqualTo(1_800);
        assertThat(last.fractionDone()).isEqualTo(1.0);
    }
}
