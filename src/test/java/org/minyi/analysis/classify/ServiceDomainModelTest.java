package org.minyi.analysis.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service-domain model: what it answers for given probabilities, how it learns, and its file. */
class ServiceDomainModelTest {

    private static final List<String> DOMAINS = List.of("交通出行", "义务教育", "生态环境", ServiceDomainModel.OTHER);

    private static ServiceDomainModel untrained() {
        List<SoftmaxRegression> models = new ArrayList<>();
        for (int i = 0; i < DOMAINS.size(); i++) {
            models.add(SoftmaxRegression.train(new float[][]{{0f}, {1f}}, new int[]{0, 1}, null, 2,
                    SoftmaxRegression.Settings.defaults()));
        }
        return new ServiceDomainModel(DOMAINS, models, new double[]{0.5, 0.4, 0.3, 0.2}, Map.of());
    }

    private static List<String> decide(double... p) {
        ServiceDomainModel model = untrained();
        return model.decide(p, new double[]{0.5, 0.4, 0.3, 0.2}).stream().map(ServiceDomainModel.Scored::domain)
                .toList();
    }

    @Test
    void everyDomainOverItsThresholdMostLikelyFirst() {
        assertThat(decide(0.55, 0.9, 0.1, 0.0)).containsExactly("义务教育", "交通出行");
    }

    @Test
    void atMostThreeDomains() {
        assertThat(decide(0.9, 0.8, 0.7, 0.0)).containsExactly("交通出行", "义务教育", "生态环境");
        assertThat(decide(0.9, 0.8, 0.7, 0.95)).hasSize(3).doesNotContain(ServiceDomainModel.OTHER);
    }

    @Test
    void otherStandsOnlyAlone() {
        assertThat(decide(0.6, 0.0, 0.0, 0.9)).containsExactly("交通出行");
        assertThat(decide(0.1, 0.0, 0.0, 0.9)).containsExactly(ServiceDomainModel.OTHER);
    }

    @Test
    void whenNonePassesTheOneClosestToItsThresholdIsGiven() {
        // 0.25 of 0.3 (生态环境) is closer than 0.4 of 0.5 (交通出行)
        assertThat(decide(0.4, 0.1, 0.25, 0.0)).containsExactly("生态环境");
    }

    @Test
    void trainingLearnsSeparableDomainsAndTheFileKeepsTheModel(@TempDir Path folder) {
        Random random = new Random(7);
        List<float[]> x = new ArrayList<>();
        List<List<String>> gold = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            int kind = i % 3;
            float[] v = new float[8];
            for (int j = 0; j < v.length; j++) {
                v[j] = (float) (random.nextGaussian() * 0.1);
            }
            v[kind] += 1;
            if (kind == 2) {
                v[0] += 1; // both 交通出行 and 生态环境
            }
            x.add(v);
            gold.add(kind == 0 ? List.of("交通出行") : kind == 1 ? List.of("义务教育") : List.of("生态环境", "交通出行"));
        }
        DomainTraining.Result result = DomainTraining.train(x.toArray(float[][]::new), gold, DOMAINS,
                SoftmaxRegression.Settings.defaults(), 3, 1, Map.of("data", "synthetic"), System.err);

        assertThat(result.model().domains()).containsExactly("交通出行", "义务教育", "生态环境");
        assertThat(result.crossValidation().micro().f1()).isGreaterThan(0.95);
        result.model().save(folder);
        ServiceDomainModel read = ServiceDomainModel.load(folder);
        float[] both = new float[8];
        both[0] = 1;
        both[2] = 1;
        assertThat(read.domainsOf(both).stream().map(ServiceDomainModel.Scored::domain))
                .containsExactlyInAnyOrder("交通出行", "生态环境");
        assertThat(read.facts()).containsEntry("data", "synthetic").containsKey("thresholds");
    }
}
