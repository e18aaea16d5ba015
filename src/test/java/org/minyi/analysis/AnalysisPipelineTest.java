package org.minyi.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hankcs.hanlp.dictionary.stopword.CoreStopWordDictionary;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.minyi.message.Message;

class AnalysisPipelineTest {

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final List<String> PLACEHOLDERS = List.of(PiiMasker.MOBILE, PiiMasker.LANDLINE,
            PiiMasker.ID_NUMBER, PiiMasker.BANK_CARD, PiiMasker.EMAIL);

    private final AnalysisPipeline pipeline = Pipelines.shared();

    @Test
    void personalDataReachesNoPartOfTheAnalysisNorTheClassifiers() {
        List<String> seenByTopics = new ArrayList<>();
        List<String> seenBySentiment = new ArrayList<>();
        AnalysisPipeline recording = AnalysisPipeline.create(pipeline.segmenter(),
                (tokens, text) -> {
                    seenByTopics.addAll(tokens);
                    seenByTopics.add(text);
                    return new TopicPrediction("城乡建设", 1);
                },
                (words, text) -> {
                    seenBySentiment.addAll(words);
                    seenBySentiment.add(text);
                    return new SentimentPrediction(Sentiment.NEGATIVE, -0.5);
                });
        Analysis a = recording.analyze("业主13812345678投诉",
                "我是业主，身份证11010519491231002X，电话0731-84567890，邮箱zhang@qq.com。请物业尽快修复电梯，回电13812345678。");

        String everything = String.join("|", a.tokens()) + a.keywords() + a.demand() + a.demandKey()
                + a.maskedTitle() + a.maskedText() + a.places() + a.departments()
                + seenByTopics + seenBySentiment;
        for (String secret : List.of("13812345678", "11010519491231002X", "84567890", "zhang@qq.com")) {
            assertFalse(everything.contains(secret), secret + " leaked: " + everything);
        }
        assertEquals("业主【手机号】投诉", a.maskedTitle());
        assertFalse(a.tokens().stream().anyMatch(t -> t.contains("手机号") || t.contains("【")), a.tokens().toString());
        assertEquals("城乡建设", a.topic());
        assertEquals(Sentiment.NEGATIVE, a.sentiment());
    }

    @Test
    void topicGetsContentWordsAndSentimentGetsAllWordsWithNegations() {
        List<List<String>> topicInput = new ArrayList<>();
        List<List<String>> sentimentInput = new ArrayList<>();
        AnalysisPipeline recording = AnalysisPipeline.create(pipeline.segmenter(),
                (tokens, text) -> {
                    topicInput.add(tokens);
                    return new TopicPrediction("其他", 0);
                },
                (words, text) -> {
                    sentimentInput.add(words);
                    return new SentimentPrediction(Sentiment.NEUTRAL, 0);
                });
        Analysis a = recording.analyze(null, "我们小区的路灯一直不亮，物业也不管。");
        assertEquals(a.tokens(), topicInput.get(0));
        assertTrue(sentimentInput.get(0).contains("不"), sentimentInput.get(0).toString());
        assertFalse(topicInput.get(0).contains("的"));
        assertTrue(sentimentInput.get(0).contains("的"));
    }

    @Test
    void realMessagesGiveWellFormedAnalyses() {
        for (Message m : RealMessages.labeled()) {
            Analysis a = pipeline.analyze(m);
            String id = m.id();
            assertFalse(a.tokens().isEmpty(), id);
            assertNotEquals(0L, a.simhash(), id);
            assertFalse(MOBILE.matcher(a.maskedText()).find(), id + ": unmasked mobile number");
            assertTrue(a.keywords().size() <= KeywordStep.KEYWORDS, id);
            for (String keyword : a.keywords()) {
                assertTrue(keyword.length() >= 2, id + ": " + keyword);
                assertFalse(keyword.chars().allMatch(Character::isDigit), id + ": " + keyword);
                assertFalse(PLACEHOLDERS.contains(keyword) || keyword.contains("【"), id + ": placeholder " + keyword);
                assertFalse(CoreStopWordDictionary.contains(keyword), id + ": stop word " + keyword);
                assertTrue(a.tokens().contains(keyword), id + ": keyword not a token " + keyword);
            }
            for (String token : a.tokens()) {
                assertFalse(pipeline.segmenter().dictionary().isStopWord(token), id + ": stop word " + token);
                assertFalse(token.isBlank(), id);
            }
            assertEquals(a.places().size(), a.places().stream().distinct().count(), id);
            assertEquals(a.departments().size(), a.departments().stream().distinct().count(), id);
            assertTrue(a.region() == null || a.places().contains(a.region()), id);
        }
    }

    @Test
    void keywordsOfARealMessageNameWhatItIsAbout() {
        // 161201: "首套房为什么不能将商业贷款转为公积金贷款？"
        Analysis a = pipeline.analyze(RealMessages.byId(RealMessages.labeled(), "161201"));
        assertTrue(a.keywords().stream().anyMatch(k -> k.contains("公积金")), a.keywords().toString());
    }

    @Test
    void sourceRegionStandsInWhenTheTextNamesNone() {
        Message m = new Message("sl-1", "shangluo", null, "路灯不亮", "我家门口的路灯坏了一个月。", null, "洛南县", null,
                null, null);
        assertEquals("洛南县", pipeline.analyze(m).region());
        assertNull(pipeline.analyze(m.title(), m.text()).region());
    }

    @Test
    void textNamedRegionWinsOverTheSourceRegion() {
        Message m = new Message("sl-2", "shangluo", null, null, "丹凤县城区的路灯坏了。", null, "洛南县", null, null, null);
        assertEquals("丹凤县", pipeline.analyze(m).region());
    }

    @Test
    void messageWithoutTextIsRejectedWithItsMaskedTitle() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> pipeline.analyze("回电13812345678", " "));
        assertTrue(e.getMessage().contains("without text"), e.getMessage());
        assertFalse(e.getMessage().contains("13812345678"), e.getMessage());
    }

    @Test
    void createRequiresAllParts() {
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> AnalysisPipeline.create(pipeline.segmenter(), null, new FakeSentimentAnalyzer()));
        assertTrue(e.getMessage().contains("topic"), e.getMessage());
    }
}
