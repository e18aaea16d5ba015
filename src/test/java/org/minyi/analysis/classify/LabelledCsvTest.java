package org.minyi.analysis.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelledCsvTest {

    @TempDir
    Path folder;

    private Path csv(String content) throws IOException {
        return Files.writeString(folder.resolve("data.csv"), content);
    }

    @Test
    void knownHeadersAreFoundAndTitleAndBodyAreJoinedByALineBreak() throws IOException {
        Path file = csv("留言编号,留言主题,留言详情,一级标签\n1,路灯不亮,\"小区路灯坏了\n一个月\",城乡建设\n");
        List<LabelledText> texts = LabelledCsv.read(file, LabelledCsv.Columns.GUESS);
        assertThat(texts).containsExactly(new LabelledText("城乡建设", "路灯不亮\n小区路灯坏了\n一个月", "data.csv:2"));
    }

    @Test
    void withoutAHeaderTheLabelIsTheLastColumn() throws IOException {
        Path file = csv("市 西湖 建筑 占 道,城乡建设\n学校 收费,教育文体\n");
        assertThat(LabelledCsv.read(file, LabelledCsv.Columns.GUESS)).extracting(LabelledText::label)
                .containsExactly("城乡建设", "教育文体");
    }

    @Test
    void anOperatorNamesColumnsByHeaderOrNumber() throws IOException {
        Path file = csv("ticket,summary,team\n7,water leak,plumbing\n");
        LabelledText byName = LabelledCsv.read(file, new LabelledCsv.Columns("team", List.of("summary"))).getFirst();
        LabelledText byNumber = LabelledCsv.read(file, new LabelledCsv.Columns("#3", List.of("#2"), true)).getFirst();
        assertThat(byName.label()).isEqualTo("plumbing");
        assertThat(byName.text()).isEqualTo("water leak");
        assertThat(byNumber.text()).isEqualTo("water leak");
    }

    @Test
    void anUnknownColumnIsNamedInTheError() throws IOException {
        Path file = csv("text,label\nhello,a\n");
        assertThatThrownBy(() -> LabelledCsv.read(file, new LabelledCsv.Columns("klass", List.of())))
                .hasMessageContaining("'klass'").hasMessageContaining("data.csv");
    }

    @Test
    void aRowWithAnEmptyLabelIsReportedWithItsLine() throws IOException {
        Path file = csv("text,label\nhello,a\nworld,\n");
        assertThatThrownBy(() -> LabelledCsv.read(file, LabelledCsv.Columns.GUESS))
                .hasMessageContaining("data.csv:3").hasMessageContaining("empty label");
    }

    @Test
    void aMissingFileIsNamed() {
        assertThatThrownBy(() -> LabelledCsv.read(folder.resolve("nope.csv"), LabelledCsv.Columns.GUESS))
                .hasMessageContaining("nope.csv").hasMessageContaining("not found");
    }
}
