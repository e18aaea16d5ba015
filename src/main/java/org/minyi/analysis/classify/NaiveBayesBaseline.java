package org.minyi.analysis.classify;

import com.hankcs.hanlp.classification.classifiers.NaiveBayesClassifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * HanLP's own naive Bayes text classifier (its default tokenizer and chi-square feature selection), trained on the
 * same documents as our model: the baseline every figure is compared with.
 */
public final class NaiveBayesBaseline implements CrossValidation.Predictor {

    private final NaiveBayesClassifier classifier;

    private NaiveBayesBaseline(NaiveBayesClassifier classifier) {
        this.classifier = classifier;
    }

    /** Trains on the documents' text (HanLP segments it itself). */
    public static NaiveBayesBaseline train(List<Document> documents) {
        Map<String, List<String>> byLabel = new LinkedHashMap<>();
        for (Document document : documents) {
            byLabel.computeIfAbsent(document.label(), l -> new ArrayList<>()).add(document.text());
        }
        Map<String, String[]> corpus = new LinkedHashMap<>();
        byLabel.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> corpus.put(e.getKey(), e.getValue().toArray(String[]::new)));
        NaiveBayesClassifier classifier = new NaiveBayesClassifier();
        java.io.PrintStream out = System.out;
        try {
            System.setOut(new java.io.PrintStream(java.io.OutputStream.nullOutputStream())); // HanLP logs progress
            classifier.train(corpus);
        } finally {
            System.setOut(out);
        }
        return new NaiveBayesBaseline(classifier);
    }

    public String classify(String text) {
        return classifier.classify(text);
    }

    @Override
    public String predict(Document document) {
        return classify(document.text());
    }
}
