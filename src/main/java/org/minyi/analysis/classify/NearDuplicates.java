package org.minyi.analysis.classify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds training documents that are copies of evaluation texts, so an evaluation never sees its own training data.
 *
 * <p>The training file may be segmented with stop words and punctuation removed while the evaluation file is raw,
 * so texts are compared in normalised form (letters and digits only, lower case): a training document is a copy
 * when at least {@value #CONTAINMENT} of its words (of two or more characters) occur in the normalised text of one
 * evaluation message. Removing a few too many only makes the evaluation stricter.
 */
public final class NearDuplicates {

    static final double CONTAINMENT = 0.9;

    /** @param kept training documents that copy no evaluation text; {@code removed} how many did */
    public record Filtered(List<Document> kept, int removed) {
    }

    private NearDuplicates() {
    }

    public static Filtered removeCopiesOf(List<String> evaluationTexts, List<Document> training) {
        // Inverted index: word → training documents holding it, then count hits per document per evaluation text.
        Map<String, List<Integer>> postings = new HashMap<>();
        int[] wordCounts = new int[training.size()];
        for (int d = 0; d < training.size(); d++) {
            Set<String> words = words(training.get(d));
            wordCounts[d] = words.size();
            for (String word : words) {
                postings.computeIfAbsent(word, w -> new ArrayList<>()).add(d);
            }
        }
        boolean[] copy = new boolean[training.size()];
        int[] hits = new int[training.size()];
        for (String text : evaluationTexts) {
            String normalised = TextFeatures.lettersAndDigits(text);
            java.util.Arrays.fill(hits, 0);
            for (Map.Entry<String, List<Integer>> entry : postings.entrySet()) {
                if (normalised.contains(entry.getKey())) {
                    for (int d : entry.getValue()) {
                        hits[d]++;
                    }
                }
            }
            for (int d = 0; d < training.size(); d++) {
                if (wordCounts[d] > 0 && hits[d] >= CONTAINMENT * wordCounts[d]) {
                    copy[d] = true;
                }
            }
        }
        List<Document> kept = new ArrayList<>(training.size());
        for (int d = 0; d < training.size(); d++) {
            if (!copy[d]) {
                kept.add(training.get(d));
            }
        }
        return new Filtered(kept, training.size() - kept.size());
    }

    private static Set<String> words(Document document) {
        Set<String> words = new LinkedHashSet<>();
        for (String token : document.tokens()) {
            String word = TextFeatures.lettersAndDigits(token);
            if (word.length() >= 2) {
                words.add(word);
            }
        }
        return words;
    }
}
