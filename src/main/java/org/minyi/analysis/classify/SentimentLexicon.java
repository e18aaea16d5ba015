package org.minyi.analysis.classify;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Polarity words, negations and degree adverbs, and the features a sentiment model derives from them.
 *
 * <p>Built at training time from HowNet (pos, neg, deny, extreme, very, more, ish) and the DUTIR emotion ontology
 * (polarity 1 positive, 2 negative, strength 1..9), plus {@code notDict.txt}; only the derived word weights travel
 * inside the model file (the lexicons are for academic use: see the model card). A polarity word's weight is
 * multiplied by the degree adverbs and flipped by each negation among the (at most three) words before it.
 */
final class SentimentLexicon {

    static final int DENSE_FEATURES = 4;
    static final String NEGATED_PREFIX = "¬";
    private static final int WINDOW = 3;

    private final Map<String, Float> polarity;
    private final Set<String> negations;
    private final Map<String, Float> degrees;

    SentimentLexicon(Map<String, Float> polarity, Set<String> negations, Map<String, Float> degrees) {
        this.polarity = polarity;
        this.negations = negations;
        this.degrees = degrees;
    }

    /** What the lexicon makes of a text: dense features and extra tokens marking negated polarity words. */
    record Reading(double[] dense, List<String> negatedWords, double positive, double negative) {
        /** The lexicon's own polarity in −1..1: (positive − negative) / (positive + negative + 1). */
        double score() {
            return dense[2];
        }
    }

    /**
     * @param domainCues optional file of {@code word weight} lines (# comments) that override the lexicons: a
     *                   negative weight for a domain's complaint cue, 0 to drop a word's polarity; null for none
     */
    static SentimentLexicon load(Path folder, Path domainCues) {
        Path hownet = folder.resolve("hownet");
        Map<String, Float> polarity = new HashMap<>();
        Set<String> hownetPositive = new HashSet<>(words(hownet.resolve("pos.txt")));
        Set<String> hownetNegative = new HashSet<>(words(hownet.resolve("neg.txt")));
        for (String word : hownetPositive) {
            if (!hownetNegative.contains(word)) {
                polarity.put(word, 1f);
            }
        }
        for (String word : hownetNegative) {
            if (!hownetPositive.contains(word)) {
                polarity.put(word, -1f);
            }
        }
        Path dutir = folder.resolve("dutir").resolve("dutir-ontology.csv");
        List<String> rows = lines(dutir);
        for (String line : rows.subList(Math.min(1, rows.size()), rows.size())) { // first row: header
            String[] cells = line.split(",", -1);
            if (cells.length < 7 || cells[0].isBlank()) {
                continue;
            }
            String word = cells[0].strip();
            int strength;
            try {
                strength = Integer.parseInt(cells[5].strip());
            } catch (NumberFormatException e) {
                continue; // a few rows carry no strength
            }
            float weight = 0.5f + Math.min(9, Math.max(1, strength)) / 18f;
            switch (cells[6].strip()) {
                case "1" -> polarity.putIfAbsent(word, weight);
                case "2" -> polarity.putIfAbsent(word, -weight);
                default -> { } // neutral or both: no polarity
            }
        }
        Set<String> negations = new HashSet<>(words(hownet.resolve("deny.txt")));
        negations.addAll(words(folder.resolve("notDict.txt")));
        Map<String, Float> degrees = new HashMap<>();
        degree(degrees, hownet.resolve("ish.txt"), 0.5f);
        degree(degrees, hownet.resolve("more.txt"), 1.25f);
        degree(degrees, hownet.resolve("very.txt"), 1.5f);
        degree(degrees, hownet.resolve("extreme.txt"), 2f);
        negations.forEach(polarity::remove);
        degrees.keySet().forEach(polarity::remove);
        if (domainCues != null) {
            List<String> cueLines = lines(domainCues);
            for (int i = 0; i < cueLines.size(); i++) {
                String line = cueLines.get(i).replace("\uFEFF", "").strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\\s+");
                float weight;
                try {
                    weight = parts.length == 2 ? Float.parseFloat(parts[1]) : Float.NaN;
                } catch (NumberFormatException e) {
                    weight = Float.NaN;
                }
                if (Float.isNaN(weight)) {
                    throw new IllegalArgumentException(domainCues + ":" + (i + 1) + ": expected 'word weight', got '"
                            + line + "'");
                }
                if (weight == 0) {
                    polarity.remove(parts[0]);
                } else {
                    polarity.put(parts[0], weight);
                }
            }
        }
        return new SentimentLexicon(polarity, negations, degrees);
    }

