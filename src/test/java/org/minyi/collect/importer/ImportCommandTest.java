package org.minyi.collect.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ImportCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(ImportCommand command, String... args) {
        return new CommandLine(command).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    }

    @Test
    void importsIntoTheSinkAndPrintsTheSummaryAndRowErrors() throws IOException {
        Path file = dir.resolve("hotline.csv");
        Files.writeString(file, "工单号,来电内容\nG1,路灯坏了\nG2,\n");
        Path mapping = dir.resolve("hotline.yaml");
        Files.writeString(mapping, "fields:\n  id: 工单号\n  text: 来电内容\n");
        CollectingSink sink = new CollectingSink();

        int exit = run(new ImportCommand(() -> sink), file.toString(), "--mapping", mapping.toString(),
                "--source", "city-12345", "--channel", "hotline");

        assertThat(exit).isEqualTo(1);
        assertThat(sink.get("G1").source()).isEqualTo("city-12345");
        assertThat(out.toString()).contains("hotline.csv: 2 rows read, 1 imported, 1 rejected", "mapping hotline")
                .contains("hotline.csv:3 (row 2): text is empty");
    }

    @Test
    void aDryRunChecksTheFileWithoutAStore() throws IOException {
        Path file = dir.resolve("notes.jsonl");
        Files.writeString(file, "{\"id\": 1, \"text\": \"好\"}\n");

        int exit = run(new ImportCommand(null), file.toString(), "--dry-run");

        assertThat(exit).isZero();
        assertThat(out.toString()).startsWith("[dry run] notes.jsonl: 1 rows read, 1 imported, 0 rejected");
    }

    @Test
    void aFileThatCannotBeImportedExitsWith2AndSaysWhy() throws IOException {
        Path file = dir.resolve("odd.csv");
        Files.writeString(file, "a,b\n1,2\n");

        int exit = run(new ImportCommand(CollectingSink::new), file.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("minyi import: no built-in column mapping fits odd.csv", "[a, b]");
    }

    @Test
    void withoutAStoreOnlyADryRunIsPossible() throws IOException {
        Path file = dir.resolve("notes.jsonl");
        Files.writeString(file, "{\"id\": 1, \"text\": \"好\"}\n");

        assertThat(run(new ImportCommand(null), file.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("use --dry-run");
    }
}
