package org.minyi.collect.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minyi.fuzz.FuzzCampaign;
import org.minyi.fuzz.Garble;
import org.minyi.message.Message;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Thousands of generated bad files through each importer format. Whatever the input, an import either reports
 * (every bad row an error naming its line, every good row imported) or throws one clear {@link ImportException} for
 * a problem of the whole file. Rows the damage cannot reach (before the first changed byte) are always imported.
 * Seeds are fixed; a failure names the seed to replay ({@link FuzzCampaign}).
 */
class ImporterFuzzTest {

    private static final FuzzCampaign CAMPAIGN = new FuzzCampaign("importers");
    /** Only a hang guard: one import of these small files takes milliseconds. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(60);
    private static final ColumnMapping MAPPING = BoardColumns.mapping("fuzz");
    private static final List<String> HEADER = BoardColumns.HEADER;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path dir;

    @AfterAll
    static void printTally() {
        System.out.println(CAMPAIGN.summary());
    }

    /** One generated row; a bad one says what the importer must complain about. */
    record GenRow(String id, List<String> cells, String problem) {
        boolean good() {
            return problem == null;
        }
    }

    // ---------------------------------------------------------------- CSV

    @Test
    void csvFilesWithBadRowsImportEveryGoodRowAndNameTheLineOfEveryBadOne() {
        CAMPAIGN.run("csv-bad-rows", 600, input -> {
            Random r = input.random();
            List<GenRow> rows = rows(r, 1 + r.nextInt(30), true);
            String newline = List.of("\r\n", "\n", "\r").get(r.nextInt(3));
            boolean bom = r.nextBoolean();
            StringBuilder csv = new StringBuilder(bom ? "\uFEFF" : "").append(csvLine(HEADER)).append(newline);
            List<Long> badLines = new ArrayList<>();
            long line = 1;
            for (GenRow row : rows) {
                line++;
                if (!row.good()) {
                    badLines.add(line);
                }
                String record = csvLine(row.cells());
                csv.append(record).append(newline);
                line += lineBreaks(record);
            }
            Path file = write("bad-rows.csv", csv.toString().getBytes(StandardCharsets.UTF_8));

            Outcome outcome = importFile(file, ImportOptions.defaults().withMapping(MAPPING), input.kind());

            assertThat(outcome.failure).as("no whole-file error for a file with a good header").isNull();
            assertGoodRowsImported(rows, outcome);
            assertThat(outcome.report.rejected()).isEqualTo(badLines.size());
            assertThat(outcome.report.errors()).extracting(RowError::line).containsExactlyElementsOf(badLines);
        });
    }

    @Test
    void mutatedCsvFilesNeverThrowAndKeepEveryRowBeforeTheDamage() {
        CAMPAIGN.run("csv-mutated", 1500, input -> {
            Random r = input.random();
            List<GenRow> rows = rows(r, 5 + r.nextInt(20), false);
            List<Integer> ends = new ArrayList<>();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes((csvLine(HEADER) + "\n").getBytes(StandardCharsets.UTF_8));
            int headerEnd = out.size();
            for (GenRow row : rows) {
                out.writeBytes((csvLine(row.cells()) + "\n").getBytes(StandardCharsets.UTF_8));
                ends.add(out.size());
            }
            byte[] original = out.toByteArray();
            byte[] mutated = Garble.mutate(original, r, 4);
            int damage = Garble.firstDifference(original, mutated);
            Path file = write("mutated.csv", mutated);

            Outcome outcome = importFile(file, ImportOptions.defaults().withMapping(MAPPING), input.kind());

            if (damage >= headerEnd) {
                assertThat(outcome.failure).as("the header is intact").isNull();
                for (int i = 0; i < rows.size() && ends.get(i) <= damage; i++) {
                    assertImported(rows.get(i), outcome);
                }
            }
        });
    }

