package org.minyi.analysis;

import java.util.List;
import java.util.Set;
import org.minyi.analysis.classify.ServiceDomainModel;

/** The message's public-service domains from the {@link ServiceDomainModel} over its sentence vector. */
final class DomainStep implements AnalysisStep {

    private final ServiceDomainModel model;

    DomainStep(ServiceDomainModel model) {
        this.model = model;
    }

    @Override
    public String name() {
        return "domains";
    }

    @Override
    public Set<Fact<?>> reads() {
        return Set.of(Facts.EMBEDDING);
    }

    @Override
    public Set<Fact<?>> adds() {
        return Set.of(Facts.DOMAINS);
    }

    @Override
    public void apply(MessageFacts facts) {
        float[] vector = facts.get(Facts.EMBEDDING);
        List<String> domains = vector == null ? List.of()
                : model.domainsOf(vector).stream().map(ServiceDomainModel.Scored::domain).toList();
        facts.add(Facts.DOMAINS, domains);
    }
}
