package org.minyi.collect.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappingDetectionTest {

    @TempDir
    Path dir;

    private Path csv(String content) throws IOException {
        Path file = dir.resolve("unknown.csv");
        Files.writeString(file, content);
        return file;
    }

    @Test
    void whenNoMappingFitsTheErrorShowsTheHeaderAndHowToWriteAMapping() throws IOException {
        Path file = csv("工单号,来电内容,受理时间\n1,路灯坏了,2024-01-01\n");
        CollectingSink sink = new CollectingSink();

        assertThatThrownBy(() -> new FileImporter().run(file, ImportOptions.defaults(), sink, ImportProgress.NONE))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("no built-in column mapping fits unknown.csv")
                .hasMessageContaining("[工单号, 来电内容, 受理时间]")
                .hasMessageContaining("teddy2020-with-votes: header with")
                .hasMessageContaining("--mapping")
                .hasMessageContaining("text: <text column>");
        assertThat(sink.messages).isEmpty();
    }

    @Test
    void aHeaderNamingMessageFieldsIsReadLikeJsonlKeysWithoutAMapping() throws IOException {
        Path file = csv("id,title,text,createdAt,region,votes.likes,note\n"
                + "h1,路灯不亮,小区路灯坏了一个月,2019-03-04T10:00:00+08:00,A3区,7,ignored\n");
        CollectingSink sink = new CollectingSink();

        ImportReport report = new FileImporter().run(file, ImportOptions.defaults(), sink, ImportProgress.NONE);

        assertThat(report.mapping()).isEqualTo("message-fields");
        assertThat(report.rejected()).isZero();
        var message = sink.get("h1");
        assertThat(message.title()).isEqualTo("路灯不亮");
        assertThat(message.region()).isEqualTo("A3区");
        assertThat(message.createdAt()).isEqualTo(java.time.Instant.parse("2019-03-04T02:00:00Z"));
        assertThat(message.votes().likes()).isEqualTo(7);
    }

    @Test
    void minyisOwnExportIsRecognisedByItsChineseHeader() throws IOException {
        Path file = csv("\uFEFF编号,时间,来源,渠道,地区,标题,内容,链接,点赞数,反对数,答复单位,答复时间,答复内容,工单类别,办理状态,"
                + "满意度,承办单位,主题,情感,情感分值,诉求\n"
                + "w1,2019-03-04 10:00:00,web-test,留言板,A3区,路灯不亮,路灯坏了,,3,0,市住建局,2019-03-04 20:00:00,已修,"
                + ",,,,城乡建设,负面,-0.600,希望修复\n");
        CollectingSink sink = new CollectingSink();

        ImportReport report = new FileImporter().run(file, ImportOptions.defaults(), sink, ImportProgress.NONE);

        assertThat(report.mapping()).isEqualTo("minyi-export");
        var message = sink.get("w1");
        assertThat(message.channel()).isEqualTo(org.minyi.message.Channel.BOARD);
        assertThat(message.source()).isEqualTo("web-test");
        assertThat(message.createdAt()).isEqualTo(java.time.Instant.parse("2019-03-04T02:00:00Z"));
        assertThat(message.reply().agency()).isEqualTo("市住建局");
        assertThat(message.votes().likes()).isEqualTo(3);
    }

    @Test
    void theMappingUsingMostOfTheHeaderWins() throws IOException {
        Path file = csv("留言编号,留言用户,留言主题,留言时间,留言详情,答复意见,答复时间\n1,u,t,2019/1/1 1:00:00,正文,已办,2019/1/2\n");
        CollectingSink sink = new CollectingSink();

        ImportReport report = new FileImporter().run(file, ImportOptions.defaults(), sink, ImportProgress.NONE);

        assertThat(report.mapping()).isEqualTo("teddy2020-with-replies");
        assertThat(sink.get("teddy2020-replies:1").reply().text()).isEqualTo("已办");
    }

    @Test
    void operatorMappingsCanJoinDetection() throws IOException {
        Path file = csv("工单号,来电内容\nG1,路灯坏了\n");
        ColumnMapping hotline = ColumnMapping.parse(
                "source: hotline\nchannel: hotline\nfields:\n  id: 工单号\n  text: 来电内容\n", "hotline");
        CollectingSink sink = new CollectingSink();

        ImportReport report = new FileImporter(List.of(hotline)).run(file, ImportOptions.defaults(), sink,
                ImportProgress.NONE);

        assertThat(report.mapping()).isEqualTo("hotline");
        assertThat(sink.get("G1").text()).isEqualTo("路灯坏了");
    }

    @Test
    void equallyGoodMappingsAreAnErrorRatherThanAGuess() throws IOException {
        Path file = csv("a,b\n1,x\n");
        ColumnMapping one = ColumnMapping.parse("fields: {id: a, text: b}\n", "one");
        ColumnMapping two = ColumnMapping.parse("fields: {title: a, text: b}\n", "two");

        assertThatThrownBy(() -> new FileImporter(List.of(one, two)).run(file, ImportOptions.defaults(),
                new CollectingSink(), ImportProgress.NONE))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("[one, two]");
    }

    @Test
    void aHeaderlessTwoColumnFileIsOnlyTakenForTheSegmentedSetWhenItsLabelsMatch() throws IOException {
        Path segmentedLike = csv("市 路灯 不亮,城乡建设\n公交 太少,交通运输\n");
        CollectingSink sink = new CollectingSink();
        ImportReport report = new FileImporter().run(segmentedLike, ImportOptions.defaults(), sink,
                ImportProgress.NONE);
        assertThat(report.mapping()).isEqualTo("teddy2020-segmented");
        assertThat(report.accepted()).isEqualTo(2);

        Path other = dir.resolve("other.csv");
        Files.writeString(other, "市 路灯 不亮,positive\n");
        assertThatThrownBy(() -> new FileImporter().run(other, ImportOptions.defaults(), new CollectingSink(),
                ImportProgress.NONE)).isInstanceOf(ImportException.class).hasMessageContaining("no built-in");
    }
}
