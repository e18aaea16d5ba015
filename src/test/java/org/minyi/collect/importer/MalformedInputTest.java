package org.minyi.collect.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Damaged files the fuzz run ({@link ImporterFuzzTest}) found mishandled, one behaviour each. */
class MalformedInputTest {

    private static final String HEADER = "编号,主题,时间,详情,点赞数,反对数";
    private static final ColumnMapping MAPPING = BoardColumns.mapping("damaged");

    @TempDir
    Path dir;

    private ImportReport importFile(Path file, CollectingSink sink) {
        return new FileImporter().run(file, ImportOptions.defaults().withMapping(MAPPING), sink, ImportProgress.NONE);
    }

    private Path file(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aByteOrderMarkBeforeAQuotedHeaderDoesNotHideTheFirstColumn() throws IOException {
        Path file = file("bom.csv", utf8("\uFEFF\"编号\",\"主题\",\"时间\",\"详情\",\"点赞数\",\"反对数\"\r\n"
                + "\"1\",\"路灯\",\"2019/3/1 8:00:00\",\"路灯不亮\",\"1\",\"0\"\r\n"));
        CollectingSink sink = new CollectingSink();

        ImportReport report = importFile(file, sink);

        assertThat(report.errors()).isEmpty();
        assertThat(sink.get("1").text()).isEqualTo("路灯不亮");
    }

    @Test
    void anInvalidUtf8ByteRejectsOnlyItsCsvRowNamingItsLine() throws IOException {
        Path file = file("one-bad-byte.csv", concat(
                utf8(HEADER + "\n1,好,2019/3/1 8:00:00,第一条,0,0\n2,坏,2019/3/1 8:00:00,第二"),
                new byte[]{(byte) 0xC3},
                utf8("条,0,0\n3,好,2019/3/1 8:00:00,第三条,0,0\n")));
        CollectingSink sink = new CollectingSink();

        ImportReport report = importFile(file, sink);

        assertThat(report.encoding()).as("one bad byte does not make the file GBK").isEqualTo("UTF-8");
        assertThat(sink.byId).containsOnlyKeys("1", "3");
        assertThat(report.errors()).singleElement().satisfies(error -> {
            assertThat(error.line()).isEqualTo(3);
            assertThat(error.problem()).contains("not valid UTF-8", "0xC3", "byte offset");
        });
    }

    @Test
    void aGbkCsvIsDetectedAndReadAsGb18030() throws IOException {
        Path file = file("gbk.csv", (HEADER + "\n1,好,2019/3/1 8:00:00,路灯不亮,0,0\n").getBytes("GBK"));
        CollectingSink sink = new CollectingSink();

        ImportReport report = importFile(file, sink);

        assertThat(report.encoding()).isEqualTo("GB18030");
        assertThat(sink.byId.get("1").text()).isEqualTo("路灯不亮");
    }

    @Test
    void anInvalidUtf8ByteOnTheFirstJsonLineRejectsOnlyThatLine() throws IOException {
        Path file = file("first-bad.jsonl", concat(utf8("{\"id\":\"1\",\"text\":\"第"), new byte[]{(byte) 0xFF},
                utf8("一条\"}\n{\"id\":\"2\",\"text\":\"第二条\"}\n")));
        CollectingSink sink = new CollectingSink();

        ImportReport report = new FileImporter().run(file, ImportOptions.defaults(), sink, ImportProgress.NONE);

        assertThat(sink.byId).containsOnlyKeys("2");
        assertThat(report.errors()).singleElement().satisfies(error -> assertThat(error.line()).isEqualTo(1));
    }

    @Test
    void anInvalidUtf8ByteRejectsOnlyItsJsonLine() throws IOException {
        Path file = file("one-bad-byte.jsonl", concat(
                utf8("{\"id\":\"1\",\"text\":\"第一条\"}\n{\"id\":\"2\",\"text\":\"第二"),
                new byte[]{(byte) 0xFF},
                utf8("条\"}\n{\"id\":\"3\",\"text\":\"第三条\"}\n")));
        CollectingSink sink = new CollectingSink();

        ImportReport report = new FileImporter().run(file, ImportOptions.defaults(), sink, ImportProgress.NONE);

        assertThat(sink.byId).containsOnlyKeys("1", "3");
        assertThat(report.errors()).singleElement().satisfies(error -> {
            assertThat(error.line()).isEqualTo(2);
            assertThat(error.problem()).contains("not valid UTF-8", "0xFF");
        });
    }

    @Test
    void aJsonNumberBeyondDoubleRangeIsARowErrorNotACrash() throws IOException {
        Path file = file("huge-number.jsonl", utf8("{\"id\":1e400,\"text\":\"一\"}\n{\"id\":\"2\",\"text\":\"二\"}\n"));
        CollectingSink sink = new CollectingSink();

        ImportReport report = new FileImporter().run(file, ImportOptions.defaults(), sink, ImportProgress.NONE);

        assertThat(sink.byId).containsOnlyKeys("2");
        assertThat(report.errors()).singleElement().satisfies(error -> {
            assertThat(error.line()).isEqualTo(1);
            assertThat(error.problem()).contains("'id'", "out of range");
        });
    }

    @Test
    void aJsonLineLongerThanTheRecordCapIsRejectedAndTheNextLineImported() throws IOException {
        String huge = "路".repeat(FileImporter.MAX_RECORD_CHARS + 10);
        Path file = file("long-line.jsonl", utf8("{\"id\":\"1\",\"text\":\"" + huge + "\"}\n{\"id\":\"2\",\"text\":\"二\"}\n"));
        CollectingSink sink = new CollectingSink();

        ImportReport report = new FileImporter().run(file, ImportOptions.defaults(), sink, ImportProgress.NONE);

        assertThat(sink.byId).containsOnlyKeys("2");
        assertThat(report.errors()).singleElement().satisfies(error -> {
            assertThat(error.line()).isEqualTo(1);
            assertThat(error.problem()).contains("longer than 1,000,000 characters");
        });
    }

    @Test
    void anUnclosedQuoteInABigCsvCostsItsOwnRowAndTheRowsAfterItAreImported() throws IOException {
        Path file = dir.resolve("runaway.csv");
        int after = 50_000; // some 1.6 MB: the parser runs into the record cap before it gives up on the quote
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(utf8(HEADER + "\n1,好,2019/3/1 8:00:00,第一条,0,0\n2,坏,2019/3/1 8:00:00,\"never closed,0,0\n"));
            for (int i = 0; i < after; i++) {
                out.write(utf8((3 + i) + ",好,2019/3/1 8:00:00,之后的第" + i + "条,0,0\n"));
            }
        }
        CollectingSink sink = new CollectingSink();

        ImportReport report = importFile(file, sink);

        assertThat(sink.byId).hasSize(1 + after).containsKeys("1", "3", String.valueOf(2 + after)).doesNotContainKey("2");
        assertThat(report.errors()).singleElement().satisfies(error -> {
            assertThat(error.line()).isEqualTo(3);
            assertThat(error.problem()).contains("longer than 1,000,000 characters", "never closed",
                    "reading goes on at line 4");
        });
    }

