package org.minyi.collect.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XlsxImportTest {

    private static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ofPattern("yyyy/M/d H:mm:ss");

    @TempDir
    Path dir;

    /**
     * Writes the first 300 rows of the real with-votes CSV into a workbook the way Excel users have them: ids and
     * vote counts as numbers, times as true date cells. Imported, it must give exactly the messages the CSV gives.
     */
    @Test
    void workbookWithNumericIdsAndDateCellsGivesTheSameMessagesAsTheCsvItWasMadeFrom() throws IOException {
        Path csv = RealFiles.require("teddy2020-messages-with-votes.csv");
        List<CSVRecord> rows = firstRecords(csv, 301);
        Path xlsx = dir.resolve("with-votes.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(xlsx)) {
            Sheet sheet = workbook.createSheet("留言");
            CellStyle dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.createDataFormat().getFormat("yyyy/m/d h:mm:ss"));
            for (int r = 0; r < rows.size(); r++) {
                CSVRecord record = rows.get(r);
                Row row = sheet.createRow(r);
                for (int c = 0; c < record.size(); c++) {
                    String value = record.get(c);
                    if (r == 0) {
                        row.createCell(c).setCellValue(value);
                    } else if (c == 0 || c >= 5) { // 留言编号, 反对数, 点赞数
                        row.createCell(c).setCellValue(Double.parseDouble(value));
                    } else if (c == 3) { // 留言时间
                        var cell = row.createCell(c);
                        cell.setCellValue(LocalDateTime.parse(value, CSV_TIME));
                        cell.setCellStyle(dateStyle);
                    } else {
                        row.createCell(c).setCellValue(value);
                    }
                }
            }
            assertThat(sheet.getRow(1).getCell(0).getCellType()).isEqualTo(CellType.NUMERIC);
            workbook.write(out);
        }
        CollectingSink fromCsv = new CollectingSink();
        new FileImporter().run(csv, ImportOptions.defaults(), fromCsv, ImportProgress.NONE);
        CollectingSink fromXlsx = new CollectingSink();

        ImportReport report = new FileImporter().run(xlsx, ImportOptions.defaults(), fromXlsx, ImportProgress.NONE);

        assertThat(report.format()).isEqualTo(FileFormat.XLSX);
        assertThat(report.mapping()).isEqualTo("teddy2020-with-votes");
        assertThat(report.accepted()).isEqualTo(300);
        assertThat(fromXlsx.byId.keySet()).contains("teddy2020-votes:188006").allMatch(id -> !id.endsWith(".0"));
        fromXlsx.messages.forEach(message -> assertThat(message).isEqualTo(fromCsv.get(message.id())));
    }

    @Test
    void badRowsInAWorkbookAreReportedWithTheirSheetRowNumber() throws IOException {
        Path xlsx = dir.resolve("letters.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(xlsx)) {
            Sheet sheet = workbook.createSheet();
            CellStyle dateOnly = workbook.createCellStyle();
            dateOnly.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
            String[][] values = {{"编号", "日期", "内容"}, {"1", null, "路灯坏了"}, {"2", null, " "}, {"3", null, "噪音"}};
            for (int r = 0; r < values.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < 3; c++) {
                    if (r > 0 && c == 1) {
                        row.createCell(c).setCellValue(LocalDateTime.of(2021, 3, r, 0, 0));
                        row.getCell(c).setCellStyle(dateOnly);
                    } else {
                        row.createCell(c).setCellValue(values[r][c]);
                    }
                }
            }
            workbook.write(out);
        }
        ColumnMapping mapping = ColumnMapping.parse(
                "source: letters\nfields:\n  id: 编号\n  createdAt: 日期\n  text: 内容\n", "letters");
        CollectingSink sink = new CollectingSink();

        ImportReport report = new FileImporter().run(xlsx, ImportOptions.defaults().withMapping(mapping), sink,
                ImportProgress.NONE);

        assertThat(sink.byId).containsOnlyKeys("1", "3");
        assertThat(sink.get("3").createdAt()).isEqualTo(Instant.parse("2021-03-02T16:00:00Z"));
        assertThat(report.errors()).singleElement().satisfies(error -> {
            assertThat(error.line()).isEqualTo(3);
            assertThat(error.problem()).contains("text is empty", "column '内容'");
        });
    }

    @Test
    void aFileThatIsNoWorkbookIsAClearError() throws IOException {
        Path fake = dir.resolve("fake.xlsx");
        Files.writeString(fake, "编号,内容\n1,不是表格\n");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new FileImporter().run(fake,
                        ImportOptions.defaults(), new CollectingSink(), ImportProgress.NONE))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("fake.xlsx is not a valid .xlsx workbook");
    }

    private static List<CSVRecord> firstRecords(Path csv, int count) throws IOException {
        List<CSVRecord> records = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(csv)) {
            for (CSVRecord record : CSVFormat.RFC4180.parse(reader)) {
                records.add(record);
                if (records.size() == count) {
                    break;
                }
            }
        }
        return records;
    }
}
