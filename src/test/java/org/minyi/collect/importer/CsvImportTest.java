package org.minyi.collect.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minyi.message.Message;

class CsvImportTest {

    private static final ColumnMapping MAPPING = BoardColumns.mapping("test-board");

    @TempDir
    Path dir;

    private Path csv(String content) throws IOException {
        Path file = dir.resolve("messages.csv");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private ImportReport importWithMapping(Path file, CollectingSink sink) {
        return new FileImporter().run(file, ImportOptions.defaults().withMapping(MAPPING), sink, ImportProgress.NONE);
    }

    @Test
    void badRowsGetOneErrorEachWithTheirLineAndTheGoodRowsAreImported() throws IOException {
        Path file = csv("""
                编号,主题,时间,详情,反对数,点赞数
                1,好,2019/2/28 11:25:05,"第一行
                第二行",1,2
                2,空,2019/2/28 11:25:05," \t ",0,0
                3,日期,2019/13/45,正文,0,0
                4,票数,2019/3/1 8:00:00,正文,-1,0
                5,列数,2019/3/1 8:00:00,正文,0
                6,好,2019/3/1 8:00:00,正文,0,0
                7,引号,2019/3/1 8:00:00,"never closed,0,0
                """);
        CollectingSink sink = new CollectingSink();

        ImportReport report = importWithMapping(file, sink);

        assertThat(report.rowsRead()).isEqualTo(7);
        assertThat(report.accepted()).isEqualTo(2);
        assertThat(report.rejected()).isEqualTo(5);
        assertThat(sink.byId).containsOnlyKeys("1", "6");
        assertThat(sink.get("1").text()).isEqualTo("第一行\n第二行");
        List<RowError> errors = report.errors();
        assertThat(errors).extracting(RowError::line).containsExactly(4L, 5L, 6L, 7L, 9L);
        assertThat(errors).extracting(RowError::row).containsExactly(2L, 3L, 4L, 5L, 7L);
        assertThat(errors.get(0).problem()).contains("text is empty", "column '详情'");
        assertThat(errors.get(1).problem()).contains("bad date '9999/99/99'", "column '时间'", "yyyy/M/d H:mm:ss");
        assertThat(errors.get(2).problem()).contains("negative vote count -1", "column '反对数'");
        assertThat(errors.get(3).problem()).contains("row has 5 cells, expected 6");
        assertThat(errors.get(4).problem()).contains("quoted cell", "never closed");
        assertThat(errors.get(1).toString()).startsWith("messages.csv:5 (row 3): bad date");
    }

    /** A cell may hold anybody's phone or ID: errors show the shape of the value they could not use, never it. */
    @Test
    void rowErrorsShowTheShapeOfAValueNeverTheValueItself() throws IOException {
        Path file = csv("""
                编号,主题,时间,详情,反对数,点赞数
                1,日期,13812345678,正文,0,0
                2,票数,2019/3/1 8:00:00,正文,张三13812345678,0
                3,日期,身份证110101199003074514,正文,0,0
                """);

        ImportReport report = importWithMapping(file, new CollectingSink());

        assertThat(report.errors()).hasSize(3).allSatisfy(error -> assertThat(error.toString())
                .doesNotContain("13812345678", "张三", "110101199003074514", "身份证", "1381", "5678"));
        assertThat(report.errors().get(0).problem()).contains("bad date '99999999999'");
        assertThat(report.errors().get(1).problem()).contains("vote count '字字99999999999'");
    }

    @Test
    void voteColumnsAreReadByNameWhateverTheirOrder() throws IOException {
        Path file = csv("编号,主题,时间,详情,反对数,点赞数\n1,t,2019/2/28 11:25:05,正文,3,40\n");
        CollectingSink sink = new CollectingSink();

        importWithMapping(file, sink);

        assertThat(sink.get("1").votes().likes()).isEqualTo(40);
        assertThat(sink.get("1").votes().against()).isEqualTo(3);
    }

    @Test
    void byteOrderMarkCrlfAndBlankPaddedCellsAreHandled() throws IOException {
        Path file = csv("\uFEFF编号,主题,时间,详情,反对数,点赞数\r\n"
                + " 7 ,\u00A0主题\u3000,2019/2/28 11:25:05,\"\r\n\t\t\t正文\r\n\t\t\",0,0\r\n\r\n");
        CollectingSink sink = new CollectingSink();

        ImportReport report = importWithMapping(file, sink);

        assertThat(report.errors()).isEmpty();
        Message message = sink.get("7");
        assertThat(message.title()).isEqualTo("主题");
        assertThat(message.text()).isEqualTo("正文");
        assertThat(message.createdAt()).isEqualTo(Instant.parse("2019-02-28T03:25:05Z"));
    }

    @Test
    void aMessageTheSinkRefusesIsARowErrorAndTheImportGoesOn() throws IOException {
        Path file = csv("编号,主题,时间,详情,反对数,点赞数\n1,t,,一,0,0\n2,t,,二,0,0\n3,t,,三,0,0\n");
        CollectingSink kept = new CollectingSink();

        ImportReport report = new FileImporter().run(file, ImportOptions.defaults().withMapping(MAPPING),
                message -> {
                    if (message.id().equals("2")) {
                        throw new IllegalStateException("index is full");
                    }
                    kept.accept(message);
                }, ImportProgress.NONE);

        assertThat(kept.byId).containsOnlyKeys("1", "3");
        assertThat(report.rejected()).isEqualTo(1);
        assertThat(report.errors().getFirst().problem()).contains("message 2 was refused by the sink", "index is full");
    }

    @Test
    void sourceAndChannelCanBeOverriddenForTheWholeFile() throws IOException {
        Path file = csv("编号,主题,时间,详情,反对数,点赞数\n1,t,,正文,0,0\n");
        CollectingSink sink = new CollectingSink();

        new FileImporter().run(file, ImportOptions.defaults().withMapping(MAPPING).withSource("city-12345")
                .withChannel(org.minyi.message.Channel.HOTLINE), sink, ImportProgress.NONE);

        assertThat(sink.get("1").source()).isEqualTo("city-12345");
        assertThat(sink.get("1").channel()).isEqualTo(org.minyi.message.Channel.HOTLINE);
    }

    @Test
    void aColumnOfTheMappingMissingFromTheHeaderStopsTheImportBeforeAnyRowNamingItAndTheHeader()
            throws IOException {
        Path file = csv("编号,主题,时间,详情,反对数\n1,t,,正文,0\n");
        CollectingSink sink = new CollectingSink();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> importWithMapping(file, sink))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("点赞数 (votes.likes)")
                .hasMessageContaining("header: [编号, 主题, 时间, 详情, 反对数]");
        assertThat(sink.messages).isEmpty();
    }

