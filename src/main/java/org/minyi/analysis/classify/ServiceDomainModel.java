package org.minyi.analysis.classify;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The public-service domains a message is about (义务教育, 养老保险, 交通出行 … as defined in
 * {@code models/labels/GUIDE.md} §3): one logistic regression per domain over the sentence vector (one-vs-rest), each
 * with its own threshold chosen on out-of-fold predictions. A message gets every domain over its threshold, most
 * likely first, at most {@value #MAX_DOMAINS}; when none passes it gets the one closest to passing, because the guide
 * gives every message at least one domain. 其他 stands only alone.
 */
public final class ServiceDomainModel {

    public static final String FILE_NAME = "domains.model";
    static final String KIND = "service-domains";
    public static final String OTHER = "其他";
    public static final int MAX_DOMAINS = 3;
    /** The domains of the labelling guide v2.1 §3, in its order. */
    public static final List<String> GUIDE_DOMAINS = List.of("学前教育", "义务教育", "高中职业与高等教育", "学生资助",
            "就业服务", "劳动权益", "养老保险", "养老服务", "医疗保障", "卫生健康", "生活救助", "住房保障", "房产物业", "征地拆迁",
            "残疾人服务", "交通出行", "城市管理", "公用事业", "生态环境", "市场监管", "农业农村", "公共安全", "政务服务",
            "文化体育旅游", OTHER);

    /** One domain with its probability, for ranking and for showing the model's confidence. */
    public record Scored(String domain, double probability) {
    }

    private final List<String> domains;
    private final List<SoftmaxRegression> models;
    private final double[] thresholds;
    private final Map<String, String> facts;

    ServiceDomainModel(List<String> domains, List<SoftmaxRegression> models, double[] thresholds,
                       Map<String, String> facts) {
        if (domains.size() != models.size() || domains.size() != thresholds.length) {
            throw new IllegalArgumentException("one model and one threshold per domain");
        }
        this.domains = List.copyOf(domains);
        this.models = List.copyOf(models);
        this.thresholds = thresholds.clone();
        this.facts = Map.copyOf(facts);
    }

    /** Probability of each domain (in {@link #domains()} order) for one sentence vector. */
    public double[] probabilities(float[] vector) {
        double[] p = new double[domains.size()];
        for (int d = 0; d < p.length; d++) {
            p[d] = models.get(d).probabilities(vector)[1];
        }
        return p;
    }

    /** The domains of a message, most likely first (see the class comment for the rule). */
    public List<Scored> domainsOf(float[] vector) {
        return decide(probabilities(vector), thresholds);
    }

    List<Scored> decide(double[] p, double[] cut) {
        List<Scored> passed = new ArrayList<>();
        int closest = 0;
        for (int d = 0; d < p.length; d++) {
            if (p[d] >= cut[d]) {
                passed.add(new Scored(domains.get(d), p[d]));
            }
            if (p[d] / cut[d] > p[closest] / cut[closest]) {
                closest = d;
            }
        }
        if (passed.isEmpty()) {
            return List.of(new Scored(domains.get(closest), p[closest]));
        }
        passed.sort(Comparator.comparingDouble(Scored::probability).reversed());
        if (passed.size() > 1) {
            passed.removeIf(s -> s.domain().equals(OTHER));
        }
        return List.copyOf(passed.subList(0, Math.min(MAX_DOMAINS, passed.size())));
    }

    public List<String> domains() {
        return domains;
    }

    public double threshold(String domain) {
        return thresholds[domains.indexOf(domain)];
    }

    public Map<String, String> facts() {
        return facts;
    }

    public static ServiceDomainModel load(Path folder) {
        return ModelFile.read(folder.resolve(FILE_NAME), KIND,
                "train it with: minyi train domains --out models/domains (see models/domains/MODEL_CARD.md)",
                (in, facts) -> {
                    int n = in.readInt();
                    if (n < 1 || n > 200) {
                        throw new java.io.IOException("implausible domain count " + n);
                    }
                    List<String> names = new ArrayList<>(n);
                    double[] cut = new double[n];
                    List<SoftmaxRegression> models = new ArrayList<>(n);
                    for (int d = 0; d < n; d++) {
                        names.add(in.readUTF());
                        cut[d] = in.readDouble();
                        models.add(SoftmaxRegression.read(in));
                    }
                    return new ServiceDomainModel(names, models, cut, facts);
                });
    }

    public void save(Path folder) {
        ModelFile.write(folder.resolve(FILE_NAME), KIND, facts, out -> {
            out.writeInt(domains.size());
            for (int d = 0; d < domains.size(); d++) {
                out.writeUTF(domains.get(d));
                out.writeDouble(thresholds[d]);
                models.get(d).write(out);
            }
        });
    }
}
