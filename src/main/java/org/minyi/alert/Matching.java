package org.minyi.alert;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies every rule to one subject, each on its own: a rule that fails is logged (once per rule and cause) and
 * counted, and the others still run. Rules match only within their owner's {@link ReadScope}. The matches come back
 * grouped by subscriber, so that one subject makes at most one alert per subscriber naming all their rules.
 */
final class Matching {

    private static final Logger LOG = LoggerFactory.getLogger(Matching.class);

    private final ReadScopes scopes;
    private final AtomicLong failures = new AtomicLong();
    private final Map<String, Boolean> reported = new ConcurrentHashMap<>();

    Matching(ReadScopes scopes) {
        this.scopes = scopes;
    }

    /**
     * @param matches  the rule's own test, e.g. {@code Rule::matches}
     * @param readable whether the owner's scope reads the subject
     */
    <T> Map<String, List<Rule>> bySubscriber(List<Rule> rules, T subject, BiPredicate<Rule, T> matches,
                                             BiPredicate<ReadScope, T> readable) {
        Map<String, List<Rule>> matched = new LinkedHashMap<>();
        for (Rule rule : rules) {
            try {
                if (matches.test(rule, subject) && readable.test(scopes.ofOwner(rule), subject)) {
                    matched.computeIfAbsent(rule.subscriber(), s -> new ArrayList<>()).add(rule);
                }
            } catch (RuntimeException e) {
                failures.incrementAndGet();
                if (reported.putIfAbsent(rule.id() + " " + e.getClass().getName(), Boolean.TRUE) == null) {
                    LOG.error("alert rule {} failed on a {} (further failures of this kind are only counted)",
                            rule.id(), subject.getClass().getSimpleName(), e);
                }
            }
        }
        return matched;
    }

    /** Rule evaluations that threw. */
    long failures() {
        return failures.get();
    }
}