    @Test
    void aGbkFileIsReadAsGb18030AndTheReportSaysSo() throws IOException {
        Path file = dir.resolve("gbk.csv");
        Files.writeString(file, "编号,主题,时间,详情,反对数,点赞数\n1,路灯,,路灯不亮，请修复,0,0\n",
                java.nio.charset.Charset.forName("GBK"));
        CollectingSink sink = new CollectingSink();

        ImportReport report = importWithMapping(file, sink);

        assertThat(sink.byId.get("1").text()).isEqualTo("路灯不亮，请修复");
        assertThat(report.encoding()).isEqualTo("GB18030");
        assertThat(report.summary()).contains("read as GB18030 (GBK) because it is not UTF-8");
    }

    @Test
    void withoutAnIdColumnIdsAreTheSourceAndAHashOfTheText() throws IOException {
        Path file = csv("详情\n同一段话\n另一段话\n同一段话\n");
        ColumnMapping textOnly = ColumnMapping.parse("source: notes\nfields:\n  text: 详情\n", "text-only");
        CollectingSink sink = new CollectingSink();

        new FileImporter().run(file, ImportOptions.defaults().withMapping(textOnly), sink, ImportProgress.NONE);

        assertThat(sink.messages).extracting(Message::id)
                .allSatisfy(id -> assertThat(id).matches("notes:[0-9a-f]{16}"));
        assertThat(sink.messages.get(0).id()).isEqualTo(sink.messages.get(2).id())
                .isNotEqualTo(sink.messages.get(1).id());
    }
}