    @Test
    void csvGarbageIsOneClearErrorOrRowErrorsNeverACrash() {
        CAMPAIGN.run("csv-garbage", 300, input -> {
            Random r = input.random();
            byte[] bytes = switch (r.nextInt(6)) {
                case 0 -> Garble.randomBytes(r, r.nextInt(4000));
                case 1 -> Garble.insert(Garble.randomBytes(r, r.nextInt(2000)), 0,
                        new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
                case 2 -> validCsv(r).getBytes(Garble.GBK); // a GBK export fed as UTF-8
                case 3 -> (csvLine(HEADER) + "\n").getBytes(StandardCharsets.UTF_8); // header only
                case 4 -> Garble.text(r, r.nextInt(3000), false).getBytes(StandardCharsets.UTF_8);
                default -> new byte[0];
            };
            Path file = write("garbage.csv", bytes);

            importFile(file, ImportOptions.defaults().withMapping(MAPPING), input.kind());
            importFile(file, ImportOptions.defaults(), input.kind()); // mapping detection on garbage too
        });
    }

    @Test
    void csvRowsWithHugeCellsAreImportedUpToTheRecordCapAndRejectedBeyondIt() {
        CAMPAIGN.run("csv-huge-cells", 6, input -> {
            Random r = input.random();
            boolean overCap = input.seed() % 2 == 0;
            // just over the cap (caught when the record is complete) or far over it (caught while reading)
            int size = overCap ? FileImporter.MAX_RECORD_CHARS + 1 + (r.nextBoolean() ? r.nextInt(1000)
                    : r.nextInt(3 * FileImporter.MAX_RECORD_CHARS)) : 200_000 + r.nextInt(1000);
            List<GenRow> before = rows(r, 3, false);
            long hugeLine = 2 + before.stream().mapToLong(row -> 1 + lineBreaks(csvLine(row.cells()))).sum();
            String csv = csvLine(HEADER) + "\n" + before.stream().map(row -> csvLine(row.cells()) + "\n")
                    .reduce("", String::concat)
                    + csvLine(List.of("huge", "t", "2019/3/1 8:00:00", Garble.chinese(r, size), "0", "0")) + "\n";
            Path file = write("huge.csv", csv.getBytes(StandardCharsets.UTF_8));

            Outcome outcome = importFile(file, ImportOptions.defaults().withMapping(MAPPING), input.kind());

            assertGoodRowsImported(before, outcome);
            if (overCap) {
                assertThat(outcome.report.errors()).singleElement().satisfies(error -> {
                    assertThat(error.line()).isEqualTo(hugeLine);
                    assertThat(error.problem()).contains(String.format("%,d", FileImporter.MAX_RECORD_CHARS));
                });
            } else {
                assertThat(outcome.sink.get("huge").text()).hasSize(size);
            }
        });
    }

    // ---------------------------------------------------------------- JSON lines

    @Test
    void jsonLinesWithBadRecordsImportEveryGoodLineAndNameEveryBadOne() {
        CAMPAIGN.run("jsonl-bad-lines", 600, input -> {
            Random r = input.random();
            List<GenRow> rows = new ArrayList<>();
            StringBuilder jsonl = new StringBuilder(r.nextBoolean() ? "\uFEFF" : "");
            List<Long> badLines = new ArrayList<>();
            int count = 1 + r.nextInt(30);
            long line = 0;
            for (int i = 0; i < count; i++) {
                line++;
                if (r.nextInt(8) == 0) {
                    jsonl.append(r.nextBoolean() ? "" : "   \t").append('\n'); // blank lines are skipped
                    continue;
                }
                GenRow row = goodRow(r, "j" + i);
                ObjectNode object = jsonObject(row);
                String text;
                if (r.nextInt(3) == 0) {
                    text = badJsonLine(r, object);
                    badLines.add(line);
                    rows.add(new GenRow(row.id(), row.cells(), "bad"));
                } else {
                    text = JSON.writeValueAsString(object);
                    rows.add(row);
                }
                jsonl.append(text).append('\n');
            }
            Path file = write("bad-lines.jsonl", jsonl.toString().getBytes(StandardCharsets.UTF_8));

            Outcome outcome = importFile(file, ImportOptions.defaults(), input.kind());

            assertThat(outcome.failure).isNull();
            assertGoodRowsImported(rows, outcome);
            assertThat(outcome.report.errors()).extracting(RowError::line).containsExactlyElementsOf(badLines);
        });
    }

    @Test
    void mutatedJsonLinesNeverThrowAndKeepEveryLineTheDamageMissed() {
        CAMPAIGN.run("jsonl-mutated", 1500, input -> {
            Random r = input.random();
            List<GenRow> rows = rows(r, 5 + r.nextInt(20), false);
            List<String> lines = new ArrayList<>();
            for (GenRow row : rows) {
                lines.add(JSON.writeValueAsString(jsonObject(row)));
            }
            byte[] original = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
            byte[] mutated = Garble.mutate(original, r, 4);
            Path file = write("mutated.jsonl", mutated);

            Outcome outcome = importFile(file, ImportOptions.defaults(), input.kind());

            // JSONL records are independent: a line that survived byte for byte is imported wherever it stands.
            if (outcome.failure != null) {
                assertThat(outcome.failure.getMessage()).as("the only whole-file error of JSONL").contains("JSON array");
                return;
            }
            List<String> survivors = List.of(new String(mutated, StandardCharsets.ISO_8859_1).split("\n", -1));
            for (int i = 0; i < rows.size(); i++) {
                String asLatin1 = new String(lines.get(i).getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
                if (survivors.contains(asLatin1)) {
                    assertImported(rows.get(i), outcome);
                }
            }
        });
    }

    @Test
    void jsonLinesBeyondTheRecordCapAreRejectedAndTheNextLinesStillImported() {
        CAMPAIGN.run("jsonl-huge-lines", 4, input -> {
            Random r = input.random();
            GenRow before = goodRow(r, "before");
            GenRow after = goodRow(r, "after");
            ObjectNode huge = jsonObject(goodRow(r, "huge"));
            huge.put("text", Garble.chinese(r, FileImporter.MAX_RECORD_CHARS + 1 + r.nextInt(100_000)));
            String jsonl = JSON.writeValueAsString(jsonObject(before)) + "\n" + JSON.writeValueAsString(huge) + "\n"
                    + JSON.writeValueAsString(jsonObject(after)) + "\n";
            Path file = write("huge.jsonl", jsonl.getBytes(StandardCharsets.UTF_8));

            Outcome outcome = importFile(file, ImportOptions.defaults(), input.kind());

            assertGoodRowsImported(List.of(before, after), outcome);
            assertThat(outcome.report.errors()).singleElement().satisfies(error -> {
                assertThat(error.line()).isEqualTo(2);
                assertThat(error.problem()).contains(String.format("%,d", FileImporter.MAX_RECORD_CHARS));
            });
        });
    }

    // ---------------------------------------------------------------- XLSX

    @Test
    void workbooksWithWrongCellTypesImportEveryGoodRowAndNameEveryBadSheetRow() {
        CAMPAIGN.run("xlsx-bad-cells", 40, input -> {
            Random r = input.random();
            List<Long> badLines = new ArrayList<>();
            List<GenRow> rows = new ArrayList<>();
            byte[] bytes;
            try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                Sheet sheet = workbook.createSheet("留言");
                CellStyle dateStyle = workbook.createCellStyle();
                dateStyle.setDataFormat(workbook.createDataFormat().getFormat("yyyy/m/d h:mm:ss"));
                Row header = sheet.createRow(0);
                for (int c = 0; c < HEADER.size(); c++) {
                    header.createCell(c).setCellValue(HEADER.get(c));
                }
                int count = r.nextInt(25);
                for (int i = 0; i < count; i++) {
                    Row row = sheet.createRow(i + 1);
                    GenRow gen = goodRow(r, String.valueOf(1000 + i));
                    row.createCell(0).setCellValue(1000 + i); // a numeric id cell
                    row.createCell(1).setCellValue(gen.cells().get(1));
                    var time = row.createCell(2);
                    time.setCellValue(LocalDateTime.of(2019, 1 + r.nextInt(12), 1 + r.nextInt(28), r.nextInt(24), 0));
                    time.setCellStyle(dateStyle);
                    row.createCell(3).setCellValue(gen.cells().get(3));
                    row.createCell(4).setCellValue(r.nextInt(100));
                    String problem = switch (r.nextInt(7)) {
                        case 0 -> {
                            row.getCell(2).setCellErrorValue(FormulaError.DIV0.getCode());
                            yield "bad date";
                        }
                        case 1 -> {
                            row.getCell(4).setCellValue("很多");
                            yield "vote count";
                        }
                        case 2 -> {
                            row.getCell(3).setCellValue(true); // a boolean is still some text
                            yield null;
                        }
                        case 3 -> {
                            row.removeCell(row.getCell(3));
                            yield "text is empty";
                        }
                        default -> null;
                    };
                    if (problem != null) {
                        badLines.add(i + 2L);
                    }
                    rows.add(new GenRow(gen.id(), gen.cells(), problem));
                }
                workbook.write(out);
                bytes = out.toByteArray();
            }
            Path file = write("cells.xlsx", bytes);

            Outcome outcome = importFile(file, ImportOptions.defaults().withMapping(MAPPING), input.kind());

            assertThat(outcome.failure).isNull();
            for (GenRow row : rows) {
                if (row.good()) {
                    assertThat(outcome.sink.byId).containsKey(row.id());
                }
            }
            assertThat(outcome.report.errors()).extracting(RowError::line).containsExactlyElementsOf(badLines);
        });
    }

    @Test
    void corruptOrForeignWorkbooksAreOneClearErrorOrRowErrorsNeverACrash() throws IOException {
        byte[] valid = validWorkbook(new Random(1), 30);
        CAMPAIGN.run("xlsx-corrupt", 150, input -> {
            Random r = input.random();
            byte[] bytes = switch (r.nextInt(7)) {
                case 0 -> java.util.Arrays.copyOf(valid, r.nextInt(valid.length)); // truncated
                case 1 -> Garble.randomBytes(r, r.nextInt(5000));                    // not a workbook at all
                case 2 -> validCsv(r).getBytes(StandardCharsets.UTF_8);             // a CSV named .xlsx
                case 3 -> zipWith("hello.txt", Garble.randomBytes(r, 100));          // a zip, but no workbook
                case 4 -> emptyWorkbook();
                default -> Garble.mutate(valid, r, 3);                               // flipped bytes
            };
            Path file = write("corrupt.xlsx", bytes);

            Outcome outcome = importFile(file, ImportOptions.defaults().withMapping(MAPPING), input.kind());

            if (outcome.failure != null) {
                assertThat(outcome.failure.getMessage()).contains("corrupt.xlsx");
            }
        });
    }

    // ---------------------------------------------------------------- generators

    private static List<GenRow> rows(Random r, int count, boolean withBadOnes) {
        List<GenRow> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            GenRow good = goodRow(r, "r" + i);
            rows.add(withBadOnes && r.nextInt(3) == 0 ? spoil(good, r) : good);
        }
        return rows;
    }

