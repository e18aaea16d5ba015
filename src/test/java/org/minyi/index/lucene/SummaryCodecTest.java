package org.minyi.index.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.minyi.analysis.Analysis;
import org.minyi.analysis.Sentiment;
import org.minyi.index.IndexedMessage;
import org.minyi.message.Channel;
import org.minyi.message.Message;
import org.minyi.message.Reply;
import org.minyi.message.Votes;

class SummaryCodecTest {

    @Test
    void aSummaryReadsBackAsTheMessagesSummary() throws Exception {
        Message message = new Message("teddy:1", "board", Channel.BOARD, "小区路灯坏了", "路灯坏了一个月，".repeat(30),
                Instant.parse("2019-08-01T02:00:00Z"), "雨花区", "https://example.org/1", new Votes(3, 1),
                new Reply("已修复", "城管局", Instant.parse("2019-08-03T02:00:00Z")));
        Analysis analysis = new Analysis(List.of("小区", "路灯", "坏", "一个月"), "城乡建设", 0.8, Sentiment.NEGATIVE,
                -0.7, List.of("雨花区"), "雨花区", List.of("城管局"), List.of("路灯"), "请尽快修复", "修路灯",
                message.title(), message.text(), 0x1234_5678_9ABC_DEF0L);
        IndexedMessage indexed = new IndexedMessage(message, analysis);

        assertEquals(indexed.summary(), SummaryCodec.decode(SummaryCodec.encode(indexed)).orElseThrow());
    }

    @Test
    void missingPartsStayMissing() throws Exception {
        Message message = new Message("hotline:9", null, null, null, "噪音扰民", null, null, null, null, null);
        Analysis analysis = new Analysis(List.of(), null, 0, null, 0, List.of(), null, List.of(), List.of(), null, null,
                null, message.text(), 0);
        IndexedMessage indexed = new IndexedMessage(message, analysis);

        assertEquals(indexed.summary(), SummaryCodec.decode(SummaryCodec.encode(indexed)).orElseThrow());
    }

    @Test
    void bytesOfAnotherFormatReadAsAbsent() throws Exception {
        assertTrue(SummaryCodec.decode(new BytesRef("{\"message\":{}}".getBytes(StandardCharsets.UTF_8))).isEmpty());
        assertTrue(SummaryCodec.decode(new BytesRef(new byte[0])).isEmpty());
    }
}
