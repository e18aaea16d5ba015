package org.minyi.analysis;

import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * TextRank keywords over the terms the pipeline already has, so the text is not segmented a second time (HanLP's
 * TextRankKeyword would). Candidates are content words of two or more characters that are nouns, verbs, adjectives
 * or idioms; numbers, person names and PII placeholders never become keywords.
 */
final class KeywordExtractor {

    private static final int WINDOW = 5;
    private static final int MAX_ITERATIONS = 30;
    private static final double DAMPING = 0.85;
    private static final double CONVERGED = 1e-3;

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
        int[][] adjacent = adjacency(seq, n);
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

    /** Undirected co-occurrence graph within the window, as neighbour lists without duplicates. */
    private static int[][] adjacency(int[] seq, int n) {
        int[][] adjacent = new int[n][4];
        int[] degree = new int[n];
        for (int i = 0; i < seq.length; i++) {
            for (int j = i + 1; j < Math.min(seq.length, i + WINDOW); j++) {
                if (seq[i] != seq[j] && !contains(adjacent[seq[i]], degree[seq[i]], seq[j])) {
                    adjacent[seq[i]] = append(adjacent[seq[i]], degree[seq[i]]++, seq[j]);
                    adjacent[seq[j]] = append(adjacent[seq[j]], degree[seq[j]]++, seq[i]);
                }
            }
        }
        for (int v = 0; v < n; v++) {
            adjacent[v] = Arrays.copyOf(adjacent[v], degree[v]);
        }
        return adjacent;
    }

    private static boolean contains(int[] list, int size, int value) {
        for (int i = 0; i < size; i++) {
            if (list[i] == value) {
                return true;
            }
        }
        return false;
    }

    private static int[] append(int[] list, int size, int value) {
        int[] grown = size < list.length ? list : Arrays.copyOf(list, list.length * 2);
        grown[size] = value;
        return grown;
    }

    private static boolean isNumber(String word) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (!Character.isDigit(c) && c != '.' && c != '%') {
                return false;
            }
        }
        return true;
    }

    private boolean isCandidate(Term term) {
        if (term.word.length() < 2 || term.nature == null || term.nature.startsWith("nr") || isNumber(term.word)
                || !segmenter.isContent(term)) {
            return false;
        }
        char kind = term.nature.toString().charAt(0);
        return kind == 'n' || kind == 'v' || kind == 'a' || kind == 'i' || kind == 'g' || kind == 'l';
    }
}
