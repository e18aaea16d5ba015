package org.minyi.analysis.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minyi.cli.MinYiCommand;
import picocli.CommandLine;

/** An operator retrains on their own CSV, with their own class names and columns, through the command line only. */
class OperatorRetrainingTest {

    private static final Map<String, String> OPERATOR_CLASSES =
            Map.of("教育文体", "schools", "交通运输", "transport", "卫生计生", "health");

    @Test
    void trainAndEvaluateTopicOnAnOperatorCsvWithItsOwnClassSet(@TempDir Path folder) throws IOException {
        List<LabelledText> raw = LabelledCsv.read(SharedData.require(SharedData.RAW_921), LabelledCsv.Columns.GUESS);
        Path csv = folder.resolve("tickets.csv");
        try (CSVPrinter printer = new CSVPrinter(Files.newBufferedWriter(csv, StandardCharsets.UTF_8),
                CSVFormat.RFC4180)) {
            printer.printRecord("ticket", "body", "team");
            int id = 0;
            for (LabelledText text : raw) {
                printer.printRecord(id++, text.text(), OPERATOR_CLASSES.getOrDefault(text.label(), "other"));
            }
        }
        Path model = folder.resolve("model");

        int trained = run("train", "topic", "--data", csv.toString(), "--text-columns", "body",
                "--label-column", "team", "--dictionaries", folder.resolve("none").toString(),
                "--out", model.toString());
        int evaluated = run("evaluate", "topic", "--model", model.toString(), "--data", csv.toString(),
                "--text-columns", "body", "--label-column", "team",
                "--dictionaries", folder.resolve("none").toString());

        assertThat(trained).isZero();
        assertThat(evaluated).isZero();
        assertThat(TopicModel.load(model).labels()).containsExactly("health", "other", "schools", "transport");
    }

    @Test
    void aBadColumnNameFailsWithAMessageAndANonZeroExitCode(@TempDir Path folder) throws IOException {
        Path csv = Files.writeString(folder.resolve("t.csv"), "body,team\nhello,a\nworld,b\n");
        StringWriter errors = new StringWriter();
        CommandLine commandLine = new CommandLine(new MinYiCommand()).setErr(new PrintWriter(errors));
        int exit = commandLine.execute("train", "topic", "--data", csv.toString(), "--label-column", "klass",
                "--out", folder.resolve("m").toString());
        assertThat(exit).isNotZero();
        assertThat(errors.toString()).contains("'klass'");
    }

    private static int run(String... args) {
        return new CommandLine(new MinYiCommand()).execute(args);
    }
}
