package org.minyi.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.minyi.analysis.Segmenter;
import org.minyi.analysis.classify.CrossValidation;
import org.minyi.analysis.classify.Document;
import org.minyi.analysis.classify.EncoderTopicModel;
import org.minyi.analysis.classify.Evaluation;
import org.minyi.analysis.classify.LabelledMessages;
import org.minyi.analysis.classify.ModelParameters;
import org.minyi.analysis.classify.SoftmaxRegression;
import org.minyi.analysis.classify.TopicEncoderTraining;
import org.minyi.analysis.classify.TopicEncoderTraining.Examples;
import org.minyi.analysis.classify.TopicFeatures;
import org.minyi.analysis.classify.TopicModel;

/** An experiment kept for the record: does averaging with an n-gram model of the same rows help? Reports only. */
final class NgramEnsembleExperiment {

    private NgramEnsembleExperiment() {
    }

    static void report(EncoderTrainingOptions.Split split, float[][] heldX, float[][] trainX, Examples hand,
                       Examples extra, List<Document> teddyRows, TopicFeatures features,
                       SoftmaxRegression.Settings settings, EncoderTrainingOptions options, Segmenter segmenter) {
        List<LabelledMessages> train = split.training();
        List<Document> handDocs = new ArrayList<>();
        for (String text : EncoderTrainingOptions.texts(train)) {
            handDocs.add(new Document("", segmenter.contentWords(text), text));
        }
        int[] fold = CrossValidation.folds(train.size(), options.folds, options.seed);
        List<double[]> pe = new ArrayList<>();
        List<double[]> pn = new ArrayList<>();
        List<String> gold = new ArrayList<>();
        List<String> classes = null;
        for (int f = 0; f < options.folds; f++) {
            List<Integer> tr = new ArrayList<>();
            List<Integer> he = new ArrayList<>();
            for (int i = 0; i < train.size(); i++) {
                (fold[i] == f ? he : tr).add(i);
            }
            List<float[]> x = new ArrayList<>();
            List<String> y = new ArrayList<>();
            List<Document> docs = new ArrayList<>(teddyRows);
            for (int i : tr) {
                x.add(trainX[i]);
                y.add(train.get(i).topic());
                Document d = handDocs.get(i);
                docs.add(new Document(train.get(i).topic(), d.tokens(), d.text()));
            }
            Examples fx = Examples.uniform(x.toArray(float[][]::new), y, 1).plus(extra);
            EncoderTopicModel enc = EncoderTopicModel.train(fx.x(), features, fx.labels(), fx.weight(), settings, 0,
                    Map.of());
            classes = enc.labels();
            TopicModel ng = TopicModel.train(docs, ModelParameters.TOPIC_DEFAULTS, Map.of());
            for (int i : he) {
                pe.add(enc.probabilities(trainX[i]));
                pn.add(ordered(ng, classes, handDocs.get(i)));
                gold.add(train.get(i).topic());
            }
            System.err.printf("  ensemble fold %d/%d%n", f + 1, options.folds);
        }
        double bestA = 1;
        double bestT = 0;
        double bestF1 = -1;
        for (double a = 0; a <= 1.0001; a += 0.1) {
            List<double[]> mix = mix(pe, pn, a);
            for (double t = 0; t <= 0.6; t += 0.025) {
                double f1 = Evaluation.of(gold, answers(mix, classes, t)).macroF1();
                if (f1 > bestF1) {
                    bestF1 = f1;
                    bestA = a;
                    bestT = t;
                }
            }
        }
        System.out.printf("%n== n-gram ensemble experiment: best out-of-fold macro-F1 %.4f at encoder weight %.1f,"
                + " abstention %.3f%n", bestF1, bestA, bestT);
        List<float[]> x = new ArrayList<>(List.of(trainX));
        List<Document> docs = new ArrayList<>(teddyRows);
        for (int i = 0; i < train.size(); i++) {
            Document d = handDocs.get(i);
            docs.add(new Document(train.get(i).topic(), d.tokens(), d.text()));
        }
        Examples all = hand.plus(extra);
        EncoderTopicModel enc = EncoderTopicModel.train(all.x(), features, all.labels(), all.weight(), settings, 0,
                Map.of());
        TopicModel ng = TopicModel.train(docs, ModelParameters.TOPIC_DEFAULTS, Map.of());
        List<String> heldTexts = EncoderTrainingOptions.texts(split.heldOut());
        List<double[]> he = new ArrayList<>();
        List<double[]> hn = new ArrayList<>();
        for (int i = 0; i < heldX.length; i++) {
            he.add(enc.probabilities(heldX[i]));
            hn.add(ordered(ng, enc.labels(), new Document("", segmenter.contentWords(heldTexts.get(i)),
                    heldTexts.get(i))));
        }
        List<String> heldGold = split.heldOut().stream().map(LabelledMessages::topic).toList();
        Evaluation e = Evaluation.of(heldGold, answers(mix(he, hn, bestA), enc.labels(), bestT));
        System.out.printf("held-out with the ensemble: accuracy %.4f macro-F1 %.4f macro-F1 of the gold 7 %.4f%n%s",
                e.accuracy(), e.macroF1(), TopicEncoderTraining.macroF1OfSeven(e), e.report());
    }

    private static double[] ordered(TopicModel ng, List<String> classes, Document d) {
        double[] raw = ng.probabilities(d.tokens(), d.text());
        double[] out = new double[classes.size()];
        for (int k = 0; k < ng.labels().size(); k++) {
            int c = classes.indexOf(ng.labels().get(k));
            if (c >= 0) {
                out[c] = raw[k];
            }
        }
        return out;
    }

    private static List<double[]> mix(List<double[]> a, List<double[]> b, double w) {
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            double[] p = new double[a.get(i).length];
            for (int c = 0; c < p.length; c++) {
                p[c] = w * a.get(i)[c] + (1 - w) * b.get(i)[c];
            }
            out.add(p);
        }
        return out;
    }

    private static List<String> answers(List<double[]> probabilities, List<String> classes, double t) {
        int other = classes.indexOf(LabelledMessages.OTHER);
        List<String> out = new ArrayList<>();
        for (double[] p : probabilities) {
            int best = -1;
            for (int c = 0; c < p.length; c++) {
                if (c != other && (best < 0 || p[c] > p[best])) {
                    best = c;
                }
            }
            out.add(other >= 0 && (p[other] >= p[best] || p[best] < t) ? LabelledMessages.OTHER : classes.get(best));
        }
        return out;
    }
}
