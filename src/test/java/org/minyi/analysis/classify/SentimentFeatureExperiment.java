package org.minyi.analysis.classify;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.minyi.analysis.DomainDictionary;
import org.minyi.analysis.Segmenter;
import org.minyi.analysis.Sentiment;

/**
 * Not a test: the harness behind the "tried" table of {@code models/sentiment/MODEL_CARD.md}. It compares feature
 * weightings for the hotel-review classifier by 5-fold CV (seed 42) on the 80 % training part of the seeded split
 * only, segmenting once. Each argument is one variant {@code bigrams:charMin:charMax:binary:weight:l2norm:C:lexicon}
 * with weight one of {@code one, idf, r, idfr} (r = naive-Bayes log-count ratio); {@code -Dmindf=N} changes the
 * minimum document frequency, {@code -Dpunct=true} keeps ！？…，。 in the character n-grams. Held-out-fold
 * probabilities go to {@code /tmp/sentiment-cv-<variant>.txt} (gold labels to {@code /tmp/sentiment-cv-gold.txt}),
 * so that averages of variants can be scored afterwards. Run from the work tree:
 * <pre>
 * mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -Xmx3g -cp target/test-classes:target/classes:$(cat /tmp/cp.txt) \
 *     org.minyi.analysis.classify.SentimentFeatureExperiment true:1:5:false:idfr:true:16:true true:1:4:true:r:true:64:true
 * </pre>
 */
public final class SentimentFeatureExperiment {

