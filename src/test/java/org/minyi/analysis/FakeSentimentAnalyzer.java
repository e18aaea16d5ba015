package org.minyi.analysis;

import java.util.List;
import java.util.Set;

/**
 * A tiny honest stand-in for the real sentiment model: ± one per cue word, flipped when a negation word stands
 * right before it; the sum squashed into −1..1.
 */
final class FakeSentimentAnalyzer implements SentimentAnalyzer {

    private static final Set<String> POSITIVE = Set.of("感谢", "满意", "好", "支持", "及时", "方便");
    private static final Set<String> NEGATIVE = Set.of("投诉", "扰民", "严重", "拖欠", "骗", "难", "差", "违法", "污染");
    private static final Set<String> NEGATIONS = Set.of("不", "没", "没有", "未", "无");

    @Override
    public SentimentPrediction score(List<String> words, String text) {
        int sum = 0;
        for (int i = 0; i < words.size(); i++) {
            int polarity = POSITIVE.contains(words.get(i)) ? 1 : NEGATIVE.contains(words.get(i)) ? -1 : 0;
            if (polarity != 0 && i > 0 && NEGATIONS.contains(words.get(i - 1))) {
                polarity = -polarity;
            }
            sum += polarity;
        }
        double score = Math.tanh(sum / 3.0);
        Sentiment label = score > 0.2 ? Sentiment.POSITIVE : score < -0.2 ? Sentiment.NEGATIVE : Sentiment.NEUTRAL;
        return new SentimentPrediction(label, score);
    }
}