    /** A row that must import: Chinese text with commas, quotes, line breaks, NULs, emoji and control characters. */
    private static GenRow goodRow(Random r, String id) {
        String text = Garble.chinese(r, 1 + r.nextInt(60));
        switch (r.nextInt(6)) {
            case 0 -> text += ",\"引号\"，\n第二行";
            case 1 -> text += "\u0000\u0007" + Garble.text(r, 20, false);
            case 2 -> text = Garble.text(r, 1 + r.nextInt(80), false) + "字";
            default -> { }
        }
        String time = String.format("%d/%d/%d %d:%02d:%02d", 2015 + r.nextInt(10), 1 + r.nextInt(12),
                1 + r.nextInt(28), r.nextInt(24), r.nextInt(60), r.nextInt(60));
        return new GenRow(id, List.of(id, Garble.chinese(r, 1 + r.nextInt(15)), time, text,
                String.valueOf(r.nextInt(1000)), String.valueOf(r.nextInt(50))), null);
    }

    private static GenRow spoil(GenRow good, Random r) {
        List<String> cells = new ArrayList<>(good.cells());
        String problem = switch (r.nextInt(8)) {
            case 0 -> {
                cells.set(2, List.of("2019/13/45 10:00:00", "不是日期", "2019/2/30 8:00:00", "9999999999/1/1 0:00:00")
                        .get(r.nextInt(4)));
                yield "bad date";
            }
            case 1 -> {
                cells.set(4, List.of("abc", "-3", "99999999999", "1.5", "１e３").get(r.nextInt(5)));
                yield "vote count";
            }
            case 2 -> {
                cells.set(3, List.of("", "  ", "\u3000\t").get(r.nextInt(3)));
                yield "text is empty";
            }
            case 3 -> {
                cells.remove(cells.size() - 1);
                yield "cells";
            }
            case 4 -> {
                cells.add("extra");
                yield "cells";
            }
            case 5 -> {
                cells.set(0, " ");
                yield "id is empty";
            }
            case 6 -> {
                cells.set(3, "\u0000"); // only a NUL: no text
                yield "text is empty";
            }
            default -> {
                cells.set(2, Garble.text(r, 1 + r.nextInt(40), false).replace("\u0000", "x") + "年");
                yield "bad date";
            }
        };
        return new GenRow(good.id(), cells, problem);
    }

