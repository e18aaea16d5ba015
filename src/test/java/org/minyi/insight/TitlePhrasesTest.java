package org.minyi.insight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.minyi.analysis.Analysis;
import org.minyi.analysis.Sentiment;
import org.minyi.index.IndexedMessage;
import org.minyi.message.Channel;
import org.minyi.message.Message;

class TitlePhrasesTest {

    private final TitlePhrases phrases = new TitlePhrases(Set.of("A2区", "A市"));

    @Test
    void aLabelIsThePlaceThenSharedPhrasesOfWholeWords() {
        // the segmenter's words: 暮云街道 | 枫林路 | 工地 | 夜间 | 施工 | 噪音 | 扰民 (的 and 严重 dropped or not shared)
        List<IndexedMessage> members = List.of(
                titled("a", "A2区暮云街道枫林路工地夜间施工噪音扰民",
                        List.of("A2区", "暮云街道", "枫林路", "工地", "夜间", "施工", "噪音", "扰民")),
                titled("b", "枫林路工地夜间施工噪音严重",
                        List.of("枫林路", "工地", "夜间", "施工", "噪音", "严重")),
                titled("c", "投诉暮云街道枫林路工地的夜间施工噪音",
                        List.of("投诉", "暮云街道", "枫林路", "工地", "夜间", "施工", "噪音")));

        String label = phrases.label(members, List.of("暮云街道", "枫林路"), List.of("噪音", "施工"));

        assertTrue(label.startsWith("暮云街道 "), label);
        assertTrue(label.contains("枫林路工地"), label);
        for (String part : label.split(" ")) {
            // every part begins and ends where a word of every title it came from begins and ends
            assertFalse(part.startsWith("云街道") || part.startsWith("地") || part.endsWith("扰"), label);
            assertFalse(part.contains("A2区") || part.contains("的"), label);
        }
    }

    @Test
    void anUnknownNameBetweenWordsIsFoundWholeAndNoPlaceOnlyTheTextsNameLeadsTheLabel() {
        // 苑 is a single character the segmenter left out: the name 伊景园滨河苑 is still found whole
        List<IndexedMessage> members = List.of(
                titled("a", "投诉伊景园滨河苑捆绑销售车位", List.of("投诉", "伊景园", "滨河", "捆绑", "销售", "车位")),
                titled("b", "伊景园滨河苑捆绑车位合法吗", List.of("伊景园", "滨河", "捆绑", "车位", "合法")),
                titled("c", "坚决反对伊景园滨河苑强制购买车位",
                        List.of("坚决", "反对", "伊景园", "滨河", "强制", "购买", "车位")));

        String label = phrases.label(members, List.of("广州"), List.of("车位"));

        assertTrue(label.startsWith("伊景园滨河苑 "), label);
        assertFalse(label.contains("广州"), "a place named in no title is no label: " + label);
    }

    @Test
    void aKeywordWrittenOnlyAsTheStartOfAStreetNameStandsForTheWholeName() {
        // the segmenter does not know 桂花路: 桂花 | 路 | 路灯; the label must not show the cut 桂花
        List<IndexedMessage> members = List.of(
                titled("a", "A3区桂花路路灯不亮", List.of("A3区", "桂花", "路", "路灯", "不", "亮")),
                titled("b", "A3区路灯又坏了", List.of("A3区", "路灯", "又", "坏")));

        String label = phrases.label(members, List.of("A市"), List.of("修复", "桂花"));

        // 路灯 alone is one part, so a keyword one title says follows it, whole
        assertEquals("路灯 桂花路", label);
        assertFalse(List.of(label.split(" ")).contains("桂花"), label);
        assertEquals("修复", TitlePhrases.wholeName("修复", List.of(
                titled("d", "请修复路灯", List.of("请", "修复", "路灯")))), "修复 | 路灯 is no street");
        assertEquals("桂花", TitlePhrases.wholeName("桂花", List.of(
                titled("c", "桂花路的桂花开了", List.of("桂花", "路", "桂花")))), "written alone too: a word of its own");
    }

    @Test
    void aTitlePhraseHoldingThePlaceIsItsWholeName() {
        // the recogniser found only 南山 of the estate 南山十里天池
        List<IndexedMessage> members = List.of(
                titled("a", "A市南山十里天池门前有土堆", List.of("A市", "南山", "十里", "天池", "门前", "土堆")),
                titled("b", "南山十里天池小区正门没有路", List.of("南山", "十里", "天池", "小区", "正门", "没有", "路")),
                titled("c", "投诉南山十里天池开发商", List.of("投诉", "南山", "十里", "天池", "开发商")));

        String label = phrases.label(members, List.of("南山"), List.of());

        assertTrue(label.startsWith("南山十里天池"), label);
        assertFalse(List.of(label.split(" ")).contains("南山"), label);
    }

    @Test
    void phrasesThatArePiecesOfOneRunOfTitleWordsGiveOnePart() {
        assertTrue(TitlePhrases.overlaps("普惠投资有限公司涉嫌诈骗", "投资有限公司涉嫌诈骗巨额"));
        assertTrue(TitlePhrases.overlaps("绿地海外滩二期", "绿地海外滩小区"));
        assertFalse(TitlePhrases.overlaps("夜间施工", "施工噪音"), "two characters shared are two words");
    }

    @Test
    void aKeywordOnlyTheTextsSayIsNoPartOfTheLabel() {
        List<IndexedMessage> members = List.of(
                titled("a", "魅力之城小区夜宵摊油烟扰民", List.of("魅力之城", "小区", "夜宵摊", "油烟", "扰民")),
                titled("b", "魅力之城小区油烟扰民严重", List.of("魅力之城", "小区", "油烟", "扰民", "严重")));

        String label = phrases.label(members, List.of(), List.of("局长", "12345热线", "油烟"));

        assertFalse(label.contains("局长") || label.contains("12345热线"), label);
        assertTrue(label.contains("油烟"), label);
    }

    private static IndexedMessage titled(String id, String title, List<String> tokens) {
        Message message = new Message(id, "test", Channel.BOARD, title, "正文", Instant.parse("2019-08-01T02:00:00Z"),
                "A2区", null, null, null);
        Analysis analysis = new Analysis(tokens, "城乡建设", 0.9, Sentiment.NEGATIVE, -0.5, List.of(), "A2区",
                List.of(), tokens, null, null, title, "正文", 1L);
        return new IndexedMessage(message, analysis);
    }
}
