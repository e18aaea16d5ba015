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
    private static final int SHORT_WORD = 12;

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
        // A word is in a text when one of the text's substrings of its length is that word: look the substrings up
        // (a few thousand per text) rather than search the text for every word (hundreds of thousands). Words longer
        // than SHORT_WORD are rare and searched for.
        java.util.BitSet lengths = new java.util.BitSet();
        List<String> longWords = new ArrayList<>();
        for (String word : postings.keySet()) {
            if (word.length() <= SHORT_WORD) {
                lengths.set(word.length());
            } else {
                longWords.add(word);
            }
        }
        boolean[] copy = new boolean[training.size()];
        int[] hits = new int[training.size()];
        Set<String> found = new java.util.HashSet<>();
        for (String text : evaluationTexts) {
            String normalised = TextFeatures.lettersAndDigits(text);
            java.util.Arrays.fill(hits, 0);
            found.clear();
            for (int start = 0; start < normalised.length(); start++) {
                for (int n = lengths.nextSetBit(0); n >= 0 && start + n <= normalised.length();
                     n = lengths.nextSetBit(n + 1)) {
                    String candidate = normalised.substring(start, start + n);
                    if (postings.containsKey(candidate)) {
                        found.add(candidate);
                    }
                }
            }
            for (String word : longWords) {
                if (normalised.contains(word)) {
                    found.add(word);
                }
            }
            for (String word : found) {
                for (int d : postings.get(word)) {
                    hits[d]++;
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