    Reading read(List<String> words) {
        double positive = 0;
        double negative = 0;
        int negatedCount = 0;
        List<String> negated = new ArrayList<>();
        int lastHit = -1;
        for (int i = 0; i < words.size(); i++) {
            Float weight = polarity.get(words.get(i));
            if (weight == null) {
                continue;
            }
            double value = weight;
            boolean flipped = false;
            for (int j = Math.max(lastHit + 1, i - WINDOW); j < i; j++) {
                String before = words.get(j);
                if (negations.contains(before)) {
                    value = -value;
                    flipped = !flipped;
                } else {
                    Float degree = degrees.get(before);
                    if (degree != null) {
                        value *= degree;
                    }
                }
            }
            if (flipped) {
                negatedCount++;
                negated.add(NEGATED_PREFIX + words.get(i));
            }
            if (value > 0) {
                positive += value;
            } else {
                negative -= value;
            }
            lastHit = i;
        }
        double[] dense = {
            Math.log1p(positive),
            Math.log1p(negative),
            (positive - negative) / (positive + negative + 1),
            Math.log1p(negatedCount)
        };
        return new Reading(dense, negated, positive, negative);
    }

    int size() {
        return polarity.size();
    }

    void write(DataOutputStream out) throws IOException {
        Map<String, Float> sortedPolarity = new TreeMap<>(polarity); // sorted: same lexicon, same bytes
        out.writeInt(sortedPolarity.size());
        for (Map.Entry<String, Float> e : sortedPolarity.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeFloat(e.getValue());
        }
        Set<String> sortedNegations = new TreeSet<>(negations);
        out.writeInt(sortedNegations.size());
        for (String negation : sortedNegations) {
            out.writeUTF(negation);
        }
        Map<String, Float> sortedDegrees = new TreeMap<>(degrees);
        out.writeInt(sortedDegrees.size());
        for (Map.Entry<String, Float> e : sortedDegrees.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeFloat(e.getValue());
        }
    }

    static SentimentLexicon read(DataInputStream in) throws IOException {
        Map<String, Float> polarity = new HashMap<>();
        for (int i = count(in); i > 0; i--) {
            polarity.put(in.readUTF(), in.readFloat());
        }
        Set<String> negations = new HashSet<>();
        for (int i = count(in); i > 0; i--) {
            negations.add(in.readUTF());
        }
        Map<String, Float> degrees = new HashMap<>();
        for (int i = count(in); i > 0; i--) {
            degrees.put(in.readUTF(), in.readFloat());
        }
        return new SentimentLexicon(polarity, negations, degrees);
    }

    private static int count(DataInputStream in) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > 5_000_000) {
            throw new IOException("implausible lexicon size " + count);
        }
        return count;
    }

    private static void degree(Map<String, Float> degrees, Path file, float multiplier) {
        for (String word : words(file)) {
            degrees.put(word, multiplier);
        }
    }

    private static List<String> words(Path file) {
        List<String> words = new ArrayList<>();
        for (String line : lines(file)) {
            String word = line.replace("\uFEFF", "").strip();
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    private static List<String> lines(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("sentiment lexicon file missing: " + file
                    + " (expected HowNet, DUTIR and notDict.txt under the lexicon folder)");
        }
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read lexicon file " + file, e);
        }
    }
}