    private static ObjectNode jsonObject(GenRow row) {
        ObjectNode object = JSON.createObjectNode();
        object.put("id", row.cells().get(0));
        object.put("title", row.cells().get(1));
        object.put("createdAt", java.time.LocalDateTime.parse(row.cells().get(2),
                java.time.format.DateTimeFormatter.ofPattern("yyyy/M/d H:mm:ss")).toString());
        object.put("text", row.cells().get(3));
        object.putObject("votes").put("likes", Integer.parseInt(row.cells().get(4)))
                .put("against", Integer.parseInt(row.cells().get(5)));
        return object;
    }

    private static String badJsonLine(Random r, ObjectNode object) {
        String valid = JSON.writeValueAsString(object);
        return switch (r.nextInt(11)) {
            case 0 -> valid.substring(0, 1 + r.nextInt(valid.length() - 2));             // truncated object
            case 1 -> JSON.writeValueAsString(object.putNull("text"));
            case 2 -> {
                object.putArray("text").add("一").add("二");
                yield JSON.writeValueAsString(object);
            }
            case 3 -> {
                object.putObject("id").put("nested", 1);
                yield JSON.writeValueAsString(object);
            }
            case 4 -> JSON.writeValueAsString(object.put("createdAt", "yesterday"));
            case 5 -> {
                ((ObjectNode) object.get("votes")).put("likes", "很多");
                yield JSON.writeValueAsString(object);
            }
            case 6 -> valid.replace("\"text\":", "\"text\":" + "[".repeat(2000 + r.nextInt(20_000)));  // deep nesting
            case 7 -> List.of("42", "\"just a string\"", "null", "true").get(r.nextInt(4));
            case 8 -> valid.replaceFirst("\"id\":\"[^\"]*\"", "\"id\":1e" + (400 + r.nextInt(100_000)));
            case 9 -> valid.replace("\"votes\":{\"likes\":", "\"votes\":{\"likes\":" + "9".repeat(20 + r.nextInt(500)));
            default -> valid + (r.nextBoolean() ? " trailing" : "}");
        };
    }