    /** One stray quote used to end the import silently ("the rest of the file was not read", job DONE). */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "2,坏,2019/3/1 8:00:00,\"stray quote,0,0",
            "2,坏,2019/3/1 8:00:00,\"closed\" then text,0,0",
            "2,坏,2019/3/1 8:00:00,正文,0,\"0",
            "2,\"坏\"\",2019/3/1 8:00:00,正文,0,0"})
    void aStrayQuoteRejectsItsRowAndEveryOtherRowIsImported(String broken) throws IOException {
        StringBuilder csv = new StringBuilder(HEADER).append("\n1,好,2019/3/1 8:00:00,第一条,0,0\n").append(broken)
                .append("\r\n");
        for (int i = 3; i <= 9; i++) {
            csv.append(i).append(",好,2019/3/1 8:00:00,\"第").append(i).append("条，\n有换行\",0,0\n");
        }
        Path file = file("stray.csv", utf8(csv.toString()));
        CollectingSink sink = new CollectingSink();

        ImportReport report = importFile(file, sink);

        assertThat(sink.byId).containsOnlyKeys("1", "3", "4", "5", "6", "7", "8", "9");
        assertThat(sink.get("9").text()).isEqualTo("第9条，\n有换行");
        assertThat(report.rejected()).isEqualTo(1);
        assertThat(report.errors()).singleElement().satisfies(error -> {
            assertThat(error.line()).isEqualTo(3);
            assertThat(error.problem()).contains("reading goes on at line 4");
        });
    }

    @Test
    void aCellOfOnlyControlCharactersIsEmpty() throws IOException {
        Path file = file("nul.csv", utf8(HEADER + "\n1,t,2019/3/1 8:00:00,\"\u0000\u0007\",0,0\n2,t,,正文\u0000,0,0\n"));
        CollectingSink sink = new CollectingSink();

        ImportReport report = importFile(file, sink);

        assertThat(sink.byId).containsOnlyKeys("2");
        assertThat(report.errors()).singleElement().satisfies(error ->
                assertThat(error.problem()).contains("text is empty"));
    }

    @Test
    void aRowErrorQuotingAHugeValueIsCut() throws IOException {
        Path file = file("long-date.csv", utf8(HEADER + "\n1,t," + "9".repeat(50_000) + ",正文,0,0\n"));

        ImportReport report = importFile(file, new CollectingSink());

        assertThat(report.errors().getFirst().problem()).startsWith("bad date '999").contains("(50,000 characters)")
                .hasSizeLessThanOrEqualTo(ImportRun.MAX_PROBLEM_CHARS);
    }

    @Test
    void aWorkbookWithoutItsCoreDocumentIsOneClearError() throws IOException {
        byte[] valid = workbook(3);
        ByteArrayOutputStream stripped = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(valid));
             ZipOutputStream out = new ZipOutputStream(stripped)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                if (!entry.getName().equals("_rels/.rels")) { // the package relation naming the workbook
                    out.putNextEntry(new ZipEntry(entry.getName()));
                    in.transferTo(out);
                }
            }
        }
        Path file = file("no-core.xlsx", stripped.toByteArray());

        assertThatThrownBy(() -> importFile(file, new CollectingSink()))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("no-core.xlsx is not a readable .xlsx workbook");
    }

    @Test
    void aSheetCutOffMidwayKeepsTheRowsBeforeTheDamageAndNamesWhereItEnds() throws IOException {
        byte[] valid = workbook(5);
        ByteArrayOutputStream cut = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(valid));
             ZipOutputStream out = new ZipOutputStream(cut)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                byte[] content = in.readAllBytes();
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    String xml = new String(content, StandardCharsets.UTF_8);
                    content = utf8(xml.substring(0, xml.indexOf("<row r=\"4\""))); // rows 1-3 survive
                }
                out.write(content);
            }
        }
        Path file = file("cut.xlsx", cut.toByteArray());
        CollectingSink sink = new CollectingSink();

        ImportReport report = importFile(file, sink);

        assertThat(sink.byId).containsOnlyKeys("1", "2");
        assertThat(report.errors()).singleElement().satisfies(error -> {
            assertThat(error.line()).isEqualTo(4);
            assertThat(error.problem()).contains("the sheet cannot be read past here");
        });
    }

    private static byte[] workbook(int rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("留言");
            String[] header = HEADER.split(",");
            Row first = sheet.createRow(0);
            for (int c = 0; c < header.length; c++) {
                first.createCell(c).setCellValue(header[c]);
            }
            for (int r = 1; r <= rows; r++) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue(String.valueOf(r));
                row.createCell(3).setCellValue("第" + r + "条");
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
