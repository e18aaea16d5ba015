package org.minyi.collect.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minyi.message.Channel;

class ColumnMappingTest {

    @TempDir
    Path dir;

    @Test
    void loadsAMappingFileNamedAfterTheFile() throws IOException {
        Path file = dir.resolve("city-board.yaml");
        Files.writeString(file, """
                source: city-board
                channel: board
                header: true
                fields:
                  id: 留言编号
                  text: 留言详情
                  votes.likes: 点赞数
                  reply.agency: 答复机构
                dateFormats: ["yyyy/M/d H:mm:ss"]
                zone: Asia/Urumqi
                """);

        ColumnMapping mapping = ColumnMapping.load(file);

        assertThat(mapping.name()).isEqualTo("city-board");
        assertThat(mapping.channel()).isEqualTo(Channel.BOARD);
        assertThat(mapping.column(MessageField.VOTES_LIKES)).isEqualTo("点赞数");
        assertThat(mapping.column(MessageField.REPLY_AGENCY)).isEqualTo("答复机构");
        assertThat(mapping.column(MessageField.TITLE)).isNull();
        assertThat(mapping.zone()).isEqualTo(ZoneId.of("Asia/Urumqi"));
    }

    @Test
    void anUnknownFieldIsAnErrorNamingItAndTheKnownFields() {
        assertThatThrownBy(() -> ColumnMapping.parse("fields:\n  text: 详情\n  vote.likes: 点赞数\n", "typo"))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("mapping typo: unknown field(s) [vote.likes]")
                .hasMessageContaining("votes.likes");
    }

    @Test
    void anUnknownTopLevelKeyIsAnErrorToo() {
        assertThatThrownBy(() -> ColumnMapping.parse("fields:\n  text: 详情\ntimezone: UTC\n", "typo"))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("unknown key(s) [timezone]");
    }

    @Test
    void aMappingWithoutTextIsRejected() {
        assertThatThrownBy(() -> ColumnMapping.parse("fields:\n  id: 编号\n", "no-text"))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("fields must include text");
    }

    @Test
    void withoutAHeaderColumnsMustBeIndexes() {
        assertThatThrownBy(() -> ColumnMapping.parse("header: false\nfields:\n  text: 详情\n", "headerless"))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("0-based column index, not '详情'");
        assertThat(ColumnMapping.parse("header: false\nfields:\n  text: 0\n", "ok").column(MessageField.TEXT))
                .isEqualTo("0");
    }

    @Test
    void badDateFormatsZonesAndChannelsAreNamed() {
        assertThatThrownBy(() -> ColumnMapping.parse("fields: {text: a}\ndateFormats: [\"yyyy-MM-dd bbb\"]\n", "m"))
                .hasMessageContaining("bad date format 'yyyy-MM-dd bbb'");
        assertThatThrownBy(() -> ColumnMapping.parse("fields: {text: a}\nzone: Mars/Olympus\n", "m"))
                .hasMessageContaining("bad zone 'Mars/Olympus'");
        assertThatThrownBy(() -> ColumnMapping.parse("fields: {text: a}\nchannel: wechat\n", "m"))
                .hasMessageContaining("unknown channel 'wechat'");
    }

    @Test
    void everyBuiltInMappingLoads() {
        assertThat(ColumnMapping.builtIns()).extracting(ColumnMapping::name).containsExactly(
                "teddy2020-with-votes", "teddy2020-with-replies", "teddy2020-labeled", "teddy2020-segmented",
                "shangluo-mayor-mailbox", "hotline-12345", "minyi-export");
        assertThat(ColumnMapping.builtIn("teddy2020-with-votes").column(MessageField.VOTES_AGAINST))
                .isEqualTo("反对数");
    }
}
