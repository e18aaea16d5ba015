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