    record Variant(String name, boolean bigrams, int charMin, int charMax, boolean binary, String weight,
                   boolean l2norm, double c, boolean lexicon) {
        static Variant parse(String spec) {
            String[] p = spec.split(":");
            return new Variant(spec, Boolean.parseBoolean(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]),
                    Boolean.parseBoolean(p[3]), p[4], Boolean.parseBoolean(p[5]), Double.parseDouble(p[6]),
                    Boolean.parseBoolean(p[7]));
        }
    }

    private SentimentFeatureExperiment() {
    }

    public static void main(String[] args) throws IOException {
        List<LabelledText> all = LabelledCsv.read(SharedData.HOTEL, LabelledCsv.Columns.GUESS);
        List<Document> docs = Documents.forSentiment(new HoldOut(0.2, 42).training(all),
                new Segmenter(DomainDictionary.load(Path.of("dictionaries"))));
        SentimentLexicon lexicon = SentimentLexicon.load(SharedData.LEXICONS,
                Path.of("models/sentiment/government-cues.txt"));
        int n = docs.size();
        int[] y = new int[n];
        List<SentimentLexicon.Reading> readings = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            y[i] = SentimentModel.polarity(docs.get(i).label()) == Sentiment.POSITIVE ? 1 : 0;
            readings.add(lexicon.read(docs.get(i).tokens()));
        }
        int[] fold = CrossValidation.folds(n, 5, 42);
        int minDf = Integer.getInteger("mindf", 2);
        boolean punct = Boolean.getBoolean("punct");
        for (String spec : args) {
            Variant v = Variant.parse(spec);
            TextFeatures features = new TextFeatures(v.bigrams(), v.charMin(), v.charMax());
            List<TextFeatures.Counts> counts = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String text = docs.get(i).text();
                if (punct) { // map punctuation to letters so that lettersAndDigits keeps it
                    text = text.replace('！', 'ǃ').replace('!', 'ǃ').replace('？', 'ʔ').replace('?', 'ʔ')
                            .replace('…', 'ʘ').replace('，', 'ǀ').replace('。', 'ǂ');
                }
                counts.add(features.extract(withNegated(docs.get(i).tokens(), readings.get(i)), text));
            }
            double[] probability = new double[n];
            for (int f = 0; f < 5; f++) {
                crossValidateFold(v, counts, readings, y, fold, f, minDf, probability);
            }
            int right = 0;
            for (int i = 0; i < n; i++) {
                right += ((probability[i] >= 0.5 ? 1 : 0) == y[i]) ? 1 : 0;
            }
            System.out.printf("%-45s cv %.4f%n", spec, (double) right / n);
            Files.write(Path.of("/tmp/sentiment-cv-" + spec.replace(':', '_') + ".txt"),
                    Arrays.stream(probability).mapToObj(Double::toString).toList());
        }
        Files.write(Path.of("/tmp/sentiment-cv-gold.txt"), Arrays.stream(y).mapToObj(Integer::toString).toList());
    }

    private static void crossValidateFold(Variant v, List<TextFeatures.Counts> counts,
                                          List<SentimentLexicon.Reading> readings, int[] y, int[] fold, int f,
                                          int minDf, double[] probability) {
        List<Integer> training = new ArrayList<>();
        for (int i = 0; i < y.length; i++) {
            if (fold[i] != f) {
                training.add(i);
            }
        }
        Map<Long, int[]> df = new HashMap<>();
        for (int i : training) {
            for (long key : counts.get(i).keys()) {
                df.computeIfAbsent(key, k -> new int[2])[y[i]]++;
            }
        }
        long[] keys = df.entrySet().stream().filter(e -> e.getValue()[0] + e.getValue()[1] >= minDf)
                .mapToLong(Map.Entry::getKey).sorted().toArray();
        double pSum = 0;
        double qSum = 0;
        for (long key : keys) {
            pSum += df.get(key)[1] + 1;
            qSum += df.get(key)[0] + 1;
        }
        Map<Long, Integer> column = new HashMap<>();
        double[] weights = new double[keys.length];
        for (int j = 0; j < keys.length; j++) {
            int[] c = df.get(keys[j]);
            double idf = Math.log((1.0 + training.size()) / (1.0 + c[0] + c[1])) + 1;
            double r = Math.abs(Math.log(((c[1] + 1) / pSum) / ((c[0] + 1) / qSum)));
            weights[j] = switch (v.weight()) {
                case "one" -> 1;
                case "idf" -> idf;
                case "r" -> r;
                case "idfr" -> idf * r;
                default -> throw new IllegalArgumentException("unknown weight " + v.weight());
            };
            column.put(keys[j], j);
        }
        int dense = v.lexicon() ? readings.getFirst().dense().length : 0;
        Problem problem = new Problem();
        problem.l = training.size();
        problem.n = keys.length + dense + 1;
        problem.bias = 1;
        problem.x = new Feature[training.size()][];
        problem.y = new double[training.size()];
        for (int j = 0; j < training.size(); j++) {
            int i = training.get(j);
            problem.x[j] = vector(counts.get(i), readings.get(i), column, weights, v, dense);
            problem.y[j] = y[i];
        }
        Linear.disableDebugOutput();
        Linear.resetRandom();
        Model model = Linear.train(problem, new Parameter(SolverType.L2R_LR, v.c(), 0.01));
        int positive = model.getLabels()[0] == 1 ? 0 : 1;
        double[] estimates = new double[2];
        for (int i = 0; i < y.length; i++) {
            if (fold[i] == f) {
                Linear.predictProbability(model, vector(counts.get(i), readings.get(i), column, weights, v, dense),
                        estimates);
                probability[i] = estimates[positive];
            }
        }
    }

    private static List<String> withNegated(List<String> words, SentimentLexicon.Reading reading) {
        List<String> all = new ArrayList<>(words);
        all.addAll(reading.negatedWords());
        return all;
    }

    private static Feature[] vector(TextFeatures.Counts counts, SentimentLexicon.Reading reading,
                                    Map<Long, Integer> column, double[] weights, Variant v, int dense) {
        List<FeatureNode> nodes = new ArrayList<>();
        double norm = 0;
        for (int i = 0; i < counts.size(); i++) {
            Integer j = column.get(counts.keys()[i]);
            if (j != null) {
                int count = counts.counts()[i];
                double value = (v.binary() || count == 1 ? 1 : 1 + Math.log(count)) * weights[j];
                nodes.add(new FeatureNode(j + 1, value));
                norm += value * value;
            }
        }
        if (v.l2norm() && norm > 0) {
            for (FeatureNode node : nodes) {
                node.value /= Math.sqrt(norm);
            }
        }
        nodes.sort(Comparator.comparingInt(FeatureNode::getIndex));
        for (int k = 0; k < dense; k++) {
            nodes.add(new FeatureNode(weights.length + k + 1, reading.dense()[k]));
        }
        nodes.add(new FeatureNode(weights.length + dense + 1, 1.0));
        return nodes.toArray(new Feature[0]);
    }
}