    private static String validCsv(Random r) {
        StringBuilder csv = new StringBuilder(csvLine(HEADER)).append('\n');
        for (GenRow row : rows(r, 5, false)) {
            csv.append(csvLine(row.cells())).append('\n');
        }
        return csv.toString();
    }

    private static byte[] validWorkbook(Random r, int count) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("留言");
            Row header = sheet.createRow(0);
            for (int c = 0; c < HEADER.size(); c++) {
                header.createCell(c).setCellValue(HEADER.get(c));
            }
            List<GenRow> rows = rows(r, count, false);
            for (int i = 0; i < rows.size(); i++) {
                Row row = sheet.createRow(i + 1);
                for (int c = 0; c < HEADER.size(); c++) {
                    row.createCell(c).setCellValue(rows.get(i).cells().get(c));
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static byte[] emptyWorkbook() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.createSheet("空");
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static byte[] zipWith(String name, byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    private static String csvLine(List<String> cells) {
        return String.join(",", cells.stream().map(c -> "\"" + c.replace("\"", "\"\"") + "\"").toList());
    }

    /** Line breaks inside a record, counting CRLF once, as the CSV parser numbers lines. */
    private static long lineBreaks(String record) {
        return record.replace("\r\n", "\n").chars().filter(c -> c == '\n' || c == '\r').count();
    }

    // ---------------------------------------------------------------- running and checking

    /** What one import gave: a report, or the one whole-file error it is allowed to throw. */
    private record Outcome(ImportReport report, ImportException failure, CollectingSink sink) {
    }

    private static Path write(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    private static Outcome importFile(Path file, ImportOptions options, String kind) {
        CollectingSink sink = new CollectingSink();
        ImportReport report;
        try {
            report = assertTimeoutPreemptively(HANG_GUARD,
                    () -> new FileImporter().run(file, options, sink, ImportProgress.NONE));
        } catch (ImportException e) {
            assertThat(e.getMessage()).as("a whole-file error says what is wrong").isNotBlank();
            assertThat(sink.messages).as("a whole-file error comes before any row is handed over").isEmpty();
            CAMPAIGN.itemErrors(kind, 1);
            return new Outcome(null, e, sink);
        }
        assertThat(report.rowsRead()).isEqualTo(report.accepted() + report.rejected());
        assertThat(sink.messages).hasSize((int) report.accepted());
        assertThat(report.errors()).hasSize((int) Math.min(report.rejected(), ImportReport.MAX_ERRORS));
        for (RowError error : report.errors()) {
            assertThat(error.line()).as("error line of %s", error).isPositive();
            assertThat(error.row()).isPositive();
            assertThat(error.problem()).isNotBlank().hasSizeLessThanOrEqualTo(ImportRun.MAX_PROBLEM_CHARS);
        }
        for (Message message : sink.messages) {
            assertThat(message.text()).isNotBlank();
            assertThat(message.id()).isNotBlank();
        }
        CAMPAIGN.itemErrors(kind, report.rejected());
        return new Outcome(report, null, sink);
    }

    private static void assertGoodRowsImported(List<GenRow> rows, Outcome outcome) {
        for (GenRow row : rows) {
            if (row.good()) {
                assertImported(row, outcome);
            } else {
                assertThat(outcome.sink.messages).as("bad row %s (%s) is not imported", row.id(), row.problem())
                        .noneMatch(m -> m.id().equals(row.id()));
            }
        }
    }

    private static void assertImported(GenRow row, Outcome outcome) {
        String text = CellText.clean(row.cells().get(3));
        assertThat(outcome.sink.messages).as("row %s is imported with its text; errors: %s", row.id(),
                        outcome.report == null ? outcome.failure : outcome.report.errors())
                .anyMatch(m -> m.id().equals(row.id()) && m.text().equals(text));
    }
}
