package org.minyi.analysis;

import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * TextRank keywords over the terms the pipeline already has, so the text is not segmented a second time (HanLP's
 * TextRankKeyword would). Candidates are content words of two or more characters that are nouns, verbs, adjectives
 * or idioms; numbers, person names and PII placeholders never become keywords.
 */
final class KeywordExtractor {

    private static final int WINDOW = 5;
    private static final int MAX_ITERATIONS = 50;
    private static final double DAMPING = 0.85;
    private static final double CONVERGED = 1e-4;

    private final Segmenter segmenter;
    private final int limit;

    KeywordExtractor(Segmenter segmenter, int limit) {
        this.segmenter = segmenter;
        this.limit = limit;
    }

    List<String> extract(List<Term> terms) {
        List<String> sequence = new ArrayList<>();
        for (Term term : terms) {
            if (isCandidate(term)) {
                sequence.add(term.word);
            }
        }
        // Vertex ids in order of first occurrence: ties are broken by position, so the result is deterministic.
        Map<String, Integer> ids = new LinkedHashMap<>();
        int[] seq = new int[sequence.size()];
        for (int i = 0; i < seq.length; i++) {
            seq[i] = ids.computeIfAbsent(sequence.get(i), w -> ids.size());
        }
        int n = ids.size();
        if (n == 0) {
            return List.of();
        }
        List<Set<Integer>> neighbours = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            neighbours.add(new LinkedHashSet<>());
        }
        for (int i = 0; i < seq.length; i++) {
            for (int j = i + 1; j < Math.min(seq.length, i + WINDOW); j++) {
                if (seq[i] != seq[j]) {
                    neighbours.get(seq[i]).add(seq[j]);
                    neighbours.get(seq[j]).add(seq[i]);
                }
            }
        }
        int[][] adjacent = new int[n][];
        for (int a = 0; a < n; a++) {
            adjacent[a] = neighbours.get(a).stream().mapToInt(Integer::intValue).toArray();
        }
        double[] score = new double[n];
        Arrays.fill(score, 1.0);
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[] next = new double[n];
            double change = 0;
            for (int a = 0; a < n; a++) {
                double sum = 0;
                for (int b : adjacent[a]) {
                    sum += score[b] / adjacent[b].length;
                }
                next[a] = (1 - DAMPING) + DAMPING * sum;
                change = Math.max(change, Math.abs(next[a] - score[a]));
            }
            score = next;
            if (change < CONVERGED) {
                break;
            }
        }
        List<String> words = new ArrayList<>(ids.keySet());
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        final double[] finalScore = score;
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -finalScore[i]).thenComparingInt(i -> i));
        List<String> keywords = new ArrayList<>(Math.min(limit, n));
        for (int i = 0; i < Math.min(limit, n); i++) {
            keywords.add(words.get(order[i]));
        }
        return keywords;
    }

    private boolean isCandidate(Term term) {
        if (term.word.length() < 2 || !segmenter.isContent(term) || term.nature.startsWith("nr")
                || term.word.chars().allMatch(c -> Character.isDigit(c) || c == '.' || c == '%')) {
            return false;
        }
        char kind = term.nature.toString().charAt(0);
        return kind == 'n' || kind == 'v' || kind == 'a' || kind == 'i' || kind == 'g' || kind == 'l';
    }
}
