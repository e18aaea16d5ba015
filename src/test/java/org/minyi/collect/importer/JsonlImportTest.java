package org.minyi.collect.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minyi.message.Channel;
import org.minyi.message.Message;

class JsonlImportTest {

    @TempDir
    Path dir;

    @Test
    void recordsUseTheMessageFieldNamesWithNestedVotesAndReply() throws IOException {
        Path file = dir.resolve("messages.jsonl");
        Files.writeString(file, """
                {"id": 42, "source": "12345-hotline", "channel": "hotline", "title": "噪音", "text": "工地夜间施工\\n影响休息", "createdAt": "2024-05-01 22:10:00", "region": "雁塔区", "votes": {"likes": 5, "against": 1}, "reply": {"text": "已转交", "agency": "城管局", "time": "2024-05-03T09:00:00+08:00"}}

                {"id": "43", "text": "路灯不亮", "votes.likes": 2}
                """);
        CollectingSink sink = new CollectingSink();

        ImportReport report = new FileImporter().run(file, ImportOptions.defaults(), sink, ImportProgress.NONE);

        assertThat(report.mapping()).isEqualTo("message-fields");
        assertThat(report.accepted()).isEqualTo(2);
        Message full = sink.get("42");
        assertThat(full.source()).isEqualTo("12345-hotline");
        assertThat(full.channel()).isEqualTo(Channel.HOTLINE);
        assertThat(full.text()).isEqualTo("工地夜间施工\n影响休息");
        assertThat(full.createdAt()).isEqualTo(Instant.parse("2024-05-01T14:10:00Z"));
        assertThat(full.region()).isEqualTo("雁塔区");
        assertThat(full.votes().likes()).isEqualTo(5);
        assertThat(full.votes().against()).isEqualTo(1);
        assertThat(full.reply().agency()).isEqualTo("城管局");
        assertThat(full.reply().time()).isEqualTo(Instant.parse("2024-05-03T01:00:00Z"));
        assertThat(sink.get("43").votes().likes()).isEqualTo(2);
        assertThat(sink.get("43").votes().against()).isZero();
    }

    @Test
    void aMappingRenamesKeysAndReachesIntoNestedObjects() throws IOException {
        Path file = dir.resolve("export.json");
        Files.writeString(file, """
                {"msg": {"no": "A-1", "body": "公交线路太少"}, "stats": {"up": 9}, "when": "2023/1/2 3:04:05"}
                """);
        ColumnMapping mapping = ColumnMapping.parse("""
                source: export
                channel: forum
                fields:
                  id: msg.no
                  text: msg.body
                  votes.likes: stats.up
                  createdAt: when
                dateFormats: ["yyyy/M/d H:mm:ss"]
                """, "export");
        CollectingSink sink = new CollectingSink();

        new FileImporter().run(file, ImportOptions.defaults().withMapping(mapping), sink, ImportProgress.NONE);

        Message message = sink.get("A-1");
        assertThat(message.text()).isEqualTo("公交线路太少");
        assertThat(message.votes().likes()).isEqualTo(9);
        assertThat(message.channel()).isEqualTo(Channel.FORUM);
        assertThat(message.createdAt()).isEqualTo(Instant.parse("2023-01-01T19:04:05Z"));
    }

    /** The JSON parser quotes the token it choked on; the row error shows only that token's shape. */
    @Test
    void aBrokenLineIsReportedWithoutTheValuesItHolds() throws IOException {
        Path file = dir.resolve("messages.jsonl");
        Files.writeString(file, """
                {"id": "1", "text": zhang13812345678}
                {"id": "2", "text": "好", "votes.likes": "１３８１２３４５６７８"}
                """);

        ImportReport report = new FileImporter().run(file, ImportOptions.defaults(), new CollectingSink(),
                ImportProgress.NONE);

        assertThat(report.errors()).hasSize(2).allSatisfy(error -> assertThat(error.problem())
                .doesNotContain("zhang", "13812345678", "１３８１２３４５６７８"));
        assertThat(report.errors().getFirst().problem()).startsWith("not valid JSON").contains("'aaaaa99999999999'");
    }

    @Test
    void brokenLinesAreRowErrorsWithTheirLineNumber() throws IOException {
        Path file = dir.resolve("messages.jsonl");
        Files.writeString(file, """
                {"id": "1", "text": "好的一行"}
                {"id": "2", "text": "没有结尾"
                [1, 2]
                {"id": "4", "text": {"zh": "对象"}}
                {"id": "5", "text": "坏的日期", "createdAt": "2019/13/45"}
                {"id": "6", "text": "错的渠道", "channel": "wechat"}
                {"id": "7", "text": "也好"}
                """);
        CollectingSink sink = new CollectingSink();

        ImportReport report = new FileImporter().run(file, ImportOptions.defaults(), sink, ImportProgress.NONE);

        assertThat(sink.byId).containsOnlyKeys("1", "7");
        assertThat(report.rowsRead()).isEqualTo(7);
        assertThat(report.errors()).extracting(RowError::line).containsExactly(2L, 3L, 4L, 5L, 6L);
        assertThat(report.errors()).extracting(RowError::problem).satisfiesExactly(
                p -> assertThat(p).startsWith("not valid JSON"),
                p -> assertThat(p).contains("expected a JSON object", "ARRAY"),
                p -> assertThat(p).contains("key 'text' holds OBJECT"),
                p -> assertThat(p).contains("bad date '9999/99/99'"),
                p -> assertThat(p).contains("unknown channel 'aaaaaa'"));
    }

    @Test
    void aJsonArrayFileIsRefusedWithAHintInsteadOfOneErrorPerLine() throws IOException {
        Path file = dir.resolve("array.json");
        Files.writeString(file, "[\n  {\"id\": 1, \"text\": \"好\"}\n]\n");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new FileImporter().run(file,
                        ImportOptions.defaults(), new CollectingSink(), ImportProgress.NONE))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("array.json:1 starts a JSON array")
                .hasMessageContaining("jq -c");
    }
}
