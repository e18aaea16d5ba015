package org.minyi.analysis.classify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/** Seeded k-fold cross-validation: every document is predicted once by a model that did not see it. */
public final class CrossValidation {

    private CrossValidation() {
    }

    /** Fold (0..k-1) of each document: a seeded shuffle dealt round-robin, so folds differ in size by one at most. */
    public static int[] folds(int size, int k, long seed) {
        if (k < 2 || k > size) {
            throw new IllegalArgumentException("cannot make " + k + " folds of " + size + " documents");
        }
        List<Integer> order = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(seed));
        int[] fold = new int[size];
        for (int position = 0; position < size; position++) {
            fold[order.get(position)] = position % k;
        }
        return fold;
    }

    /** Pools the held-out predictions of all folds into one evaluation. */
    public static Evaluation run(List<Document> documents, int k, long seed,
                                 Function<List<Document>, ? extends Predictor> train) {
        int[] fold = folds(documents.size(), k, seed);
        List<String> gold = new ArrayList<>();
        List<String> predicted = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            List<Document> training = new ArrayList<>();
            List<Document> held = new ArrayList<>();
            for (int d = 0; d < documents.size(); d++) {
                (fold[d] == f ? held : training).add(documents.get(d));
            }
            Predictor predictor = train.apply(training);
            for (Document document : held) {
                gold.add(document.label());
                predicted.add(predictor.predict(document));
            }
        }
        return Evaluation.of(gold, predicted);
    }

    /** Whatever a fold trained: gives a label to a held-out document. */
    @FunctionalInterface
    public interface Predictor {
        String predict(Document document);
    }
}
